"""How wide a label will be, without a font library: DejaVu Sans advance widths.

DejaVu Sans is the widest of the families the pictures name (DejaVu, Liberation, Arial,
Helvetica), so boxes sized with its widths hold the text in every renderer; label placement
and the white boxes behind labels both rely on that.
"""

from __future__ import annotations

_CHARS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~äöüÄÖÜß–—„“”…·€§é"
)
_WIDTHS = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
    770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732,
    684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
    634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
    525, 636, 337, 636, 838, 613, 612, 634, 684, 787, 732, 630, 500, 1000, 518, 518, 518, 1000,
    318, 636, 500, 615,
)  # fmt: skip
_EM = dict(zip(_CHARS, _WIDTHS, strict=True))
_DEFAULT = 700  # anything else (other accents, symbols): a little wider than average
BOLD = 1.11  # DejaVu Sans Bold is about 10 % wider


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in user units of `text` set at font size `size`."""
    em = sum(_EM.get(c, _DEFAULT) for c in text) / 1000
    return em * size * (BOLD if bold else 1.0)


def wrap(text: str, limit: int = 24, lines: int = 3) -> list[str]:
    """Break a long label into at most `lines` lines of about `limit` characters, at spaces."""
    words, out, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > limit:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        last = out[-1]
        out[-1] = (last[: limit - 1].rstrip() if len(last) >= limit else last) + "…"
    return [x if len(x) <= limit + 8 else x[: limit + 7] + "…" for x in out] or [""]
