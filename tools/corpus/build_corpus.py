#!/usr/bin/env python3
"""Builds the corpus file dev.jsonl from the annotated article files in tests/corpus/articles/.

Why a markup source: annotators write and review prose with the labels inline; byte offsets are
derived here so that no one counts bytes by hand.

An article file:
    id: ua-2022-001
    date: 2022-11-11
    split: dev            (or heldout: kept out of rule development)
    topic: general        (optional; default conflict. General news labels places only, no events)
    ---
    Body text. Each toponym occurrence is written [[surface|type|role|geonameid|lat|lon]],
    e.g. [[Kherson|city|location|706448|46.65581|32.6178]]; geonameid is '-' when GeoNames has none.
    === events
    {"type": "advance", "where": "Kherson", "evidence": "forces advanced", ...}   (one a line)

The event fields are described in tests/corpus/EVENTS.md.

    build_corpus.py --out FILE      writes FILE (the build's corpus/dev.jsonl) from every article
    build_corpus.py --check FILE..  checks the named article files, writes nothing

The articles are the source of truth and are committed; dev.jsonl is built from them (CMake does it
for the tests and the benchmark) and never committed.
"""
import datetime
import json
import os
import pathlib
import re
import sys

TYPES = {"city", "village", "region", "country", "river", "sea", "island", "infrastructure", "other"}
ROLES = {"location", "metonym", "not_place"}
SPLITS = {"dev", "heldout"}
TOPICS = {"conflict", "general"}  # general news: world, national and local stories, no event labels
EVENT_TYPES = {"advance", "capture", "recapture", "withdrawal", "strike", "shelling", "attack", "explosion",
               "evacuation", "flooding", "fortification", "other"}
STATUSES = {"reported", "claimed", "denied", "confirmed"}
EVENT_FIELDS = {"type", "where", "toward", "from", "along", "actor", "side", "killed", "wounded", "places",
                "claimed_by", "denied_by", "status", "date", "time_precision", "geo_precision", "evidence"}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]+)\|([^\[\]|]+)\|([^\[\]|]+)\|([^\[\]|]+)\|([^\[\]|]+)\]\]")
EVENTS_LINE = re.compile(r"^=== events\s*$", re.M)


class CorpusError(Exception):
    pass


def parse_header(head):
    meta = {}
    for line in head.strip().splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            raise CorpusError(f"header line {line!r} is not 'key: value'")
        meta[key.strip()] = value.strip()
    for key in ("id", "date"):
        if key not in meta:
            raise CorpusError(f"header has no '{key}:'")
    datetime.date.fromisoformat(meta["date"])
    meta.setdefault("split", "dev")
    meta.setdefault("topic", "conflict")
    if meta["topic"] not in TOPICS:
        raise CorpusError(f"unknown topic {meta['topic']!r}")
    if meta["split"] not in SPLITS:
        raise CorpusError(f"unknown split {meta['split']!r}")
    return meta


def convert_body(body):
    body = " ".join(body.split())  # one paragraph: offsets must not depend on line wrapping
    text = bytearray()
    toponyms = []
    pos = 0
    for m in MARK.finditer(body):
        text += body[pos:m.start()].encode()
        surface, typ, role, gid, lat, lon = (g.strip() for g in m.groups())
        if typ not in TYPES:
            raise CorpusError(f"unknown type {typ!r} for {surface!r}")
        if role not in ROLES:
            raise CorpusError(f"unknown role {role!r} for {surface!r}")
        lat_f, lon_f = float(lat), float(lon)
        if not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
            raise CorpusError(f"coordinates out of range for {surface!r}")
        start = len(text)
        text += surface.encode()
        toponyms.append({"start": start, "end": len(text), "name": surface, "lat": lat_f, "lon": lon_f,
                         "geonameid": None if gid == "-" else int(gid), "type": typ, "role": role})
        pos = m.end()
    text += body[pos:].encode()
    decoded = text.decode()
    if "[[" in decoded or "]]" in decoded:
        raise CorpusError("malformed markup left in text")
    return decoded, toponyms


def find_toponym(ref, toponyms):
    """'Kherson' or 'Kherson@3' (the 3rd marked occurrence of that surface) -> the toponym."""
    surface, sep, nth = ref.rpartition("@")
    if not sep:
        surface, nth = ref, ""
    same = [t for t in toponyms if t["name"] == surface]
    if not same:
        raise CorpusError(f"no marked toponym {surface!r}")
    if nth:
        if not nth.isdigit() or not 1 <= int(nth) <= len(same):
            raise CorpusError(f"{ref!r}: {surface!r} is marked {len(same)} time(s)")
        return same[int(nth) - 1]
    if len({(t["lat"], t["lon"]) for t in same}) > 1:
        raise CorpusError(f"{ref!r} is ambiguous: marked at different coordinates; write {surface}@N")
    return same[0]


def place_ref(toponym):
    return {"name": toponym["name"], "start": toponym["start"], "end": toponym["end"],
            "lat": toponym["lat"], "lon": toponym["lon"], "type": toponym["type"]}


def optional_int(event, key, low, high):
    value = event.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise CorpusError(f"{key} must be an integer from {low} to {high}, not {value!r}")
    return value


