#!/usr/bin/env python3
"""Times trafilatura on the extraction benchmark's pages, for comparison with `readout bench --html`.

trafilatura is not a dependency of readout; install it in a throwaway environment:

    python3 -m venv /tmp/traf && /tmp/traf/bin/pip install trafilatura
    taskset -c 0 /tmp/traf/bin/python scripts/trafilatura_bench.py ../shared/data/extraction-bench/html

Pages are read and decompressed before timing, as `readout bench --html` does, and each page is
decoded from UTF-8 inside the timing (trafilatura takes text). The best of `--runs` passes is
reported, which is the figure most favourable to trafilatura. With `--predictions FILE` the
extracted bodies are written in the form `score_extraction.py` reads.
"""

import argparse
import gzip
import json
import os
import sys
import time


def load(directory):
    pages = []
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rb") as f:
            pages.append((name.split(".")[0], f.read()))
    return pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", help="folder of .html or .html.gz pages")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--predictions", help="write {id: {articleBody}} here")
    args = parser.parse_args()

    import trafilatura

    pages = load(args.directory)
    if not pages:
        sys.exit(f"no pages in {args.directory}")
    total_bytes = sum(len(raw) for _, raw in pages)
    best = None
    bodies = {}
    for _ in range(max(1, args.runs)):
        started = time.perf_counter()
        for page_id, raw in pages:
            bodies[page_id] = trafilatura.extract(raw.decode("utf-8", "replace")) or ""
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    if args.predictions:
        with open(args.predictions, "w") as f:
            json.dump({k: {"articleBody": v} for k, v in bodies.items()}, f)
    print(
        f"trafilatura {trafilatura.__version__}: {len(pages)} pages, "
        f"{total_bytes / 1e6:.2f} MB of HTML, best of {args.runs}: {best:.2f} s, "
        f"{len(pages) / best:.1f} pages/s, {total_bytes / 1e6 / best:.2f} MB/s (one thread)"
    )


if __name__ == "__main__":
    main()
