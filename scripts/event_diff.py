#!/usr/bin/env python3
"""Sentence-by-sentence comparison of readout's events with the coders' majority.

Usage: event_diff.py GOLD_DIR SYSTEM.jsonl [--only-wrong]
GOLD_DIR is a folder laid out like ../shared/data/event-gold (items.json, coder-*/events.jsonl);
SYSTEM.jsonl is `readout code` output for its articles.jsonl. For each sentence it prints the
text, the majority events (root, source, target at the dyad level) and readout's asserted,
non-negated events, marking what is missing (-) and extra (+). A development aid; the figures
come from ../shared/tools/score_events.py.
"""
import collections, glob, json, os, re, sys


def norm(t):
    t = t.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", t).strip().lower()


def key(e):
    code = str(e.get("code") or "")
    src, tgt = e.get("source"), e.get("target")
    if isinstance(src, dict):
        src = src.get("code")
    if isinstance(tgt, dict):
        tgt = tgt.get("code")
    return (code[:2], (src or "-")[:3].upper() or "-", (tgt or "-")[:3].upper() or "-")


def counted(e):
    return not e.get("negated") and (e.get("modality") or "asserted") == "asserted"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    only_wrong = "--only-wrong" in sys.argv
    gold_dir, system = args
    items = json.load(open(os.path.join(gold_dir, "items.json")))
    coders = []
    for path in sorted(glob.glob(os.path.join(gold_dir, "*/events.jsonl"))):
        coders.append({json.loads(l)["id"]: json.loads(l)["events"] for l in open(path) if l.strip()})
    sys_events = collections.defaultdict(list)
    by_doc = collections.defaultdict(list)
    for it in items:
        by_doc[it["doc"]].append(it)
    for line in open(system):
        d = json.loads(line)
        golds = by_doc.get(d["id"], [])
        gw = [(g["id"], set(norm(g["text"]).split())) for g in golds]
        smap = {}
        for s in d["sentences"]:
            w = set(norm(s["text"]).split())
            best = max(gw, key=lambda g: len(w & g[1]) / max(1, len(w | g[1])), default=None)
            if best and len(w & best[1]) / max(1, len(w | best[1])) >= 0.6:
                smap[s["index"]] = best[0]
        for e in d["events"]:
            gid = smap.get(e["sentence"])
            if gid:
                sys_events[gid].append(e)
    totals = collections.Counter()
    for it in items:
        votes = collections.Counter()
        texts = {}
        for c in coders:
            ks = set()
            for e in c.get(it["id"], []):
                if counted(e):
                    k = key(e)
                    ks.add(k)
                    texts.setdefault(k, (e.get("source_text"), e.get("target_text"), e.get("code")))
            votes.update(ks)
        gold = {k for k, n in votes.items() if n >= 2}
        mine = {}
        for e in sys_events.get(it["id"], []):
            if counted(e):
                mine[key(e)] = e
        missing = gold - set(mine)
        extra = set(mine) - gold
        totals["tp"] += len(gold & set(mine))
        totals["fn"] += len(missing)
        totals["fp"] += len(extra)
        if only_wrong and not missing and not extra:
            continue
        print(f"== {it['id']}: {it['text']}")
        for k in sorted(gold):
            s, t, c = texts[k]
            mark = " " if k in mine else "-"
            print(f"  {mark} gold {c} {k[1]}->{k[2]}  ({s} -> {t})")
        for k in sorted(extra):
            e = mine[k]
            print(f"  + sys  {e['code']} {e['source']['code'] or '-'}->{(e['target'] or {}).get('code', '-')}"
                  f"  ({e['source']['text']} -> {(e['target'] or {}).get('text')}; {e['trigger']})")
    print(f"tp {totals['tp']} fn {totals['fn']} fp {totals['fp']}")


if __name__ == "__main__":
    main()
