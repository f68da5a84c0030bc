"""Every kind of photo a user can hand gemlang either loads as upright RGB or fails with a clear message."""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from gemlang.data import ImageError, load_image
from gemlang.data import images as images_module
from gemlang.data.images import photo_digest, thumbnail


def _save(image: Image.Image, path, fmt: str, **kw):
    image.save(path, fmt, **kw)
    return path


@pytest.mark.parametrize(
    "mode,fmt",
    [("RGBA", "PNG"), ("L", "PNG"), ("I;16", "PNG"), ("CMYK", "JPEG"), ("P", "PNG"), ("LA", "PNG"), ("F", "TIFF")],
)
def test_unusual_modes_load_as_rgb(tmp_path, mode, fmt):
    image = Image.new(mode, (20, 12), 100 if mode not in ("RGBA", "CMYK", "LA") else None)
    path = _save(image, tmp_path / f"x.{fmt.lower()}", fmt)
    out = load_image(path)
    assert out.mode == "RGB" and out.size == (20, 12)


def test_sixteen_bit_is_rescaled_not_clipped(tmp_path):
    arr = (np.arange(20 * 10).reshape(10, 20) * 300).astype(np.uint16)  # up to ~60000
    path = _save(Image.fromarray(arr), tmp_path / "deep.png", "PNG")
    out = np.asarray(load_image(path))
    assert out.max() == round(arr.max() / 65535 * 255) and out.min() == 0 and len(np.unique(out)) > 100


def test_a_dark_sixteen_bit_photo_stays_dark(tmp_path):
    path = _save(Image.fromarray(np.full((16, 16), 11000, np.uint16)), tmp_path / "dark.png", "PNG")
    assert np.asarray(load_image(path)).mean() == pytest.approx(11000 / 65535 * 255, abs=1)  # not stretched to white


def test_transparency_is_composited_on_white(tmp_path):
    path = _save(Image.new("RGBA", (10, 10), (255, 0, 0, 0)), tmp_path / "clear.png", "PNG")
    assert np.asarray(load_image(path))[0, 0].tolist() == [255, 255, 255]


def test_exif_rotation_is_applied(tmp_path):
    image = Image.new("RGB", (40, 20), (0, 0, 255))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to view"
    path = tmp_path / "rotated.jpg"
    image.save(path, "JPEG", exif=exif.tobytes())
    assert load_image(path).size == (20, 40)
    # read again (the classifier and its companion each read a photo decoded once): turned once, not twice
    upright = load_image(path)
    assert load_image(upright).size == (20, 40)
    square = Image.new("RGB", (40, 40), (0, 0, 255))
    square.paste((255, 0, 0), (0, 0, 20, 40))  # left half red: a turn moves it
    square.save(path, "JPEG", exif=exif.tobytes())
    once = np.asarray(load_image(path))
    np.testing.assert_array_equal(np.asarray(load_image(load_image(path))), once)


def test_broken_exif_does_not_stop_loading(tmp_path):
    # XResolution stored as text, as in some web photos: PIL's own exif_transpose crashes on it.
    from PIL import TiffImagePlugin

    ifd = TiffImagePlugin.ImageFileDirectory_v2(prefix=b"II")
    ifd[0x0112] = 6
    ifd[0x011A] = "seventy-two"
    ifd.tagtype[0x011A] = 2
    raw = b"Exif\x00\x00II*\x00\x08\x00\x00\x00" + ifd.tobytes(8)
    path = tmp_path / "odd_exif.jpg"
    Image.new("RGB", (30, 20), (0, 90, 0)).save(path, "JPEG", exif=raw)
    assert load_image(path).size == (20, 30)  # and the orientation still applied


@pytest.mark.parametrize(
    "content,expected",
    [
        (b"", "empty"),
        (b"this is a text file, not a photo", "not an image"),
        (b"\xff\xd8\xff\xe0 truncated jpeg", "corrupt or truncated"),
    ],
)
def test_non_images_raise_clear_errors(tmp_path, content, expected):
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    with pytest.raises(ImageError, match=expected):
        load_image(path)


def test_truncated_image_is_reported_as_corrupt(tmp_path):
    buf = io.BytesIO()
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (64, 64, 3), dtype=np.uint8)).save(buf, "PNG")
    path = tmp_path / "cut.png"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(ImageError, match="corrupt or truncated"):
        load_image(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImageError, match="no such file"):
        load_image(tmp_path / "nope.jpg")
    with pytest.raises(ImageError, match="folder"):
        load_image(tmp_path)


