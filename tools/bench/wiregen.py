#!/usr/bin/env python3
"""Writes N varied wire-style articles as JSONL (id, date, title, source, text) for the batch
benchmark: real towns from the gazetteer, events from tools/bench/wire_templates.json.

usage: wiregen.py [--count 1000] [--seed 1] [--gazetteer data/gazetteer.sqlite] > day.jsonl

Benchmark input only: the corpus, not these, measures the parser and the events."""
import argparse
import json
import math
import random
import re
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIRE_NAME = re.compile(r"^[A-Z][A-Za-z' -]{2,24}$")  # names a wire would print as they are


def towns(db, country, minimum):
    rows = db.execute("select name, lat, lon, admin1, population from places where type = 'city' and country = ? and population >= ?",
                      (country, minimum)).fetchall()
    return [r for r in rows if WIRE_NAME.match(r[0])]


def region_name(db, country, admin1):
    row = db.execute("select name from places where type = 'region' and country = ? and admin1 = ? limit 1", (country, admin1)).fetchone()
    return row[0] if row and WIRE_NAME.match(row[0]) else None


def km(a, b):
    dlat, dlon = math.radians(b[1] - a[1]), math.radians(b[2] - a[2])
    h = math.sin(dlat / 2) ** 2 + math.cos(math.radians(a[1])) * math.cos(math.radians(b[1])) * math.sin(dlon / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def story_places(rng, db, country, cache):
    if country not in cache:
        cache[country] = (towns(db, country, 20000), towns(db, country, 3000))
    big, small = cache[country]
    if not big:
        return None
    place = rng.choice(big)
    nearby = [t for t in small if t[0] != place[0] and km(place, t) < 120]
    rng.shuffle(nearby)
    near = nearby[0] if nearby else rng.choice(big)
    other = nearby[1] if len(nearby) > 1 else rng.choice(big)
    return place, near, other


def fill(template, values):
    text = re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)
    return text[:1].upper() + text[1:]


def headline(lede):
    words, out = lede.split(",")[0].split(), ""
    for w in words:
        if len(out) + len(w) > 78:
            break
        out += (" " if out else "") + w
    return out


def article(rng, db, t, k, cache):
    conflict = rng.random() < 0.7
    theatre = rng.choice(t["theatres"] if conflict else t["general"])
    places = story_places(rng, db, theatre["country"], cache)
    if not places:
        return None
    place, near, other = places
    values = {"place": place[0], "near": near[0], "other": other[0], "capital": theatre["capital"], "country": theatre["name"],
              "region": region_name(db, theatre["country"], place[3]) or place[0], "weekday": rng.choice(t["weekdays"]),
              "killed": rng.randint(2, 40), "wounded": rng.randint(3, 90), "n": rng.randint(3, 60)}
    if conflict:
        acting, other_side = rng.sample(theatre["sides"], 2)
        values.update({"Adj": acting["Adj"][0].upper() + acting["Adj"][1:], "adj": acting["Adj"], "Side": acting["Side"],
                       "claimant": acting["claimant"], "official": acting["official"], "OtherAdj": other_side["Adj"],
                       "OtherSide": other_side["Side"]})
    ledes, more = (t["conflict_ledes"], t["conflict_more"]) if conflict else (t["general_ledes"], t["general_more"])
    lede = fill(rng.choice(ledes), values)
    body = [fill(s, values) for s in rng.sample(more, rng.randint(2, min(5, len(more))))]
    dateline = f"{place[0].upper()}, {theatre['name'].replace('the ', '')} ({rng.choice(t['agencies'])}) — "
    day = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
    return {"id": f"wire-{k:05d}", "date": day, "title": headline(lede), "source": rng.choice(t["sources"]),
            "text": dateline + lede + "\n\n" + "\n\n".join(body) + "\n"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gazetteer", default=str(HERE.parent.parent / "data" / "gazetteer.sqlite"))
    args = parser.parse_args()
    if not Path(args.gazetteer).is_file():
        sys.exit(f"wiregen: error: {args.gazetteer}: no gazetteer (run tools/setup.sh)")
    templates = json.loads((HERE / "wire_templates.json").read_text())
    db = sqlite3.connect(f"file:{args.gazetteer}?mode=ro", uri=True)
    rng = random.Random(args.seed)
    cache, k = {}, 0
    while k < args.count:
        a = article(rng, db, templates, k + 1, cache)
        if a:
            k += 1
            print(json.dumps(a, ensure_ascii=False))


if __name__ == "__main__":
    main()
