"""Safe image loading: every photo gemlang touches goes through `load_image`.

User photos arrive in every shape a camera or the web produces: EXIF-rotated JPEGs, RGBA PNGs,
16-bit TIFFs, CMYK scans, truncated downloads, files that are not images at all, and now and then a
decompression bomb. `load_image` turns each into an upright 8-bit RGB image or raises `ImageError`
with a message a person can act on.
"""

from __future__ import annotations

import errno
import hashlib
import io
import math
import os
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from gemlang.errors import GemlangError

# 50 megapixels decoded: well above what any model reads, far below a bomb. A camera's JPEG is decoded at 1/2,
# 1/4 or 1/8 scale (`Image.draft`, in the JPEG's own transform: fast, and a fraction of the memory) while its
# shorter side stays at least DECODED_SIDE px, more than an encoder, the crop to a stone or a heat map needs (a
# 48 MP photo: 1.5 GB less); one over the limit goes down to about JPEG_DRAFT_PIXELS whatever its shape. Beyond
# Pillow's own limit (about 179 MP) no file is decoded at all.
MAX_PIXELS = 50_000_000
SMALLEST_SIDE = 8  # px: a narrower picture shows no stone, and is refused as too small
JPEG_DRAFT_PIXELS = 12_000_000
DECODED_SIDE = 1024
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".gif"}
# HEIC photos cannot be decoded, but a folder's are visited so each is reported with what to do, not passed over
IMAGE_SUFFIXES |= {".heic", ".heif"}
PHOTO_FORMATS = "JPEG, PNG, WebP, AVIF, BMP, TIFF and GIF"  # what the messages say gemlang reads
# An iPhone's HEIC photo: an ISO media file whose brand names HEIF, which this Pillow cannot decode
HEIF_BRANDS = (b"ftypheic", b"ftypheix", b"ftyphevc", b"ftypheim", b"ftypheis", b"ftypmif1", b"ftypmsf1")


class ImageError(GemlangError, ValueError):
    """A file that cannot be used as a photo; the message says why and what to do."""


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file's bytes (a model's files; a photo's go through `photo_digest`)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# A photo's file is read whole (hashed, decoded). A link to a device or a pipe would be read forever, and a file
# this large is no photo: neither is read, so a stray one cannot stall a run over a folder.
MAX_PHOTO_BYTES = 1 << 30
NOT_REGULAR = "not a regular file (a device, pipe or socket)"


def _too_large(path) -> ImageError:
    limit = f"{MAX_PHOTO_BYTES / 2**30:g} GiB"
    return ImageError(f"{path}: over {limit}, far more than any photo, so it is not read. Remove it from the photos.")


def check_photo_file(path: str | Path) -> None:
    """Raise `ImageError` unless a photo path leads to a regular file of at most MAX_PHOTO_BYTES; checked before
    the file is opened (opening a pipe waits for a writer). OSError for a missing file."""
    info = os.stat(path)  # follows links: what a link leads to is what would be read
    if stat.S_ISDIR(info.st_mode):
        raise ImageError(f"{path}: is a folder, not a photo.")
    if not stat.S_ISREG(info.st_mode):
        raise ImageError(f"{path}: {NOT_REGULAR}; only photo files are read. Remove it or link to the photo itself.")
    if info.st_size > MAX_PHOTO_BYTES:
        raise _too_large(path)


def photo_chunks(path: str | Path) -> Iterator[bytes]:
    """A photo file's bytes, a chunk at a time, after `check_photo_file`."""
    check_photo_file(path)
    read = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            read += len(chunk)
            if read > MAX_PHOTO_BYTES:  # a file that grew, or said a smaller size than it holds
                raise _too_large(path)
            yield chunk


def photo_digest(path: str | Path) -> str:
    """SHA-256 of a photo file's bytes: identifies a photo independent of its name (cache key, dedup); raises
    as `photo_chunks` does."""
    h = hashlib.sha256()
    for chunk in photo_chunks(path):
        h.update(chunk)
    return h.hexdigest()


def image_digest(image: Image.Image) -> str:
    """SHA-256 of an in-memory image's pixels and size (for images that have no file)."""
    rgb = to_rgb(image)
    h = hashlib.sha256(f"{rgb.size}".encode())
    h.update(rgb.tobytes())
    return h.hexdigest()


