"""The pure parts of query understanding: dictionary, sounds, document numbers."""

import pytest

from congxa.search import numbers, phonetics, synonyms


def test_shipped_dictionary_knows_the_issue_examples():
    lexicon = synonyms.shipped()
    for typed, meaning in [
        ("lam so do", "cap giay chung nhan quyen su dung dat"),
        ("cccd", "can cuoc"),
        ("dk", "dang ki"),
        ("ubnd", "uy ban nhan dan"),
        ("gcn", "giay chung nhan quyen su dung dat"),
        ("giay chung sinh", "dang ki khai sinh"),
        ("giay xac nhan doc than", "xac nhan tinh trang hon nhan"),
        ("cong chung", "chung thuc"),
    ]:
        alternatives = lexicon.alternatives(typed.split())
        assert meaning.split() in alternatives, (typed, alternatives)


def test_dictionary_lines_fold_both_sides():
    entry = synonyms.parse_line("ĐKKS, Đk Khai Sinh = Đăng ký khai sinh; khai sinh")
    assert entry.phrases == (("dkks",), ("dk", "khai", "sinh"))
    assert entry.meanings == (("dang", "ki", "khai", "sinh"), ("khai", "sinh"))
    assert synonyms.parse_line("# a comment = no") is None
    assert synonyms.parse_line("no equals sign") is None


def test_commune_entries_come_before_the_shipped_ones():
    lexicon = synonyms.shipped().layered(
        [synonyms.parse_line("so do = bản đồ địa chính")]
    )
    assert lexicon.alternatives(["so", "do"])[0] == ["ban", "do", "dia", "chinh"]
    assert synonyms.shipped().alternatives(["so", "do"])[0] != [
        "ban",
        "do",
        "dia",
        "chinh",
    ]


def test_longest_phrase_wins_and_the_rest_stays():
    lexicon = synonyms.Lexicon(
        [
            synonyms.parse_line("so do = giấy chứng nhận"),
            synonyms.parse_line("lam so do = cấp giấy chứng nhận"),
        ]
    )
    assert lexicon.alternatives(["lam", "so", "do", "nhanh"])[0] == [
        "cap",
        "giay",
        "chung",
        "nhan",
        "nhanh",
    ]
    assert lexicon.cores(["lam", "so", "do", "nhanh"])[0] == [
        "cap",
        "giay",
        "chung",
        "nhan",
    ]


def test_same_sound_spellings():
    assert "ket" in phonetics.sound_variants("cet")
    assert "chung" in phonetics.sound_variants("trung")
    assert "tru" in phonetics.sound_variants("chu")
    assert "sinh" in phonetics.sound_variants("xinh")
    assert "giay" in phonetics.sound_variants("day")
    assert "hon" in phonetics.sound_variants("hong")
    assert "quyen" in phonetics.sound_variants("kuyen") or "cuyen" in (
        phonetics.sound_variants("quyen")
    )
    assert phonetics.sound_variants("2025") == set()


def test_document_numbers_in_every_way_people_write_them():
    def ref(text):
        return numbers.reference([tuple(word.split("/")) for word in text.split()])

    assert ref("qd 15").parts == ("15",)
    assert ref("qd 15").kind == "qd"
    assert ref("quyet dinh 15 nam 2025").parts == ("15", "2025", "qd")
    assert ref("quyet dinh so 15/2025").parts == ("15", "2025", "qd")
    assert ref("nghi quyet 08 2025").parts == ("08", "2025", "nq")
    assert ref("15/2025").parts == ("15", "2025")
    assert ref("15 ho dan") is None
    assert ref("nam 2025") is None


@pytest.mark.django_db
def test_a_number_typed_as_documents_print_it_is_searched_once():
    """`42/2022` as the document number is the words as typed less the prefix
    mark: a part of what they find, in the same class, so not searched again;
    `qd 15` as the number (`15 ... qd`) is another search."""
    from congxa.search import query

    typed = query.plan("42/2022")
    assert [w.parts for w in typed.words] == [("42", "2022")]
    assert [a.label for a in typed.alternatives] == []
    kind_first = query.plan("qd 15")
    assert "number" in [a.label for a in kind_first.alternatives]


def test_code_terms_are_the_runs_of_a_code_with_a_number():
    from congxa.vi import text as vi_text

    assert vi_text.code_terms("Theo Nghị định 42/2022/NĐ-CP.") == [
        "42x2022",
        "42x2022xnd",
        "42x2022xndxcp",
        "2022xnd",
        "2022xndxcp",
    ]
    assert vi_text.code_terms("Mã thủ tục 1.001193") == ["1x001193"]
    # No number, or one part only: nothing more than the words.
    assert vi_text.code_terms("Hà-Nội, năm 2025, QĐ-UBND") == []
    assert vi_text.code_term(("qd", "ubnd")) is None
    assert vi_text.code_term(("15", "2025", "qd")) == "15x2025xqd"
