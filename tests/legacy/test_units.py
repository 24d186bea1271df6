import io

import pytest

from congxa.legacy.mapping import MappingError, load_mapping, parse_option
from congxa.legacy.profiles import ProfileError, detect_profile, load_profile_file
from congxa.legacy.progress import Progress


def test_yaml_mapping_by_path_and_folded_breadcrumb(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text(
        "default: tin-tuc\nrules:\n  - {path: /thong-bao/, section: thong-bao}\n"
        "  - {breadcrumb: 'XÂY DỰNG ĐẢNG', section: xay-dung-dang}\n",
        encoding="utf-8",
    )
    mapping = load_mapping(path)
    assert mapping.section_for("/thong-bao/a.html", []) == "thong-bao"
    assert (
        mapping.section_for("/x.html", ["Trang chủ", "Xây dựng Đảng"])
        == "xay-dung-dang"
    )
    assert mapping.section_for("/x.html", ["Trang chủ"]) == "tin-tuc"


def test_csv_mapping_and_bad_rules(tmp_path):
    path = tmp_path / "map.csv"
    path.write_text("pattern,section\n/tb/,thong-bao\n*,tin-tuc\n", encoding="utf-8")
    mapping = load_mapping(path)
    assert mapping.default == "tin-tuc" and mapping.sections == {"thong-bao", "tin-tuc"}
    path.write_text("/tb/\n", encoding="utf-8")
    with pytest.raises(MappingError):
        load_mapping(path)
    with pytest.raises(MappingError):
        parse_option("no-equals-sign")
    assert parse_option("/a/=tin-tuc").section == "tin-tuc"


def test_a_new_vendor_is_a_new_profile_file(tmp_path):
    path = tmp_path / "vendor.yaml"
    path.write_text(
        "name: vendor\nfingerprints: ['vendor-cms']\n"
        "title: ['.vc-title']\nbody: ['.vc-body']\n",
        encoding="utf-8",
    )
    profile = load_profile_file(path)
    assert detect_profile("<html data-x='vendor-cms'>", (profile,)).name == "vendor"
    assert detect_profile("<html>", (profile,)).name == "generic"
    path.write_text("name: bad\ntitle: ['..']\n", encoding="utf-8")
    with pytest.raises(ProfileError):
        load_profile_file(path)
    path.write_text("name: bad\nselectors: []\n", encoding="utf-8")
    with pytest.raises(ProfileError):
        load_profile_file(path)


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_shows_rate_and_time_left():
    stream = Terminal()
    progress = Progress(stream, 4, label="trang/giây")
    for _ in range(2):
        progress.step()
    progress.finish()
    line = stream.getvalue().rsplit("\r", 1)[-1]
    assert "2/4" in line and "trang/giây" in line and "~" in line
