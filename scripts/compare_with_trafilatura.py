#!/usr/bin/env python3
"""Finds the pages where readout's extraction and trafilatura's disagree, to be judged by hand.

Neither extractor is the truth here: the point is to find pages of kinds the benchmarks do not
cover (blogs, institutional pages, forums, shops) where one of the two misses or adds text, and
to read those pages. trafilatura is not a dependency of readout; install it in a throwaway
environment:

    python3 -m venv /tmp/traf && /tmp/traf/bin/pip install trafilatura lxml_html_clean
    readout extract --map ../shared/data/date-eval/pages > readout.json
    /tmp/traf/bin/python scripts/compare_with_trafilatura.py ../shared/data/date-eval/pages \\
        readout.json --urls ../shared/data/date-eval/truth.json --cache traf.json

Prints, for bodies, the mean word F1 between the two and the pages that agree (F1 >= 0.9), then
the pages where readout has the least of trafilatura's words (`--worst N`); for authors and
titles, how often both give one and agree. `--cache` keeps trafilatura's output between runs.
"""

import argparse
import gzip
import json
import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor


def page_id(name):
    """A page's id as `readout extract --map` writes it: the file name without its extensions."""
    for ext in (".gz", ".html", ".htm"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    return name


def run_trafilatura(job):
    import trafilatura

    path, url = job
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        html = f.read()
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if result is None:
        return page_id(os.path.basename(path)), {}
    doc = result.as_dict() if hasattr(result, "as_dict") else result
    return page_id(os.path.basename(path)), {
        "body": doc.get("text") or "",
        "author": doc.get("author") or "",
        "title": doc.get("title") or "",
    }


def words(text):
    return Counter(re.findall(r"\w+", (text or "").lower()))


def norm(text):
    return re.sub(r"\W+", " ", text or "").strip().lower()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", help="directory of HTML pages (plain or gzipped)")
    ap.add_argument("readout", help="`readout extract --map` output for the same pages")
    ap.add_argument("--urls", help="JSON mapping file names to {url}, as date-eval's truth.json")
    ap.add_argument("--cache", help="read trafilatura's output from this file, or write it there")
    ap.add_argument("--worst", type=int, default=30, help="how many disagreeing pages to list")
    args = ap.parse_args()

    if args.cache and os.path.exists(args.cache):
        with open(args.cache) as f:
            traf = json.load(f)
    else:
        urls = {}
        if args.urls:
            with open(args.urls) as f:
                urls = {name: v.get("url") for name, v in json.load(f).items()}
        names = sorted(os.listdir(args.pages))
        jobs = [(os.path.join(args.pages, n), urls.get(n)) for n in names]
        with ProcessPoolExecutor() as pool:
            traf = dict(pool.map(run_trafilatura, jobs, chunksize=8))
        if args.cache:
            with open(args.cache, "w") as f:
                json.dump(traf, f)
    with open(args.readout) as f:
        ours = json.load(f)

    rows = []
    for pid, theirs in traf.items():
        mine = ours.get(pid, {})
        a, b = words(mine.get("articleBody")), words(theirs.get("body"))
        shared = sum((a & b).values())
        recall = shared / sum(b.values()) if b else 1.0
        precision = shared / sum(a.values()) if a else 1.0
        f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
        rows.append((pid, sum(a.values()), sum(b.values()), recall, precision, f1))
    print(f"bodies: {len(rows)} pages, mean word F1 {sum(r[5] for r in rows) / len(rows):.4f}, "
          f"agreeing (F1 >= 0.9) {sum(r[5] >= 0.9 for r in rows)}")
    print(f"  readout empty where trafilatura has 40 words or more: "
          f"{sum(r[1] == 0 and r[2] >= 40 for r in rows)}")
    print(f"pages where readout has least of trafilatura's words (readout words, trafilatura words, "
          f"share of trafilatura's words readout has, share of readout's words trafilatura has):")
    for pid, n_ours, n_theirs, recall, precision, _ in sorted(rows, key=lambda r: r[3])[: args.worst]:
        print(f"  {pid}  {n_ours} {n_theirs}  {recall:.2f} {precision:.2f}")

    both = agree = only_ours = only_theirs = 0
    for pid, theirs in traf.items():
        mine = {norm(a) for a in ours.get(pid, {}).get("authors") or [] if norm(a)}
        others = {norm(a) for a in re.split(r";|,| and ", theirs.get("author") or "") if norm(a)}
        if mine and others:
            both += 1
            agree += any(x in y or y in x for x in mine for y in others)
        elif mine:
            only_ours += 1
        elif others:
            only_theirs += 1
    print(f"authors: both give one on {both} pages, the same person on {agree}; "
          f"only readout {only_ours}, only trafilatura {only_theirs}")
    same = 0
    for pid, theirs in traf.items():
        x, y = norm(ours.get(pid, {}).get("title")), norm(theirs.get("title"))
        same += bool(x and y and (x == y or x in y or y in x))
    print(f"titles: the same on {same} of {len(traf)} pages")


if __name__ == "__main__":
    main()