_ORIENTATION_TAG = 0x0112
_TRANSPOSE_FOR_ORIENTATION = {
    2: [Image.Transpose.FLIP_LEFT_RIGHT],
    3: [Image.Transpose.ROTATE_180],
    4: [Image.Transpose.FLIP_TOP_BOTTOM],
    5: [Image.Transpose.TRANSPOSE],
    6: [Image.Transpose.ROTATE_270],
    7: [Image.Transpose.TRANSVERSE],
    8: [Image.Transpose.ROTATE_90],
}


def _upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation only (PIL's exif_transpose also rewrites EXIF, and fails on odd tags)."""
    try:
        orientation = image.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:  # noqa: BLE001 - unreadable EXIF just means "no orientation known"
        return image
    ops = _TRANSPOSE_FOR_ORIENTATION.get(orientation, [])
    for op in ops:
        image = image.transpose(op)
    if ops:  # upright now: the copied EXIF must not turn it again when the image is read a second time
        image.info.pop("exif", None)
        image.getexif()[_ORIENTATION_TAG] = 1
    return image


def to_rgb(image: Image.Image) -> Image.Image:
    """Upright 8-bit RGB; transparency is composited onto white, as a catalog photo would be."""
    image = _upright(image)
    if image.mode == "RGB":
        return image
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit greyscale: its own scale, so a dark photo stays dark
        arr = np.asarray(image, dtype=np.float64)
        full = 65535.0 if arr.max() > 255 or image.mode.startswith("I;16") else 255.0
        image = Image.fromarray((np.clip(arr, 0, full) / full * 255).round().astype(np.uint8), "L")
    if image.mode == "F":
        arr = np.asarray(image, dtype=np.float64)
        lo, hi = arr.min(), arr.max()
        image = Image.fromarray(((arr - lo) / ((hi - lo) or 1.0) * 255).astype(np.uint8), "L")
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA"):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")


def _check_size(width: int, height: int, name: str) -> None:
    if width * height > MAX_PIXELS:
        raise ImageError(
            f"{name}: {width}x{height} pixels is larger than the {MAX_PIXELS // 1_000_000} megapixel limit "
            "(a guard against decompression bombs). Resize the photo and try again."
        )
    if width < SMALLEST_SIDE or height < SMALLEST_SIDE:
        raise ImageError(f"{name}: {width}x{height} pixels is too small to show a stone; use a real photo.")


def as_photo(source):
    """A photo as gemlang's readers take it (a path, bytes or a PIL image): a numpy array of pixels (H×W or
    H×W×3/4, 8-bit), a bytearray or an open binary file is converted; anything else stays, for the reader to
    refuse in its own words."""
    if isinstance(source, np.ndarray):
        try:
            return Image.fromarray(source)
        except (TypeError, ValueError) as e:
            raise ImageError(
                f"an array of shape {source.shape} and type {source.dtype} is not a picture: give H×W×3 uint8 RGB"
            ) from e
    if isinstance(source, bytearray | memoryview):
        return bytes(source)
    if hasattr(source, "read") and not isinstance(source, Image.Image):
        return source.read()
    return source


# The PNG text chunk gemlang writes into every picture it makes (reports, heat maps), so that one saved into a
# photo folder is not taken for a photo of a gem
WRITTEN_BY = ("Software", "gemlang")


def gemlang_png_info():
    """The PNG text chunk that marks a picture as gemlang's (`written_by_gemlang`), for PIL's `save`."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text(*WRITTEN_BY)
    return info


def written_by_gemlang(path: Path) -> bool:
    """Whether a PNG is a picture gemlang made (a confusion matrix, a reliability diagram, a heat map): its
    header's text chunks are read, not its pixels. Anything unreadable is left for the photo reader to report."""
    if path.suffix.lower() != ".png":
        return False
    try:
        with Image.open(path) as im:
            return str(im.info.get(WRITTEN_BY[0], "")).startswith(WRITTEN_BY[1])
    except Exception:  # noqa: BLE001 (a damaged file is reported where it is read)
        return False