def optional_text(event, key):
    value = event.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise CorpusError(f"{key} must be non-empty text or null")
    return value


def convert_event(line, text, toponyms):
    try:
        event = json.loads(line)
    except json.JSONDecodeError as e:
        raise CorpusError(f"event is not JSON: {e}") from None
    if not isinstance(event, dict):
        raise CorpusError("event is not a JSON object")
    unknown = set(event) - EVENT_FIELDS
    if unknown:
        raise CorpusError(f"unknown event field(s) {sorted(unknown)}")
    if event.get("type") not in EVENT_TYPES:
        raise CorpusError(f"unknown event type {event.get('type')!r}")
    out = {"type": event["type"]}
    if not isinstance(event.get("where"), str):
        raise CorpusError("event has no 'where'")
    for key in ("where", "toward", "from", "along"):
        ref = event.get(key)
        out[key] = None if ref is None else place_ref(find_toponym(ref, toponyms))
    for key in ("actor", "side", "claimed_by", "denied_by"):
        out[key] = optional_text(event, key)
    out["killed"] = optional_int(event, "killed", 0, 10_000_000)
    out["wounded"] = optional_int(event, "wounded", 0, 10_000_000)
    out["places"] = optional_int(event, "places", 1, 100_000)
    status = event.get("status")
    if status is None:
        status = "denied" if out["denied_by"] else "claimed" if out["claimed_by"] else "reported"
    if status not in STATUSES:
        raise CorpusError(f"unknown status {status!r}")
    if status == "denied" and not out["denied_by"]:
        raise CorpusError("status 'denied' without denied_by")
    out["status"] = status
    date = event.get("date")
    if date is not None:
        datetime.date.fromisoformat(date)
    out["date"] = date
    out["time_precision"] = optional_int(event, "time_precision", 1, 3)
    out["geo_precision"] = optional_int(event, "geo_precision", 1, 3)
    evidence = event.get("evidence")
    if not isinstance(evidence, str) or len(evidence.split()) < 3:
        raise CorpusError("evidence must be a quote of three words or more")
    raw = text.encode()
    quote = evidence.encode()
    at = raw.find(quote)
    if at < 0:
        raise CorpusError(f"evidence {evidence!r} is not in the text")
    if raw.find(quote, at + 1) >= 0:
        raise CorpusError(f"evidence {evidence!r} occurs more than once")
    out["evidence"] = {"start": at, "end": at + len(quote)}
    return out


def convert(path):
    raw = path.read_text(encoding="utf-8")
    head, sep, rest = raw.partition("\n---\n")
    if not sep:
        raise CorpusError("no '---' line between header and body")
    meta = parse_header(head)
    parts = EVENTS_LINE.split(rest, maxsplit=1)
    text, toponyms = convert_body(parts[0])
    events = []
    if len(parts) == 2:
        for number, line in enumerate(parts[1].splitlines(), 1):
            if not line.strip():
                continue
            try:
                events.append(convert_event(line, text, toponyms))
            except CorpusError as e:
                raise CorpusError(f"event line {number}: {e}") from None
    article = {"id": meta["id"], "date": meta["date"], "split": meta["split"], "topic": meta["topic"],
               "text": text, "toponyms": toponyms, "events": events}
    return article, len(text.split())


def convert_all(paths):
    out = []
    failed = False
    for path in paths:
        try:
            article, words = convert(path)
        except (CorpusError, ValueError) as e:
            print(f"build_corpus: error: {path}: {e}", file=sys.stderr)
            failed = True
            continue
        if not 100 <= words <= 450:
            print(f"build_corpus: warning: {path.name}: {words} words", file=sys.stderr)
        out.append(article)
    ids = [a["id"] for a in out]
    if len(ids) != len(set(ids)):
        print("build_corpus: error: duplicate article ids", file=sys.stderr)
        failed = True
    if failed:
        sys.exit(1)
    return out


def summary(articles):
    def count(split):
        chosen = [a for a in articles if a["split"] == split]
        return f"{split}: {len(chosen)} articles, {sum(len(a['toponyms']) for a in chosen)} toponyms, " \
               f"{sum(len(a['events']) for a in chosen)} events"
    return "; ".join(count(s) for s in sorted(SPLITS))


def main():
    root = pathlib.Path(__file__).resolve().parents[2] / "tests" / "corpus"
    args = sys.argv[1:]
    if args and args[0] == "--check" and len(args) > 1:
        articles = convert_all([pathlib.Path(p) for p in args[1:]])
        print(f"ok: {summary(articles)}")
        return
    if len(args) != 2 or args[0] != "--out":
        print("usage: build_corpus.py --out FILE       (builds the corpus file from every article)\n"
              "       build_corpus.py --check FILE...  (checks articles, writes nothing)", file=sys.stderr)
        sys.exit(2)
    out = pathlib.Path(args[1])
    articles = convert_all(sorted((root / "articles").glob("*.txt")))
    # Written beside and renamed, so a failure never leaves a half-written corpus.
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name("." + out.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    os.replace(temporary, out)
    print(summary(articles))


if __name__ == "__main__":
    main()
