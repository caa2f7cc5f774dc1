"""Therapist photos: accept JPEG, PNG or WebP only, re-encode from pixels, never serve what was uploaded.

No Django here. Pillow reads only the three raster formats we name (never SVG, which can carry script, and
never formats we did not choose); a file whose header declares more than MAX_PIXELS is refused before any
pixel is decoded, so a small "decompression bomb" cannot take memory; the picture is turned upright from
its EXIF orientation, flattened to RGB, shrunk to fit 400×400, copied onto a fresh image (so no EXIF, GPS,
ICC, XMP or text chunk survives) and saved as WebP of at most 60 KB.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40-megapixel camera is fine; a 100 000 × 100 000 PNG of 100 KB is not
MAX_SIDE = 400
MAX_OUTPUT_BYTES = 60 * 1024
CONTENT_TYPE = "image/webp"


class PhotoRejected(ValueError):
    """The file cannot be used; the message says why, in words for the person."""


@dataclass(frozen=True)
class Photo:
    data: bytes
    content_type: str
    width: int
    height: int

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


NOT_AN_IMAGE = "That file is not a JPEG, PNG or WebP picture. Please choose a photo in one of those formats."
TOO_MANY_PIXELS = (
    "That picture has too many pixels for us to open safely. Please save it smaller (under 40 megapixels) and "
    "try again."
)


def _open(data: bytes) -> Image.Image:
    if not data:
        raise PhotoRejected("That file is empty. Please choose a photo.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise PhotoRejected("That file is larger than 10 MB. Please choose a smaller photo.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoRejected(TOO_MANY_PIXELS)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise PhotoRejected(NOT_AN_IMAGE)
    if image.width * image.height > MAX_PIXELS:
        raise PhotoRejected(TOO_MANY_PIXELS)
    return image


def reencode(data: bytes) -> Photo:
    """The upload as a clean WebP of at most 400×400 and 60 KB, or PhotoRejected with the reason."""
    image = _open(data)
    try:
        image.draft("RGB", (MAX_SIDE * 2, MAX_SIDE * 2))  # JPEG: decode at a reduced scale, much less memory
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = ImageOps.exif_transpose(image)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoRejected(TOO_MANY_PIXELS)
    except (OSError, ValueError, SyntaxError):
        raise PhotoRejected("That picture is damaged or cut short. Please save it again and try once more.")
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    else:
        image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    clean = Image.new("RGB", image.size)  # a fresh image: no info, EXIF, ICC profile or text chunks to carry over
    clean.paste(image)
    for quality in (82, 72, 60, 48, 36):
        out = io.BytesIO()
        clean.save(out, format="WEBP", quality=quality, method=4)
        if out.tell() <= MAX_OUTPUT_BYTES:
            return Photo(out.getvalue(), CONTENT_TYPE, clean.width, clean.height)
    clean.thumbnail((MAX_SIDE // 2, MAX_SIDE // 2), Image.Resampling.LANCZOS)  # pragma: no cover - noise only
    out = io.BytesIO()  # pragma: no cover
    clean.save(out, format="WEBP", quality=36, method=4)  # pragma: no cover
    return Photo(out.getvalue(), CONTENT_TYPE, clean.width, clean.height)  # pragma: no cover
