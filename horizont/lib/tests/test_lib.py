import io

import pytest
from PIL import Image

from horizont.lib.crypto import FieldCipher, InvalidToken
from horizont.lib.images import ImageRejected, clean_image
from horizont.lib.ratelimit import hit
from horizont.lib.totp import totp_code


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (52.0, 31.0, 0.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_clean_image_removes_exif_and_gps():
    data = _jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif()
    cleaned = clean_image(data)
    result = Image.open(io.BytesIO(cleaned.content))
    assert not result.getexif()
    assert b"PhoneMaker" not in cleaned.content
    assert (cleaned.width, cleaned.height, cleaned.extension) == (40, 30, "jpg")


def test_clean_image_refuses_non_images_and_oversized():
    with pytest.raises(ImageRejected) as info:
        clean_image(b"%PDF-1.4 not an image")
    assert info.value.code == "not_image"
    with pytest.raises(ImageRejected) as info:
        clean_image(_jpeg_with_gps(), max_bytes=10)
    assert info.value.code == "too_large"


def test_cipher_round_trip_and_rotation():
    old = FieldCipher(["old-key"])
    token = old.encrypt("Signal +49")
    assert "Signal" not in token
    rotated = FieldCipher(["new-key", "old-key"])
    assert rotated.decrypt(token) == "Signal +49"
    with pytest.raises(InvalidToken):
        FieldCipher(["other"]).decrypt(token)
    with pytest.raises(ValueError):
        FieldCipher([])


def test_totp_matches_rfc6238_vector():
    # RFC 6238 test secret "12345678901234567890" in base32, T=59 s → 94287082 (8 digits)
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert totp_code(secret, at=59, digits=8) == "94287082"


class _Cache:
    def __init__(self):
        self.data = {}

    def add(self, key, value, timeout):
        if key in self.data:
            return False
        self.data[key] = value
        return True

    def incr(self, key):
        self.data[key] += 1
        return self.data[key]


def test_rate_limit_counts_and_hashes_keys():
    cache = _Cache()
    results = [hit(cache, action="post", who="ip:10.0.0.1", limit=3, window=60) for _ in range(5)]
    assert results == [True, True, True, False, False]
    assert all("10.0.0.1" not in key for key in cache.data)
    assert hit(cache, action="post", who="ip:10.0.0.2", limit=3, window=60)
    assert not hit(cache, action="closed", who="ip:10.0.0.2", limit=0, window=60)


@pytest.mark.parametrize(
    "url",
    ["/\\host/x", "\\\\host/x", "/\t/host/x", " //host/x", "/%2f%2Fhost/x", "https://h/x",
     "javascript:alert(1)", "data:image/png;base64,AA", "x.png", ""],
)  # fmt: skip
def test_local_path_refuses_every_way_out_of_the_site(url):
    from horizont.lib.urls import local_path

    assert local_path(url) is None


def test_local_path_keeps_paths_of_this_site():
    from horizont.lib.urls import local_path

    assert local_path("/media/a.png") == "/media/a.png"
    assert local_path(" /media/a b.png?x=1#f ") == "/media/a b.png?x=1#f"


def png_of_size(width: int, height: int, *, rows: int | None = None) -> bytes:
    """A grey PNG of ``width`` × ``height`` black pixels: tiny on disk, huge decoded
    (only its first ``rows`` rows of data when given: the header alone tells the size)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    packer = zlib.compressobj(1)
    row = b"\x00" * (width + 1)
    count = height if rows is None else rows
    compressed = b"".join(packer.compress(row) for _ in range(count)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed)
        + chunk(b"IEND", b"")
    )


def test_small_file_of_too_many_pixels_is_refused_for_its_pixels_not_its_size():
    data = png_of_size(8000, 5125)  # 41 megapixels
    assert len(data) < 200_000
    with pytest.raises(ImageRejected) as info:
        clean_image(data, max_bytes=8 * 1024 * 1024)
    assert info.value.code == "too_many_pixels"


def test_image_beyond_pillows_bomb_limit_is_refused_for_its_pixels():
    data = png_of_size(30000, 30000, rows=100)  # 900 megapixels declared
    with pytest.raises(ImageRejected) as info:
        clean_image(data, max_bytes=8 * 1024 * 1024)
    assert info.value.code == "too_many_pixels"


def test_image_within_the_pixel_limit_is_cleaned():
    cleaned = clean_image(png_of_size(300, 200))
    assert (cleaned.width, cleaned.height) == (300, 200)
    with pytest.raises(ImageRejected) as info:
        clean_image(png_of_size(300, 200), max_pixels=50_000)
    assert info.value.code == "too_many_pixels"


@pytest.mark.parametrize("cut", [20, 60, 200])
def test_truncated_image_is_not_an_image(cut):
    data = _jpeg_with_gps()[:cut]
    with pytest.raises(ImageRejected) as info:
        clean_image(data)
    assert info.value.code == "not_image"
