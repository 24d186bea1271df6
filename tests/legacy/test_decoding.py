import unicodedata

import pytest

from congxa.legacy.decoding import NotText, decode_bytes
from tests.legacy.sitegen import to_1258

TEXT = "Hội nghị tổng kết công tác năm 2025 của Ủy ban nhân dân xã"


def test_utf8_with_and_without_bom():
    assert decode_bytes(TEXT.encode()) == TEXT
    assert decode_bytes(b"\xef\xbb\xbf" + TEXT.encode()) == TEXT


def test_windows_1258_combining_tones_become_nfc():
    page = b'<meta charset="windows-1258">' + to_1258(TEXT).encode("cp1258")
    decoded = decode_bytes(page)
    assert decoded.endswith(TEXT)
    assert unicodedata.is_normalized("NFC", decoded)


def test_meta_http_equiv_charset():
    page = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    assert decode_bytes(page + to_1258(TEXT).encode("cp1258")).endswith(TEXT)


def test_wrong_western_declaration_of_utf8_page():
    page = b'<meta charset="iso-8859-1">' + TEXT.encode()
    assert decode_bytes(page).endswith(TEXT)


def test_decomposed_utf8_is_composed():
    assert decode_bytes(unicodedata.normalize("NFD", TEXT).encode()) == TEXT


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n" + bytes(200), b"%PDF-1.4 \x00\x01", bytes(100)]
)
def test_binary_is_not_text(data):
    with pytest.raises(NotText):
        decode_bytes(data)
