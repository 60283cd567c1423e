"""Which pictures the app opens at all: the formats and the pixel limit.

Shared by the photo store (app.services.photos), which re-encodes what a person
chooses, and the printing layer, which draws photos stored before that; kept in
the foundation so neither layer reaches into the other.
"""

MAX_PIXELS = 40_000_000  # a 40-megapixel camera; a decoded RGB copy is 120 MB at most
# the only decoders Pillow may try (no EPS, no PSD, no ICNS...)
OPEN_FORMATS = ("BMP", "GIF", "JPEG", "PNG", "WEBP")