def missing_photo(path: Path) -> str:
    """Why a photo path leads to no file, in one line that says what to do."""
    if path.is_symlink():
        try:
            target = os.readlink(path)
            path.resolve(strict=True)
        except RuntimeError:  # Python < 3.13 raises it for a loop
            return f"{path}: a link that loops back on itself. Fix or remove the link."
        except OSError as e:
            if e.errno == errno.ELOOP:
                return f"{path}: a link that loops back on itself. Fix or remove the link."
            return f"{path}: a link to {target}, which does not exist. Fix or remove the link."
    return f"{path}: no such file. Check the path."


def _draft_scale(width: int, height: int) -> float:
    """How far a JPEG is shrunk as it is decoded (1: not at all); see DECODED_SIDE."""
    short, long = sorted((width, height))
    if short >= 2 * DECODED_SIDE or width * height > MAX_PIXELS:
        return min(DECODED_SIDE / short, (JPEG_DRAFT_PIXELS / (width * height)) ** 0.5)
    if long >= 4 * DECODED_SIDE:  # a panorama (12000 x 1500): by its longer side
        return 2 * DECODED_SIDE / long
    return 1.0


def load_image(source: str | Path | bytes | Image.Image) -> Image.Image:
    """Open a photo from a path, raw bytes or a PIL image (or what `as_photo` converts) as upright RGB, or raise
    `ImageError`."""
    source = as_photo(source)
    if isinstance(source, Image.Image):
        _check_size(*source.size, name="image")
        try:
            source.load()  # decode now, in this thread: two threads decoding one lazily opened file corrupt it
        except (OSError, ValueError) as e:  # truncated or closed
            raise ImageError(f"image: cannot decode it ({e}); pass the file's path or bytes instead.") from e
        return to_rgb(source)
    name = "image bytes" if isinstance(source, bytes) else str(source)
    if not isinstance(source, bytes):
        path = Path(source)
        if not path.exists():
            raise ImageError(missing_photo(path))
        source = b"".join(photo_chunks(path))
    if not source:
        raise ImageError(f"{name}: the file is empty.")
    try:
        with warnings.catch_warnings():
            # PIL's own bomb check warns at ~89 MP and raises at twice that; ours is stricter and clearer.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(source))
            width, height = image.size
            if image.format == "JPEG" and (scale := _draft_scale(width, height)) < 1.0:
                image.draft("RGB", (max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))))
            _check_size(*image.size, name=name)
            image.load()
            frames = getattr(image, "n_frames", 1)
            image = to_rgb(image)
            image.info["frames"] = frames  # an animated GIF is read by its first frame: the answer says so
            return image
    except ImageError:
        raise
    except Image.DecompressionBombError as e:
        raise ImageError(
            f"{name}: the file claims more pixels than any camera photo has (a guard against decompression bombs). "
            "Resize the photo and try again."
        ) from e
    except UnidentifiedImageError as e:
        if source[4:12] in HEIF_BRANDS:
            raise ImageError(
                f"{name}: an HEIC photo (as an iPhone takes them), which gemlang cannot read: export it as JPEG "
                "(on an iPhone: Settings > Camera > Formats > Most Compatible)."
            ) from e
        kind = next((k for signature, k in SIGNATURES.items() if source.startswith(signature)), None)
        if kind or source[6:10] in (b"JFIF", b"Exif"):  # a JPEG's APP0/APP1 marker name, past a damaged start
            kind = kind or "JPEG"
            raise ImageError(f"{name}: a {kind} whose data is damaged; re-export or copy it again.") from e
        raise ImageError(f"{name}: not an image file gemlang can read ({PHOTO_FORMATS} work).") from e
    except (OSError, SyntaxError, ValueError) as e:
        raise ImageError(f"{name}: the image is corrupt or truncated ({e}). Re-export or re-download it.") from e


# the first bytes of a photo file: one that starts so but will not open is damaged, not another kind of file
SIGNATURES = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG", b"GIF8": "GIF", b"II*\x00": "TIFF",
              b"MM\x00*": "TIFF"}  # fmt: skip


