#!/usr/bin/env python3
"""Builds pkg/plotting/hangul/FactorLabHangul-Regular.ttf from NanumGothic.

The font is the Hangul part of NanumGothic Regular (SIL Open Font License 1.1,
Debian package fonts-nanum): every modern Hangul syllable (U+AC00–U+D7A3), the
Hangul Jamo and Compatibility Jamo, CJK punctuation and the space, without
hinting.
Latin, Greek and mathematical symbols are not kept: figures draw them with
gonum/plot's own Liberation font and only fall back to this font for what
Liberation lacks. A subset is a Modified Version under the OFL, and
"NanumGothic" is a Reserved Font Name, so the subset is renamed
"FactorLab Hangul".

Usage (fontTools is not part of the project's venv):

    python3 -m venv /tmp/ftvenv && /tmp/ftvenv/bin/pip install fonttools==4.55.3
    /tmp/ftvenv/bin/python scripts/make_hangul_font.py \
        [/usr/share/fonts/truetype/nanum/NanumGothic.ttf]

The output is byte-for-byte reproducible from the same source file and
fontTools version (timestamps are taken from the source, not the clock).
"""

import hashlib
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"
OUT = os.path.join(os.path.dirname(__file__), "..", "pkg", "plotting", "hangul",
                   "FactorLabHangul-Regular.ttf")
UNICODES = [
    0x20, 0xA0,  # spaces, so that a run of Korean words is measured with its own spaces
    *range(0xAC00, 0xD7A4),  # Hangul syllables
    *range(0x1100, 0x1200),  # Hangul Jamo
    *range(0x3131, 0x318F),  # Hangul Compatibility Jamo
    *range(0x3000, 0x3040),  # CJK symbols and punctuation
]
FAMILY = "FactorLab Hangul"
POSTSCRIPT = "FactorLabHangul-Regular"


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    with open(src, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    font = TTFont(src, recalcTimestamp=False)
    opts = subset.Options()
    opts.hinting = False
    opts.name_IDs = [0, 13, 14]  # copyright, licence, licence URL
    opts.name_languages = [0x409]
    opts.notdef_outline = True
    opts.drop_tables += ["DSIG"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=UNICODES)
    sub.subset(font)
    names = font["name"]
    for nid, value in [
        (1, FAMILY),
        (2, "Regular"),
        (3, POSTSCRIPT + ";subset of NanumGothic sha256 " + digest[:16]),
        (4, FAMILY + " Regular"),
        (6, POSTSCRIPT),
        (10, "Hangul subset of NanumGothic by NAVER Corporation, renamed as the "
             "SIL Open Font License requires for Modified Versions."),
    ]:
        names.setName(value, nid, 3, 1, 0x409)
    font.save(os.path.normpath(OUT))
    print("source sha256", digest)
    print("wrote", os.path.normpath(OUT), os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
