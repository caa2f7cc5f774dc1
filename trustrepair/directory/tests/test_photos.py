"""Therapist photos: only real JPEG, PNG or WebP; re-encoded small with every byte of metadata gone; bad
files get a message, never a 500; served by content hash with nosniff and a long cache."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from trustrepair.directory import photos
from trustrepair.directory.tests.factories import make_profile, make_therapist

UPLOAD = reverse("directory:my_photo")


def jpeg_with_gps(size=(1200, 900)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 80))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 30.0, 0.0)  # latitude 51°30'
    gps[3], gps[4] = "W", (0.0, 7.0, 0.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, quality=95)
    return out.getvalue()


def png_bomb(width=100_000, height=100_000) -> bytes:
    """A tiny PNG whose header claims 10 000 megapixels (its pixel data is never needed to refuse it)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def test_gps_and_every_other_exif_tag_are_gone_after_reencoding():
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # the upload really carries GPS
    clean = photos.reencode(original)
    image = Image.open(io.BytesIO(clean.data))
    assert image.format == "WEBP" and max(image.size) <= 400 and len(clean.data) <= 60 * 1024
    assert len(image.getexif()) == 0 and not image.getexif().get_ifd(0x8825)
    assert "exif" not in image.info and "icc_profile" not in image.info and "xmp" not in image.info
    assert b"PhoneMaker" not in clean.data and b"GPS" not in clean.data


def test_a_noisy_large_photo_still_fits_in_60_kb():
    noise = Image.effect_noise((2000, 2000), 120).convert("RGB")
    out = io.BytesIO()
    noise.save(out, format="PNG")
    clean = photos.reencode(out.getvalue())
    assert len(clean.data) <= 60 * 1024 and max(clean.width, clean.height) <= 400


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not a JPEG, PNG or WebP"),
        (b"GIF89a" + b"\x00" * 100, "not a JPEG, PNG or WebP"),
        (b"%PDF-1.7 not a picture", "not a JPEG, PNG or WebP"),
        (b"", "empty"),
        (png_bomb(), "too many pixels"),
        (b"x" * (photos.MAX_UPLOAD_BYTES + 1), "larger than 10 MB"),
        (jpeg_with_gps()[:3000], "damaged"),
    ],
    ids=["svg", "gif", "pdf", "empty", "decompression-bomb", "oversized", "truncated"],
)
def test_files_that_are_not_safe_pictures_are_refused_with_a_reason(data, words):
    with pytest.raises(photos.PhotoRejected, match=words):
        photos.reencode(data)


@pytest.mark.django_db
def test_a_therapist_uploads_a_photo_and_it_is_served_by_hash_with_nosniff_and_a_long_cache(
    client, therapist_tess, staff_sam
):
    profile = make_profile(therapist_tess, verified_by=staff_sam)
    client.force_login(therapist_tess)
    response = client.post(UPLOAD, {"photo": SimpleUploadedFile("me.jpg", jpeg_with_gps(), "image/jpeg")})
    assert response.status_code == 302
    profile.refresh_from_db()
    url = profile.photo.get_absolute_url()
    assert profile.photo.digest in url
    client.logout()
    served = client.get(url)
    assert served.status_code == 200 and served["Content-Type"] == "image/webp"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "max-age=31536000" in served["Cache-Control"] and "immutable" in served["Cache-Control"]
    assert b"GPS" not in served.content
    assert url in client.get(profile.get_absolute_url()).text  # shown on the public profile and the list
    assert url in client.get(reverse("directory:list")).text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
        ("note.txt", b"hello", "text/plain"),
        ("bomb.png", png_bomb(), "image/png"),
    ],
)
def test_a_bad_upload_gets_a_message_by_the_field_never_a_500(client, therapist_tess, name, data, content_type):
    make_profile(therapist_tess)
    client.force_login(therapist_tess)
    response = client.post(UPLOAD, {"photo": SimpleUploadedFile(name, data, content_type)})
    assert response.status_code == 400
    assert 'id="id_photo_error"' in response.text


@pytest.mark.django_db
def test_an_unlisted_therapists_photo_is_not_public_and_unknown_hashes_are_404(client, therapist_tess, staff_sam):
    profile = make_therapist("quiet@example.test")  # not verified, so not listed
    from trustrepair.directory import services

    photo = services.set_photo(profile.user, data=jpeg_with_gps((300, 300)))
    assert client.get(photo.get_absolute_url()).status_code == 404
    client.force_login(staff_sam)
    assert client.get(photo.get_absolute_url()).status_code == 200
    assert client.get(reverse("directory:photo", args=["0" * 64])).status_code == 404
