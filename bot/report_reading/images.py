"""A photo or scan made ready for OCR: opened safely (Pillow, pillow-heif for HEIC), turned upright by its
EXIF orientation, scaled, straightened and cleaned with OpenCV."""

from __future__ import annotations

import io

from bot.report_reading.filetypes import HEIC
from bot.report_reading.limits import MAX_PIXELS, OCR_MAX_SIDE
from bot.report_reading.reading import BROKEN, TOO_MANY_PIXELS, Refused

OCR_MIN_SIDE = 1800  # a smaller image is enlarged twice: Tesseract reads small text badly
SKEW_SIDE = 1000  # the tilt is measured on a copy this large
MAX_TILT = 15  # degrees searched either way
# Local threshold: a pixel is ink when it is this much darker than the weighted mean of its block.
THRESHOLD_BLOCK = 31
THRESHOLD_OFFSET = 15
# Pillow's own formats for each accepted type: a PNG that Pillow reads as something else is refused.
FORMATS = {"jpeg": ("JPEG", "MPO"), "png": ("PNG",), "heic": ("HEIF", "HEIC")}


def open_image(data: bytes, kind: str):
    """The image as a Pillow image in grey, upright; Refused for a broken one or one past MAX_PIXELS, which
    is known from the header before any pixel is decoded."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if kind == HEIC:
        from pillow_heif import register_heif_opener

        register_heif_opener()
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise Refused(TOO_MANY_PIXELS)
        if image.format not in FORMATS[kind]:
            raise Refused(BROKEN)
        image.seek(0)
        image = ImageOps.exif_transpose(image)
        return image.convert("L")
    except Refused:
        raise
    except Image.DecompressionBombError:
        raise Refused(TOO_MANY_PIXELS) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, KeyError, TypeError, IndexError,
            RuntimeError):  # fmt: skip
        raise Refused(BROKEN) from None


def prepare(image):
    """A black-and-white numpy image for Tesseract: scaled to a useful size, straightened, cut to the sheet
    of paper, lighting evened out, then thresholded locally (JPEG noise and shadows drop out), with the
    rules of tables and the frames around boxes removed (Tesseract reads boxed text badly)."""
    import cv2
    import numpy as np

    gray = np.asarray(image.convert("L") if image.mode != "L" else image)
    height, width = gray.shape
    longest = max(height, width)
    if longest > OCR_MAX_SIDE:
        factor = OCR_MAX_SIDE / longest
        gray = cv2.resize(gray, (round(width * factor), round(height * factor)), interpolation=cv2.INTER_AREA)
    elif longest < OCR_MIN_SIDE:
        gray = cv2.resize(gray, (width * 2, height * 2), interpolation=cv2.INTER_CUBIC)
    gray = sheet(rotate(gray, tilt(gray)))
    height, width = gray.shape
    kernel = min(255, max(31, (min(height, width) // 40) | 1))
    even = cv2.divide(gray, cv2.medianBlur(gray, kernel), scale=255)
    binary = cv2.adaptiveThreshold(even, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, THRESHOLD_BLOCK,
                                   THRESHOLD_OFFSET)  # fmt: skip
    binary[(rules(binary) | frames(binary)) > 0] = 255
    return binary


def sheet(gray):
    """The sheet of paper in a photo (the largest bright area, when it covers 30 to 97 % of the picture),
    else the whole image."""
    import cv2
    import numpy as np

    height, width = gray.shape
    factor = 800 / max(height, width)
    small = cv2.resize(gray, (max(1, round(width * factor)), max(1, round(height * factor))),
                       interpolation=cv2.INTER_AREA)  # fmt: skip
    _, bright = cv2.threshold(cv2.GaussianBlur(small, (9, 9), 0), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(bright)
    if count < 2:
        return gray
    x, y, w, h, area = stats[1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))]
    rows, cols = bright.shape
    if area < 0.3 * rows * cols or (w > 0.97 * cols and h > 0.97 * rows):
        return gray
    inset = 4  # pixels of the small copy: the sheet's edge and its shadow stay out
    top, left = max(0, round((y + inset) / factor)), max(0, round((x + inset) / factor))
    bottom, right = min(height, round((y + h - inset) / factor)), min(width, round((x + w - inset) / factor))
    return gray[top:bottom, left:right]


def rules(binary):
    """The long horizontal and vertical lines of a black-on-white image (table rules), as a mask."""
    import cv2
    import numpy as np

    ink = 255 - binary
    height, width = binary.shape
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (max(40, width // 25), 1))
    down = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(40, height // 40)))
    found = cv2.morphologyEx(ink, cv2.MORPH_OPEN, across) | cv2.morphologyEx(ink, cv2.MORPH_OPEN, down)
    return cv2.dilate(found, np.ones((3, 3), np.uint8))


def frames(binary):
    """Frames around boxes and grids, as a mask: a connected shape far larger than a word (wider than 15 % of
    the page or taller than 8 %) with little ink inside its bounds. A broken (dashed) frame is joined first."""
    import cv2
    import numpy as np

    ink = 255 - binary
    height, width = binary.shape
    joined = cv2.dilate(ink, np.ones((3, 3), np.uint8))
    _, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    w, h, area = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_AREA]
    frame = ((w > 0.15 * width) | (h > 0.08 * height)) & (area < 0.2 * w * h)
    frame[0] = False  # the background
    return np.where(frame[labels] & (ink > 0), 255, 0).astype(np.uint8)


def tilt(gray) -> float:
    """The angle (degrees) that makes the lines of text horizontal: the rotation whose row sums of ink
    change most sharply from row to row (lines of text and the gaps between them), searched in whole
    degrees and then in tenths."""
    import cv2
    import numpy as np

    height, width = gray.shape
    factor = SKEW_SIDE / max(height, width)
    small = cv2.resize(gray, (max(1, round(width * factor)), max(1, round(height * factor))),
                       interpolation=cv2.INTER_AREA)  # fmt: skip
    even = cv2.divide(small, cv2.medianBlur(small, 31), scale=255)
    _, ink = cv2.threshold(even, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1.0), (ink.shape[1], ink.shape[0]),
                                flags=cv2.INTER_NEAREST)  # fmt: skip
        rows = turned.sum(axis=1, dtype=np.float64)
        return float(np.sum(np.diff(rows) ** 2))

    coarse = max(np.arange(-MAX_TILT, MAX_TILT + 0.5, 1.0), key=sharpness)
    return float(max(np.arange(coarse - 1.0, coarse + 1.05, 0.1), key=sharpness))


def rotate(gray, angle: float):
    import cv2

    if abs(angle) < 0.05:
        return gray
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
