"""Small PDF files written by hand for the tests (no PDF library on the writing side, so the
reader under test cannot be fooled by its own writer)."""

from __future__ import annotations

import io
import zlib


def one_page_pdf(stream: bytes, compress: bool = False) -> bytes:
    """A one-page PDF whose content stream is `stream` (Flate-compressed with `compress`)."""
    data = zlib.compress(stream, 9) if compress else stream
    flate = b" /Filter /FlateDecode" if compress else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(data), flate) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def text_pdf(text: str) -> bytes:
    """A one-page PDF with `text` in its text layer (ASCII)."""
    return one_page_pdf(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())
