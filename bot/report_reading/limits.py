"""The limits of an uploaded report. One place, read by the channels, the reader and the tests."""

MAX_BYTES = 10 * 1024 * 1024  # a larger file is refused (HTTP 413)
MAX_PAGES = 20  # a PDF with more pages is refused
MAX_PIXELS = 40_000_000  # an image (or an image inside a PDF) with more pixels is a decompression bomb
# The longest side an image is scaled to before OCR: enough for a phone photo of an A4 page.
OCR_MAX_SIDE = 3000
# A scanned PDF page is rendered at this resolution for OCR (A4 at 300 dpi: 8.7 megapixels).
SCAN_DPI = 300
# Seconds for one Tesseract run, and for reading a whole file (the child process is killed after it).
OCR_TIMEOUT_S = 30
READ_TIMEOUT_S = 60
# Address space of the child process that reads a file: a bomb that slips past the checks fails there.
CHILD_MEMORY_BYTES = 3 * 1024**3
