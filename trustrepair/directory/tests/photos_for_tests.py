"""Pictures made in memory for tests (no binary files in the repository)."""

import io

from PIL import Image


def small_jpeg(size=(300, 300), colour=(90, 120, 160)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG")
    return out.getvalue()
