#!/bin/sh
# Copy the exact front-end files the portal serves from node_modules into the static tree.
# The copies are committed, so a fresh clone needs no npm; run this after changing package.json:
#   npm ci && sh scripts/vendor-static.sh
set -eu
cd "$(dirname "$0")/.."
NM=node_modules
OUT=layani/portal/static/vendor
[ -d "$NM" ] || { echo "node_modules is missing: run 'npm ci' first" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT/htmx" "$OUT/leaflet/images" tests/browser/vendor
cp "$NM/htmx.org/dist/htmx.min.js" "$OUT/htmx/"
cp "$NM/htmx.org/LICENSE" "$OUT/htmx/LICENSE"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$OUT/leaflet/"
cp "$NM/leaflet/dist/images/"*.png "$OUT/leaflet/images/"
cp "$NM/leaflet/LICENSE" "$OUT/leaflet/LICENSE"
# axe-core runs only inside the browser tests (accessibility check); it is never served.
cp "$NM/axe-core/axe.min.js" tests/browser/vendor/axe.min.js
{
  echo "# Vendored by scripts/vendor-static.sh from package-lock.json — do not edit by hand."
  node -e 'const l=require("./package-lock.json").packages;for(const n of ["htmx.org","leaflet","axe-core"]){const p=l["node_modules/"+n];console.log(n+" "+p.version+" "+p.integrity)}'
} > "$OUT/VERSIONS.txt"
echo "vendored into $OUT:"; du -ab "$OUT" | sort -k2