# A stone photographed from afar sits small in a plain frame (a ring on a desk, a stone on a tray): the encoders
# then see mostly background, and the photo looks like no gem they learnt. Cropped to the stone it looks like the
# close-ups they were trained on. The stone is what differs from the frame's border colours; a frame is plain when
# its border varies little, and the stone is small when its box spans under SMALL_STONE of the picture both ways.
PLAIN_BORDER = 24.0  # the largest per-channel spread (0-255) of a plain background's border pixels
STONE_CONTRAST = 40.0  # how far (RGB distance) a pixel must lie from every border colour to be the stone's
SMALL_STONE = 0.4
STONE_MARGIN = 0.15  # of the stone box's size, kept on each side of it
SMALLEST_STONE = 0.002  # of the picture's area: a stone 5% of its width across (a ring photographed from afar)


def stone_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The box (left, top, right, bottom) to crop a stone small in a plain frame to; None when the stone
    fills the picture, the background is busy, no stone stands out from it, or the crop would be too small to
    read (a dot in a 16-px picture)."""
    found = _stone_fraction(thumbnail(image))
    return None if found is None else _pixel_box(found, image.size)


def _pixel_box(fraction: tuple[float, ...], size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """`_stone_fraction`'s box in pixels of a picture of `size`; None when the crop would be narrower than
    SMALLEST_SIDE, which no reader takes: the picture is then looked at whole."""
    (left, top, right, bottom), (w, h) = fraction, size
    box = int(left * w), int(top * h), min(w, int(right * w) + 1), min(h, int(bottom * h) + 1)
    return box if min(box[2] - box[0], box[3] - box[1]) >= SMALLEST_SIDE else None


def _stone_fraction(read) -> tuple[float, float, float, float] | None:
    """`stone_box` as fractions of the picture's sides, from `thumbnail`'s (size, small picture)."""
    if read is None:
        return None
    pixels = np.asarray(read[1], dtype=np.float32)
    h, w, _ = pixels.shape
    if min(h, w) < 16:
        return None
    edge = 3
    border = np.concatenate(
        [pixels[:edge].reshape(-1, 3), pixels[-edge:].reshape(-1, 3), pixels[:, :edge].reshape(-1, 3),
         pixels[:, -edge:].reshape(-1, 3)]
    )  # fmt: skip
    if border.std(0).max() > PLAIN_BORDER:
        return None
    colours = border[:: max(1, len(border) // 64)]
    every = 2  # every other pixel each way: a quarter of the work (a catalog pays ~1 ms a photo), the same box
    flat = pixels[::every, ::every].reshape(-1, 3)  # squared distances to every border colour, as one product
    squared = (flat**2).sum(1, keepdims=True) - 2 * flat @ colours.T + (colours**2).sum(1)
    rows, cols = np.nonzero((squared.min(1) > STONE_CONTRAST**2).reshape(len(range(0, h, every)), -1))
    rows, cols = rows * every, cols * every
    if len(rows) < SMALLEST_STONE * h * w / every**2:
        return None
    top, bottom = np.percentile(rows, [0.5, 99.5])
    left, right = np.percentile(cols, [0.5, 99.5])
    if bottom - top >= SMALL_STONE * h or right - left >= SMALL_STONE * w:
        return None
    margin = STONE_MARGIN * max(bottom - top, right - left)
    return (
        max(0.0, (left - margin) / w),
        max(0.0, (top - margin) / h),
        min(1.0, (right + margin + 1) / w),
        min(1.0, (bottom + margin + 1) / h),
    )


def cropped_to_stone(photos: list) -> tuple[list, list[bool], list]:
    """The photos (paths, bytes or opened images) with each one whose stone sits small in a plain frame replaced
    by its crop to the stone, which were cropped, and the `thumbnail` of each as looked at (for
    `shortcomings_of`, so a file is not read again). The encoders learnt close-ups: from afar a known gem reads
    as unknown. A file is looked at in a reduced-size read and decoded in full only to be cropped; one that
    cannot be read is left as it is, for whatever reads it to say why."""
    out, cropped, reads = [], [], []
    for photo in photos:
        read = thumbnail(photo)
        found, box = _stone_fraction(read), None
        if found is not None:
            try:
                image = load_image(photo)
                box = _pixel_box(found, image.size)  # None for a crop too small to read: looked at whole
            except (ImageError, OSError):
                pass
        if box is not None:
            photo = image.crop(box)
            # the crop's pixels for colour and light, the photo's own size: a stone small in an 800-px photo
            # is said to be small in the frame, not the photo to be "very small (71 x 60 px)"
            read = (read[0], thumbnail(photo)[1])
        out.append(photo)
        cropped.append(box is not None)
        reads.append(read)
    return out, cropped, reads


SMALL_PHOTO = 64  # px on the shorter side: below it a photo shows a stone's colour but not its cut or inclusions
VERY_SMALL = "very small"  # the shortcoming of a photo under SMALL_PHOTO, said with its size: "very small (8 x 8 px)"
NO_COLOUR = "black and white"  # a photo's shortcoming the stone's colour, once told, makes good
SMALL_IN_FRAME = "stone small in the frame"  # a shortcoming `cropped_to_stone` makes good
DARK_PHOTO = 35.0  # mean brightness (0-255) below which colours sink into black: a photo taken in the dark


def thumbnail(source, side: int = 128) -> tuple[tuple[int, int], Image.Image] | None:
    """(the photo's full width and height, an RGB copy at most `side` px) from an opened image, a path or
    bytes; a file is read at reduced size (a JPEG decodes at 1/8 scale). None when it cannot be read: whatever
    reads it in full reports why."""
    try:
        if isinstance(source, Image.Image):
            size, small = source.size, to_rgb(source).copy()  # the thumbnail must not shrink the caller's picture
        else:
            if isinstance(source, str | os.PathLike):
                check_photo_file(source)
            with warnings.catch_warnings():  # a large camera JPEG is no bomb: decoded at 1/8 scale, as below
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                small = Image.open(io.BytesIO(source) if isinstance(source, bytes) else source)
            if small.format != "JPEG" and small.width * small.height > MAX_PIXELS:
                return None
            size = small.size
            small.draft("RGB", (side, side))
            small = to_rgb(small)
        small.thumbnail((side, side))
    except (ImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    return size, small


def photo_shortcomings(source) -> list[str]:
    """What makes a photo a poor witness, in words for the answer: "black and white" (no colour at all, as a
    scanned print is, unlike a colourless stone's photo, whose pixels keep some tint), "very dark", "very small
    (40 x 40 px)"; [] for a fair photo, or one that cannot be read. `source`: an opened image, a path or bytes."""
    return shortcomings_of(thumbnail(source))


def shortcomings_of(read: tuple[tuple[int, int], Image.Image] | None) -> list[str]:
    """`photo_shortcomings` from a photo's `thumbnail`."""
    if read is None:
        return []
    (width, height), small = read
    out = []
    if min(width, height) < SMALL_PHOTO:
        out.append(f"{VERY_SMALL} ({width} x {height} px)")
    from gemlang.scope import one_flat_colour

    pixels = np.asarray(small, dtype=np.int16)
    tint = np.abs(pixels - pixels.mean(2, keepdims=True)).max(2)
    if (tint <= 2).mean() > 0.999 and not one_flat_colour(pixels):  # a white frame is no black-and-white photo
        out.append(NO_COLOUR)
    if pixels.mean() < DARK_PHOTO and np.percentile(pixels.max(2), 99) < 3 * DARK_PHOTO:  # a diamond on velvet sparkles
        out.append("very dark")
    return out


def shortcomings_note(flaws: list[str]) -> str:
    """Why a poor photo (`photo_shortcomings`) leaves the answer unsure, and what to send instead."""
    poor = [f for f in flaws if f != NO_COLOUR]
    said = []
    if poor:
        said.append(
            f"your photo is {' and '.join(poor)}, so the colour and detail a gem is told by are mostly lost and I "
            "cannot be sure of it: a close, sharp photo in daylight answers best"
        )
    if len(poor) < len(flaws):
        said.append(
            'your photo shows no colour at all: if the stone has one, tell me ("it is pink"), as colour is what '
            "tells most gems apart"
        )
    return "; ".join(said) + "."


def shortcomings_warning(flaws: list[str]) -> str:
    """One line for a command's output on a poor photo: "the photo is very dark: …"."""
    poor = [f for f in flaws if f != SMALL_IN_FRAME]
    said = [f"the photo is {' and '.join(poor)}: the answer is less sure than its odds say"] if poor else []
    if len(poor) < len(flaws):
        said.append("the stone fills only a small part of the photo, so it was looked at cropped to the stone")
    close_up = "a close, sharp colour photo in daylight" if poor else "a close-up that the stone fills"
    return "; ".join(said) + f"; {close_up} answers best"
