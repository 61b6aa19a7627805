"""Reads just enough of a PNG to test it: its size, and whether anything is drawn on it.

No third-party imaging library: the IHDR chunk gives the size, and the decompressed scanlines
say whether the picture is blank. PNG encoders filter each row against its neighbours, so a
single-colour picture compresses to rows of zero differences; a drawn one does not.
"""
import struct
import zlib


def read_png(path):
    """(width, height, raw filtered scanlines) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, width, height, idat = 8, None, None, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    return width, height, zlib.decompress(b"".join(idat))


def drawn_fraction(raw, width, height):
    """The share of bytes that differ from their neighbour after filtering (0.0 = blank)."""
    stride = len(raw) // height
    changed = 0
    for y in range(height):
        row = raw[y * stride + 1 + 16:(y + 1) * stride]  # skip the filter byte and first pixels
        changed += len(row) - row.count(0)
    return changed / max(1, len(raw))
