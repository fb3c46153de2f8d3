"""Uploaded images: check that they are images and strip EXIF and other metadata.

Photos from phones carry GPS coordinates, device serial numbers and times; for people
at risk that can reveal where they live. Every image upload goes through
:func:`clean_image` before it is stored.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_PIXELS = 40_000_000


class ImageRejected(ValueError):
    """The upload is not an acceptable image; ``code`` says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int
    content_type: str


def clean_image(
    data: bytes, *, max_bytes: int = 10 * 1024 * 1024, max_pixels: int = MAX_PIXELS
) -> CleanImage:
    """Return the image re-encoded without metadata, upright as the camera meant it.

    The size in pixels is read from the header before anything is decoded: a small file
    can describe a huge image (a 135 KB PNG of 41 megapixels, a 1 MB one of 900), and
    decoding it would take gigabytes. Such images are refused with ``too_many_pixels``;
    ``too_large`` means the file itself is over ``max_bytes``.
    """
    if len(data) > max_bytes:
        raise ImageRejected("too_large", f"image is larger than {max_bytes} bytes")
    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise ImageRejected("too_many_pixels", f"image has more than {max_pixels} pixels") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected("not_image", "the file is not a readable image") from exc
    image_format = image.format or ""
    if image_format not in ALLOWED_FORMATS:
        raise ImageRejected("format", f"unsupported image format {image_format or '?'}")
    if image.width * image.height > max_pixels:
        raise ImageRejected("too_many_pixels", f"image has more than {max_pixels} pixels")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        image.load()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise ImageRejected("not_image", "the file is not a readable image") from exc
    upright = ImageOps.exif_transpose(image) or image
    # Copy the pixels into a fresh image: nothing of the original's metadata survives.
    pixels = upright.convert("RGBA" if upright.mode in ("RGBA", "LA", "P") else "RGB")
    fresh = Image.new(pixels.mode, pixels.size)
    fresh.paste(pixels)
    out = io.BytesIO()
    if image_format == "JPEG":
        fresh.convert("RGB").save(out, format="JPEG", quality=88, optimize=True)
    elif image_format == "WEBP":
        fresh.save(out, format="WEBP", quality=88)
    else:
        fresh.save(out, format="PNG", optimize=True)
        image_format = "PNG"
    return CleanImage(
        content=out.getvalue(),
        extension=ALLOWED_FORMATS[image_format],
        width=fresh.width,
        height=fresh.height,
        content_type=f"image/{'jpeg' if image_format == 'JPEG' else image_format.lower()}",
    )
