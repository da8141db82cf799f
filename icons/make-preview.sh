#!/bin/sh
# Compose preview.png: all PNG sizes side by side on a light row and a dark row,
# then the 16/24/32/48 px renders magnified 8x (nearest neighbour) on both backgrounds.
set -e
cd "$(dirname "$0")"
T=$(mktemp -d)
sheet() { # $1 = background colour, $2 = output, rest = images
  bg=$1; out=$2; shift 2
  for f in "$@"; do
    convert "$f" -background "$bg" -gravity center -extent "$(identify -format '%[fx:w+24]x%[fx:h+24]' "$f")" -flatten "$T/c_$(basename "$f")"
  done
  convert -background "$bg" -gravity center $(for f in "$@"; do echo "$T/c_$(basename "$f")"; done) +append "$out"
}
SIZES="16 24 32 48 64 128 256"
PNGS=$(for s in $SIZES; do echo png/storymimi-studio-$s.png; done)
for s in 16 24 32 48; do
  convert png/storymimi-studio-$s.png -filter point -resize 800% "$T/zoom-$s.png"
done
ZOOMS=$(for s in 16 24 32 48; do echo "$T/zoom-$s.png"; done)
sheet '#F4F4F6' "$T/r1.png" $PNGS
sheet '#1E1E24' "$T/r2.png" $PNGS
sheet '#F4F4F6' "$T/r3.png" $ZOOMS
sheet '#1E1E24' "$T/r4.png" $ZOOMS
convert -background '#F4F4F6' -gravity west "$T/r1.png" "$T/r2.png" "$T/r3.png" "$T/r4.png" -append -define png:exclude-chunk=date,time preview.png
rm -rf "$T"
