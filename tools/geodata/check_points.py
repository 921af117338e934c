#!/usr/bin/env python3
"""Checks curated point features against Natural Earth before they go into geodata/.

For every Point feature in the GeoJSON files given, prints the Natural Earth country and
admin-1 unit the point falls in, and fails (exit 1) when the country differs from the feature's
`country`, when the point falls in no country (sea, swapped lat/lon), or when a name is
listed twice. Seas, straits and other water features are skipped: they are meant to be off land.

    tools/geodata/check_points.py data/sources/world_map.gpkg geodata/places.geojson

Reads the GeoPackage with the standard library only (sqlite3 + WKB), so it runs on a machine
that has no GDAL Python bindings.
"""
import json
import sqlite3
import struct
import sys

WATER_TYPES = {"sea"}
# Water bodies: meant to be off land, or on a shared border; not checked.
WATER_KINDS = {"gulf", "strait", "lake", "reservoir", "sea"}
# Features beside water, whose point may fall off Natural Earth's coarse shore but, on land, must
# be in their country.
SHORE_KINDS = {"spit", "island", "bridge", "port"}


def parse_wkb(blob, offset=0):
    """Returns (list of polygons as lists of rings of (x, y), next offset)."""
    order = "<" if blob[offset] == 1 else ">"
    kind = struct.unpack_from(order + "I", blob, offset + 1)[0] % 1000
    offset += 5
    if kind == 3:
        (rings,) = struct.unpack_from(order + "I", blob, offset)
        offset += 4
        polygon = []
        for _ in range(rings):
            (n,) = struct.unpack_from(order + "I", blob, offset)
            offset += 4
            pts = struct.unpack_from(order + "%dd" % (2 * n), blob, offset)
            offset += 16 * n
            polygon.append(list(zip(pts[0::2], pts[1::2])))
        return [polygon], offset
    if kind == 6:
        (parts,) = struct.unpack_from(order + "I", blob, offset)
        offset += 4
        out = []
        for _ in range(parts):
            polys, offset = parse_wkb(blob, offset)
            out.extend(polys)
        return out, offset
    raise ValueError("unsupported WKB geometry type %d" % kind)


def gpkg_polygons(blob):
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
    return parse_wkb(blob, 8 + envelope)[0]


def inside_ring(x, y, ring):
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def inside(x, y, polygons):
    return any(inside_ring(x, y, p[0]) and not any(inside_ring(x, y, h) for h in p[1:]) for p in polygons)


def load_layer(db, sql):
    rows = []
    for geom, *fields in db.execute(sql):
        polys = gpkg_polygons(geom)
        xs = [x for p in polys for x, _ in p[0]]
        ys = [y for p in polys for _, y in p[0]]
        rows.append(((min(xs), min(ys), max(xs), max(ys)), polys, fields))
    return rows


def locate(x, y, layer):
    for (x0, y0, x1, y1), polys, fields in layer:
        if x0 <= x <= x1 and y0 <= y <= y1 and inside(x, y, polys):
            return fields
    return None


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    db = sqlite3.connect(argv[1])
    # Natural Earth gives territories with no ISO code of their own (Somaliland, Northern Cyprus)
    # the code -1; their sovereign's code is what we record.
    countries = load_layer(db, "SELECT geom, CASE iso_a2 WHEN '-1' THEN CASE ISO_A3 WHEN 'SOL' THEN 'SO' "
                               "WHEN 'CYN' THEN 'CY' WHEN 'KOS' THEN 'XK' ELSE iso_a2 END ELSE iso_a2 END, NAME FROM countries")
    admin1 = load_layer(db, "SELECT geom, iso_a2, name FROM states_provinces")
    failures = 0
    seen = {}
    for path in argv[2:]:
        for feature in json.load(open(path, encoding="utf-8"))["features"]:
            props = feature["properties"]
            for name in [props["name"]] + props.get("names", []):
                key = name.casefold()
                if key in seen and seen[key] != props["id"]:
                    print("FAIL %s: name '%s' also on %s" % (props["id"], name, seen[key]))
                    failures += 1
                seen[key] = props["id"]
            geom = feature.get("geometry")
            if not geom or geom["type"] != "Point" or props.get("type") in WATER_TYPES or props.get("kind") in WATER_KINDS:
                continue
            x, y = geom["coordinates"]
            country = locate(x, y, countries)
            unit = locate(x, y, admin1)
            iso = country[0] if country else None
            if props.get("country") == "":
                continue  # shared by two countries: a border bridge or crossing
            if props.get("kind") in SHORE_KINDS and iso is None:
                continue
            if "country" not in props:
                print("FAIL %s: no country" % props["id"])
                failures += 1
                continue
            # Natural Earth files some territories under their sovereign, and Crimea under RU
            # although we record it, with internationally recognised borders, as UA.
            expected = props.get("country", "")
            crimea = unit is not None and unit[1] in ("Crimea", "Sevastopol") and expected == "UA"
            ok = iso == expected or (unit is not None and unit[0] == expected) or crimea
            failures += 0 if ok else 1
            hint = "" if ok or iso else "  (at sea: lon and lat swapped?)"
            print("%s %-40s %-3s in %s / %s%s" % ("ok  " if ok else "FAIL", props["id"], expected, iso, unit[1] if unit else None, hint))
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
