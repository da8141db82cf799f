#!/bin/sh
# Regenerate every icon artefact from storymimi-studio.svg.
# Needs: rsvg-convert (librsvg2-bin), ImageMagick 6 (convert), python3.
set -e
cd "$(dirname "$0")"
SVG=storymimi-studio.svg
P=png/storymimi-studio

# 1. PNGs (transparent outside the rounded square)
mkdir -p png
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w $s -h $s "$SVG" -o "$P-$s.png"
done

# 2. Windows .ico (each size stored as its own image; 256 is stored PNG-compressed)
convert "$P-16.png" "$P-24.png" "$P-32.png" "$P-48.png" "$P-64.png" \
        "$P-128.png" "$P-256.png" storymimi-studio.ico

# 3. macOS .icns (PNG entries; the 1024 px Retina entry is rendered to a temp file)
T=$(mktemp -d)
rsvg-convert -w 1024 -h 1024 "$SVG" -o "$T/1024.png"
python3 make-icns.py storymimi-studio.icns \
  icp4="$P-16.png" icp5="$P-32.png" icp6="$P-64.png" \
  ic07="$P-128.png" ic08="$P-256.png" ic09="$P-512.png" ic10="$T/1024.png" \
  ic11="$P-32.png" ic12="$P-64.png" ic13="$P-256.png" ic14="$P-512.png"
rm -rf "$T"

# 4. Preview sheet
./make-preview.sh
