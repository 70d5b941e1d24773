#!/usr/bin/env bash
# Fetches the JavaScript and map data the web page of `readout serve` ships with, from npm at
# pinned versions, into crates/readout-server/web/vendor/ with their licences. The binary
# embeds them: nothing is fetched from the internet when the page runs.
#   world-atlas 2.0.2 (ISC; Natural Earth 1:110m countries, public domain), as TopoJSON
#   topojson-client 3.1.0 (ISC), which turns it into shapes in the browser
set -euo pipefail
cd "$(dirname "$0")/.."
out=crates/readout-server/web/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null)
for pkg in world-atlas-2.0.2 topojson-client-3.1.0; do
    mkdir -p "$work/$pkg"
    tar xzf "$work/$pkg.tgz" -C "$work/$pkg"
done
mkdir -p "$out"
cp "$work/world-atlas-2.0.2/package/countries-110m.json" "$out/countries-110m.json"
cp "$work/world-atlas-2.0.2/package/LICENSE" "$out/LICENSE.world-atlas"
cp "$work/topojson-client-3.1.0/package/dist/topojson-client.min.js" "$out/topojson-client.min.js"
cp "$work/topojson-client-3.1.0/package/LICENSE" "$out/LICENSE.topojson-client"
echo "vendored into $out:"
ls -l "$out"