def test_a_pipe_or_a_link_to_a_device_named_like_a_photo_is_refused_not_read(tmp_path, alarm):
    os.mkfifo(tmp_path / "pipe.jpg")  # opening it would wait for a writer
    (tmp_path / "zero.jpg").symlink_to("/dev/zero")  # reading it never ends
    for path in (tmp_path / "pipe.jpg", tmp_path / "zero.jpg"):
        for read in (load_image, photo_digest):
            with pytest.raises(ImageError, match=r"(zero|pipe)\.jpg: not a regular file \(a device, pipe or socket\)"):
                read(path)
        assert thumbnail(path) is None


def test_a_file_far_larger_than_any_photo_is_not_read(tmp_path, monkeypatch):
    path = _save(Image.new("RGB", (64, 64)), tmp_path / "big.png", "PNG")
    monkeypatch.setattr(images_module, "MAX_PHOTO_BYTES", path.stat().st_size - 1)
    for read in (load_image, photo_digest):
        with pytest.raises(ImageError, match="far more than any photo, so it is not read"):
            read(path)
    status = Path("/proc/self/status")  # a regular file that says it is empty: the bytes read are counted too
    if status.exists():
        with pytest.raises(ImageError, match="far more than any photo"):
            photo_digest(status)


def test_decompression_bomb_is_refused_before_decoding(tmp_path, monkeypatch):
    monkeypatch.setattr(images_module, "MAX_PIXELS", 10_000)
    path = _save(Image.new("L", (200, 200)), tmp_path / "big.png", "PNG")
    with pytest.raises(ImageError, match="megapixel limit"):
        load_image(path)


def test_a_camera_jpeg_above_the_limit_is_decoded_at_a_fraction_of_its_size(tmp_path, monkeypatch):
    monkeypatch.setattr(images_module, "MAX_PIXELS", 10_000)
    monkeypatch.setattr(images_module, "JPEG_DRAFT_PIXELS", 2_500)
    path = _save(Image.new("RGB", (200, 200), (200, 30, 40)), tmp_path / "big.jpg", "JPEG")
    image = load_image(path)
    assert image.width * image.height <= 10_000 and image.getpixel((5, 5))[0] > 150  # the same photo, smaller


def test_a_camera_jpeg_is_decoded_at_a_fraction_of_its_size_that_keeps_enough_pixels(tmp_path, monkeypatch):
    monkeypatch.setattr(images_module, "DECODED_SIDE", 64)
    path = _save(Image.new("RGB", (400, 300), (200, 30, 40)), tmp_path / "camera.jpg", "JPEG")
    image = load_image(path)
    assert 64 <= min(image.size) < 300 and image.size[0] / image.size[1] == pytest.approx(4 / 3, abs=0.02)
    small = _save(Image.new("RGB", (100, 100), (200, 30, 40)), tmp_path / "small.jpg", "JPEG")
    assert load_image(small).size == (100, 100)  # under twice the side: decoded whole
    panorama = _save(Image.new("RGB", (800, 100), (200, 30, 40)), tmp_path / "panorama.jpg", "JPEG")
    assert 128 <= load_image(panorama).width < 800  # by its longer side: 12000 x 1500 no longer costs a gigabyte


