#!/usr/bin/env python3
"""Builds tests/corpus/dev.jsonl from the annotated article files in tests/corpus/articles/.

Why a markup source: annotators write and review prose with the labels inline; byte offsets are
derived here so that no one counts bytes by hand.

An article file:
    id: ua-2022-001
    date: 2022-11-11
    ---
    Body text. Each toponym occurrence is written [[surface|type|role|geonameid|lat|lon]],
    e.g. [[Kherson|city|location|706448|46.65581|32.6178]]; geonameid is '-' when GeoNames has none.
"""
import json
import pathlib
import re
import sys

TYPES = {"city", "village", "region", "country", "river", "sea", "island", "infrastructure", "other"}
ROLES = {"location", "metonym", "not_place"}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([^\[\]|]+)\|([^\[\]|]+)\|([^\[\]|]+)\|([^\[\]|]+)\|([^\[\]|]+)\]\]")


def fail(path, msg):
    sys.exit(f"build_corpus: error: {path}: {msg}")


def convert(path):
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        fail(path, "no '---' line between header and body")
    meta = dict(line.split(":", 1) for line in head.strip().splitlines())
    meta = {k.strip(): v.strip() for k, v in meta.items()}
    body = " ".join(body.split())  # one paragraph: offsets must not depend on line wrapping
    text = bytearray()
    toponyms = []
    pos = 0
    for m in MARK.finditer(body):
        text += body[pos:m.start()].encode()
        surface, typ, role, gid, lat, lon = (g.strip() for g in m.groups())
        if typ not in TYPES:
            fail(path, f"unknown type {typ!r} for {surface!r}")
        if role not in ROLES:
            fail(path, f"unknown role {role!r} for {surface!r}")
        lat_f, lon_f = float(lat), float(lon)
        if not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
            fail(path, f"coordinates out of range for {surface!r}")
        start = len(text)
        text += surface.encode()
        toponyms.append({"start": start, "end": len(text), "name": surface, "lat": lat_f, "lon": lon_f,
                         "geonameid": None if gid == "-" else int(gid), "type": typ, "role": role})
        pos = m.end()
    text += body[pos:].encode()
    decoded = text.decode()
    if "[[" in decoded or "]]" in decoded:
        fail(path, "malformed markup left in text")
    words = len(decoded.split())
    return {"id": meta["id"], "date": meta["date"], "text": decoded, "toponyms": toponyms}, words


def main():
    root = pathlib.Path(__file__).resolve().parents[2] / "tests" / "corpus"
    out = []
    for path in sorted((root / "articles").glob("*.txt")):
        article, words = convert(path)
        if not 100 <= words <= 320:
            print(f"build_corpus: warning: {path.name}: {words} words", file=sys.stderr)
        out.append(article)
    ids = [a["id"] for a in out]
    if len(ids) != len(set(ids)):
        sys.exit("build_corpus: error: duplicate article ids")
    with open(root / "dev.jsonl", "w", encoding="utf-8") as f:
        for a in out:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    print(f"{len(out)} articles, {sum(len(a['toponyms']) for a in out)} toponyms")


if __name__ == "__main__":
    main()
