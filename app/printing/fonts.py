"""Register the bundled WenQuanYi Micro Hei font with reportlab (once).

The font ships in ``resources/fonts`` (Apache-2.0, licence beside it) as a
TrueType collection; reportlab embeds the subset a document uses, so the PDF
renders Chinese on any viewer or printer.
"""

from __future__ import annotations

from functools import cache

from app.resources import font_path

CJK_FONT = "WenQuanYiMicroHei"


@cache
def register_fonts() -> str:
    """Register the CJK font with reportlab; returns its reportlab name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(CJK_FONT, str(font_path()), subfontIndex=0))
    return CJK_FONT
