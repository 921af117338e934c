#!/usr/bin/env bash
# What a program embedding frontmap does: install the build into a fresh prefix, build
# examples/embed against it outside the source tree (through the CMake package and through
# pkg-config), and draw a map with each.
# Usage: embed.sh BUILD_DIR DATA_DIR
set -euo pipefail
build=$1
data=$2
source=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cmake -S "$source/examples/embed" -B "$tmp/embed" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/embed" >/dev/null
"$tmp/embed/article-map" "$source/examples/kherson-advance.txt" "$tmp/cmake.png" "$data"
[ "$(head -c 4 "$tmp/cmake.png" | od -An -tx1 | tr -d ' ')" = "89504e47" ] || { echo "embed: not a PNG"; exit 1; }

pc=$(find "$tmp/prefix" -name frontmap.pc -print -quit)
export PKG_CONFIG_PATH=$(dirname "$pc")
g++ -std=c++17 "$source/examples/embed/main.cpp" $(pkg-config --cflags --libs frontmap) \
  -Wl,-rpath,"$(pkg-config --variable=libdir frontmap)" -o "$tmp/article-map-pc"
"$tmp/article-map-pc" "$source/examples/kherson-advance.txt" "$tmp/pc.svg" "$data"
grep -q '</svg>' "$tmp/pc.svg" || { echo "embed: not an SVG"; exit 1; }

# The library's own errors reach the program as frontmap::Error, caught by type across the library.
if "$tmp/article-map-pc" "$source/examples/kherson-advance.txt" "$tmp/x.png" "$tmp/no-data" 2> "$tmp/err"; then
  echo "embed: a missing data folder was not an error"; exit 1
fi
grep -q '^article-map: error: ' "$tmp/err" || { echo "embed: the library's error was not caught as frontmap::Error:"; cat "$tmp/err"; exit 1; }

# The installed command reads a newsroom's own places through the installed GDAL module, and a
# map without --places does not load GDAL at all.
printf 'name,lat,lon,type\nZorya Outpost,46.70,32.55,village\n' > "$tmp/places.csv"
echo "Fighting was reported near Zorya Outpost on Tuesday." > "$tmp/zorya.txt"
"$tmp/prefix/bin/frontmap" --data "$data" --places "$tmp/places.csv" parse "$tmp/zorya.txt" > "$tmp/zorya.json"
grep -q '"Zorya Outpost"' "$tmp/zorya.json" || { echo "embed: the installed command did not read --places"; cat "$tmp/zorya.json"; exit 1; }
if ldd "$tmp/prefix/bin/frontmap" | grep -q libgdal; then echo "embed: the command loads GDAL at start"; exit 1; fi

# Only the public API is exported: no stage's internals for a program to come to depend on.
lib=$(find "$tmp/prefix" -name 'libfrontmap.so.*.*' -print -quit)
internals=$(nm -D --defined-only "$lib" | c++filt | grep -E ' frontmap::[a-z_]+::' || true)
[ -z "$internals" ] || { echo "embed: libfrontmap exports internals:"; echo "$internals" | head; exit 1; }
echo "embed: the installed package builds a program that draws maps"
