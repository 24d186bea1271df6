"""Vietnamese folding, tokens, Telex/VNI decoding and typo candidates."""

import pytest

from congxa.vi import text


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("Đăng ký khai sinh", "dang ki khai sinh"),
        ("ĐẢNG ỦY", "dang uy"),
        ("Người được ủy quyền", "nguoi duoc uy quyen"),
        ("Quản lí", "quan li"),
        ("Quản lý", "quan li"),
        ("kỹ thuật", "ki thuat"),
        ("kĩ thuật", "ki thuat"),
        ("quy định", "qui dinh"),
        ("qui định", "qui dinh"),
        ("M’Droh", "m'droh"),
        ("Nghị định 42/2022/NĐ-CP", "nghi dinh 42/2022/nd-cp"),
        ("2020–2025", "2020-2025"),
    ],
)
def test_fold_as_citizens_type(original, folded):
    assert text.fold(original) == folded


def test_fold_keeps_the_length_so_matches_point_at_the_original():
    original = "Thủ tục ĐĂNG KÝ khai sinh – Nghị định 42/2022/NĐ-CP"
    assert len(text.fold(original)) == len(original)


def test_fold_handles_decomposed_input():
    decomposed = "Đa\u0306ng ky\u0301"  # as pasted from some word processors
    assert text.fold(decomposed) == "dang ki"


def test_y_after_a_vowel_is_not_an_i():
    # "thủy" and "thủi" are different words; only a lone y after a consonant folds.
    assert text.fold("thủy") == "thuy"
    assert text.fold("Ý kiến") == "y kien"
    assert text.fold("tuy") == "tuy"


def test_tokens_split_codes_into_adjacent_parts():
    assert text.tokens("Nghị định 42/2022/NĐ-CP") == [
        "nghi",
        "dinh",
        "42",
        "2022",
        "nd",
        "cp",
    ]
    assert text.tokens("mã 1.001193") == ["ma", "1", "001193"]
    assert text.tokens("Quyết định 15/2025/QĐ-UBND") == [
        "quyet",
        "dinh",
        "15",
        "2025",
        "qd",
        "ubnd",
    ]


def test_apostrophes_inside_a_name_do_not_split_it():
    assert (
        text.tokens("xã Ea M’Droh")
        == text.tokens("xa Ea M'Droh")
        == [
            "xa",
            "ea",
            "mdroh",
        ]
    )


def test_tokens_are_plain_ascii_whatever_the_input():
    for token in text.tokens("“Dân vận khéo” <b>x</b> 😀 \x00 日本 ñandú"):
        assert token.isascii()
        assert token.isalnum()


def test_exact_tokens_keep_the_marks_and_ignore_tone_placement():
    assert text.exact_tokens("hoá") == text.exact_tokens("hóa")
    assert text.exact_tokens("Đăng") != text.exact_tokens("Đang")
    assert text.exact_tokens("Đảng") != text.exact_tokens("Đăng")
    assert text.exact_tokens("quản lí") == text.exact_tokens("quản lý")


def test_has_marks():
    assert text.has_marks("đăng ký")
    assert text.has_marks("Đ")
    assert not text.has_marks("dang ky")
    assert not text.has_marks("quan ly")


def test_query_words_group_code_parts():
    words = text.query_words("thủ tục 42/2022")
    assert [w.parts for w in words] == [("thu",), ("tuc",), ("42", "2022")]
    assert words[2].is_code
    assert not words[0].is_code


def test_query_words_ignore_syntax_and_garbage():
    assert text.query_words("\" * NEAR( '; DROP") == [
        text.QueryWord("NEAR", ("near",), ("near",)),
        text.QueryWord("DROP", ("drop",), ("drop",)),
    ]
    assert text.query_words("\x00\x01 ... ///") == []


def test_query_words_are_limited():
    assert len(text.query_words("từ " * 1000, limit=12)) == 12


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("thur", "thủ"),
        ("tucj", "tục"),
        ("hanhf", "hành"),
        ("chinhs", "chính"),
        ("dduwowngf", "đường"),
        ("nguoiwf", "người"),
        ("quoocs", "quốc"),
        ("giaays", "giấy"),
        ("uyr", "ủy"),
        ("Ddangr", "đảng"),
    ],
)
def test_telex(typed, word):
    assert text.decode_telex(typed) == word


@pytest.mark.parametrize(
    ("typed", "word"),
    [("thu3", "thủ"), ("tuc5", "tục"), ("d9a8ng", "đăng"), ("nguo7i2", "người")],
)
def test_vni(typed, word):
    assert text.decode_vni(typed) == word


def test_plain_words_are_not_decoded():
    assert text.decode_typing("khai") == []
    assert text.decode_typing("sinh") == []
    assert text.decode_vni("2022") is None
    assert text.decode_telex("đăng") is None


def test_one_edit_finds_common_typos():
    assert "dang" in text.one_edit("dnag")
    assert "khai" in text.one_edit("kai")
    assert "sinh" in text.one_edit("sihn")
    assert "tiep" in text.one_edit("tiepp")
    assert "dnag" not in text.one_edit("dnag")
