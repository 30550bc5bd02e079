"""The type of an uploaded file, from its first bytes (never from its name or the type a client claims)."""

from __future__ import annotations

from typing import Optional

PDF, JPEG, PNG, HEIC = "pdf", "jpeg", "png", "heic"
# HEIF brands of HEVC-coded images (phone photos). The generic "mif1" alone is no proof: AVIF carries it too,
# and AVIF is not accepted.
HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx")
PDF_HEADER_WITHIN = 1024  # the PDF header may follow a little junk


def sniff(data: bytes) -> Optional[str]:
    """PDF, JPEG, PNG or HEIC; None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data[4:8] == b"ftyp" and _heif_brands(data) & set(HEIF_BRANDS):
        return HEIC
    if b"%PDF-" in data[:PDF_HEADER_WITHIN]:
        return PDF
    return None


def _heif_brands(data: bytes) -> set:
    """The major and compatible brands of an ISO media file's ftyp box."""
    size = int.from_bytes(data[:4], "big")
    box = data[8 : min(size, 256)]
    major, compatible = box[:4], box[8:]
    return {major} | {compatible[i : i + 4] for i in range(0, len(compatible) - 3, 4)}
