#!/usr/bin/env python3
"""Write a macOS .icns container whose entries hold PNG data.

usage: make-icns.py OUT.icns TYPE=FILE.png [TYPE=FILE.png ...]
e.g.   make-icns.py app.icns ic07=icon-128.png ic08=icon-256.png

Format: 'icns' + big-endian uint32 total length, then per entry
a 4-byte type + big-endian uint32 length (8 + data) + the PNG bytes.
"""
import struct
import sys

EXPECTED = {  # type: pixel size of the PNG it must hold
    "icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256,
    "ic09": 512, "ic10": 1024, "ic11": 32, "ic12": 64, "ic13": 256, "ic14": 512,
}

def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])

def main(out, specs):
    body = b""
    for spec in specs:
        kind, path = spec.split("=", 1)
        data = open(path, "rb").read()
        w, h = png_size(data)
        if kind not in EXPECTED or (w, h) != (EXPECTED[kind],) * 2:
            sys.exit(f"{path}: {w}x{h} does not fit entry type {kind}")
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)

if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
