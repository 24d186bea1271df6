"""Bytes of an old portal's page to NFC text. Pure: imports nothing of Django.

Old portals serve UTF-8 with and without a byte-order mark, declare charsets in
`<meta>` that are sometimes wrong (a page "in" iso-8859-1 that is really UTF-8),
and a few still serve windows-1258, where tones are separate combining marks.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

SNIFF_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""")
# Declared charsets that UTF-8 pages wrongly claim; trust the bytes instead.
_WESTERN = {"iso8859-1", "latin-1", "cp1252", "ascii", "latin1", "iso-8859-1"}
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
    b"ID3",
    b"\x00\x00\x00",
)


class NotText(ValueError):
    """The bytes are not a text page (an image, an archive, a PDF...)."""


def looks_binary(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if head.lstrip().startswith(_BINARY_MAGIC):
        return True
    if not head:
        return False
    if head.count(b"\x00") > 0:
        return True
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return controls / len(head) > 0.05


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (`<meta>` or `<?xml?>`)."""
    head = data[:SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii", "ignore") if match else None


def decode_bytes(data: bytes, http_charset: str | None = None) -> str:
    """Decode a page: BOM, then HTTP charset, then `<meta>`, then UTF-8, then 1258.

    The result is NFC: windows-1258's separate tone marks and decomposed text
    typed on old Macs become the precomposed letters Vietnamese text uses.
    """
    if looks_binary(data):
        raise NotText
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", "replace")
    else:
        text = _decode_declared(
            data, _codec(http_charset) or _codec(declared_charset(data))
        )
    return unicodedata.normalize("NFC", text.replace("\x00", ""))


def _decode_declared(data: bytes, codec: str | None) -> str:
    if codec is None or codec in _WESTERN or codec == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            if codec == "utf-8":
                # Declared UTF-8 but not: old pages pasted from a 1258 editor.
                return data.decode("cp1258", "replace")
            return data.decode(codec or "cp1258", "replace")
    return data.decode(codec, "replace")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