def test_a_photo_many_times_the_input_is_box_reduced_first_to_nearly_the_same_pixels(monkeypatch):
    import gemlang.encoders.pixels as pixels

    rng = np.random.default_rng(0)
    side = 3 * pixels.REDUCED_SIDE * 32  # reduced by 3 for a 32 px input
    photo = Image.fromarray(rng.integers(0, 256, (side // 8, side // 5, 3), dtype=np.uint8)).resize((side * 2, side))
    fast = pixels.resize_square(photo, 32).astype(int)
    monkeypatch.setattr(pixels, "REDUCED_SIDE", 10**6)  # never reduced: the exact resize of the whole photo
    exact = pixels.resize_square(photo, 32).astype(int)
    assert np.abs(fast - exact).mean() < 1 and np.abs(fast - exact).max() <= 8


def test_jfif_and_avif_photos_are_photos_and_an_heic_photo_is_named_with_what_to_do(tmp_path):
    from gemlang.collection.photos import iter_photos

    for name in ("a.jfif", "b.avif"):
        _save(Image.new("RGB", (32, 32), (10, 120, 30)), tmp_path / name, "JPEG" if name.endswith("jfif") else "AVIF")
    assert sorted(p.name for p in iter_photos(tmp_path)) == ["a.jfif", "b.avif"]
    assert load_image(tmp_path / "b.avif").size == (32, 32)
    heic = tmp_path / "IMG_0001.heic"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64))
    with pytest.raises(ImageError, match="an HEIC photo .* export it as JPEG"):
        load_image(heic)


def test_real_bomb_header_is_refused(tmp_path):
    # A PNG that claims 30000 x 30000 pixels (900 MP) but holds almost nothing.
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")
    png = b"\x89PNG\r\n\x1a\n" + body
    path = tmp_path / "bomb.png"
    path.write_bytes(png)
    with pytest.raises(ImageError, match="limit|bomb"):
        load_image(path)


def test_pil_images_and_bytes_are_accepted():
    image = Image.new("RGBA", (16, 16), (0, 0, 0, 255))
    assert load_image(image).mode == "RGB"
    buf = io.BytesIO()
    image.save(buf, "PNG")
    assert load_image(buf.getvalue()).size == (16, 16)


def _framed_stone(size: int, stone: int, background=(200, 200, 200)) -> Image.Image:
    """A red oval `stone` px across, centred in a plain `size` px frame."""
    from PIL import ImageDraw

    image = Image.new("RGB", (size, size), background)
    left = (size - stone) // 2
    ImageDraw.Draw(image).ellipse([left, left, left + stone, left + stone], fill=(180, 20, 40))
    return image


def test_a_stone_small_in_a_plain_frame_is_boxed_and_one_that_fills_it_is_not():
    from gemlang.data.images import stone_box

    left, top, right, bottom = stone_box(_framed_stone(600, 150))
    assert 170 <= left <= 225 and 170 <= top <= 225 and 375 <= right <= 430 and 375 <= bottom <= 430
    assert stone_box(_framed_stone(600, 400)) is None  # the stone fills most of the picture: nothing to crop
    assert stone_box(_framed_stone(1000, 60)) is not None  # 6% of the width: a ring photographed from afar
    assert stone_box(Image.new("RGB", (300, 300), (200, 200, 200))) is None  # no stone stands out
    busy = Image.fromarray(np.random.default_rng(0).integers(0, 256, (300, 300, 3), dtype=np.uint8))
    busy.paste(_framed_stone(60, 50), (120, 120))
    assert stone_box(busy) is None  # a busy background: no frame to tell the stone from


def test_a_stone_too_small_to_crop_to_leaves_the_photo_whole_not_unreadable():
    from PIL import ImageDraw

    from gemlang.data.images import cropped_to_stone, load_image, stone_box

    dot = Image.new("RGB", (16, 16), (250, 250, 250))
    ImageDraw.Draw(dot).rectangle([7, 7, 9, 9], fill=(200, 20, 40))  # a crop of it would be 2 x 2 px
    assert stone_box(dot) is None
    [looked], [cropped], _ = cropped_to_stone([dot])
    assert looked is dot and not cropped
    load_image(looked)  # read as sent, where the crop was refused as "too small to show a stone"


def test_a_tiny_dark_or_black_and_white_photo_is_called_so_and_a_fair_one_is_not():
    from gemlang.data.images import photo_shortcomings

    fair = _framed_stone(300, 200, background=(235, 235, 240))
    assert photo_shortcomings(fair) == []
    assert photo_shortcomings(fair.resize((40, 40))) == ["very small (40 x 40 px)"]
    assert photo_shortcomings(fair.convert("L").convert("RGB")) == ["black and white"]
    dark = Image.fromarray((np.asarray(fair) // 8).astype(np.uint8))
    assert photo_shortcomings(dark) == ["very dark"]
    velvet = _framed_stone(300, 200, background=(5, 5, 5))  # a red stone on black velvet, lit: not dark
    assert "very dark" not in photo_shortcomings(velvet)
    assert photo_shortcomings(Image.new("RGB", (300, 300), "white")) == []  # a blank frame: no black-and-white photo


def test_an_animated_picture_is_read_by_its_first_frame_and_says_how_many_it_has():
    frames = [Image.new("RGB", (60, 60), colour) for colour in ("red", "green", "blue")]
    data = io.BytesIO()
    frames[0].save(data, "GIF", save_all=True, append_images=frames[1:])
    image = load_image(data.getvalue())
    assert image.info["frames"] == 3 and image.getpixel((30, 30))[0] > 200  # the first, red frame


def test_a_photo_file_whose_header_is_damaged_is_said_to_be_damaged_not_another_kind_of_file(tmp_path):
    buf = io.BytesIO()
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (64, 64, 3), dtype=np.uint8)).save(buf, "JPEG")
    damaged = bytearray(buf.getvalue())
    for i in range(0, len(damaged), 50):  # its first byte too: the JFIF marker name still says JPEG
        damaged[i] = 0
    (tmp_path / "damaged.jpg").write_bytes(bytes(damaged))
    with pytest.raises(ImageError, match="a JPEG whose data is damaged"):
        load_image(tmp_path / "damaged.jpg")


def test_reliability_bins_have_round_edges():
    from gemlang.metrics import reliability_table

    table = reliability_table(np.array([0, 1]), np.array([[0.9, 0.1], [0.35, 0.65]]))
    assert [row["to"] for row in table][:3] == [0.1, 0.2, 0.3]
