"""Which congxa section an old article goes to. Pure: imports nothing of Django.

Rules come from a YAML or CSV file, or from `--map PATTERN=SECTION` options. A
pattern that starts with `/` matches the start of the old URL path; any other
pattern matches a step of the old breadcrumb (case, tones and diacritics
folded). The first rule that matches wins; otherwise the default section.

YAML::

    default: tin-tuc-su-kien
    rules:
      - {path: /thong-bao/, section: thong-bao}
      - {breadcrumb: "Xây dựng Đảng", section: xay-dung-dang}

CSV (a header line `pattern,section`; `*` sets the default)::

    pattern,section
    /thong-bao/,thong-bao
    Xây dựng Đảng,xay-dung-dang
    *,tin-tuc-su-kien
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from congxa.vi.text import fold


class MappingError(ValueError):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Rule:
    pattern: str
    section: str

    @property
    def is_path(self) -> bool:
        return self.pattern.startswith("/")

    def matches(self, old_path: str, breadcrumb: list[str]) -> bool:
        if self.is_path:
            return old_path.lower().startswith(self.pattern.lower())
        wanted = fold(self.pattern)
        return any(fold(step) == wanted for step in breadcrumb)


@dataclass
class SectionMapping:
    rules: list[Rule] = field(default_factory=list)
    default: str = ""

    def section_for(self, old_path: str, breadcrumb: list[str]) -> str:
        for rule in self.rules:
            if rule.matches(old_path, breadcrumb):
                return rule.section
        return self.default

    @property
    def sections(self) -> set[str]:
        return {rule.section for rule in self.rules} | (
            {self.default} if self.default else set()
        )


def parse_option(value: str) -> Rule:
    pattern, sep, section = value.rpartition("=")
    if not sep or not pattern.strip() or not section.strip():
        raise MappingError("bad_option", value)
    return Rule(pattern.strip(), section.strip())


def load_mapping(path: Path) -> SectionMapping:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError("unreadable", f"{path} ({exc})") from exc
    if path.suffix.lower() == ".csv":
        return _from_csv(text, path)
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise MappingError("bad_yaml", f"{path} ({exc})") from exc
    if not isinstance(data, dict):
        raise MappingError("bad_yaml", str(path))
    mapping = SectionMapping(default=str(data.get("default") or ""))
    for number, item in enumerate(data.get("rules") or [], start=1):
        if not isinstance(item, dict) or not item.get("section"):
            raise MappingError("bad_rule", f"{path}: {number}")
        pattern = item.get("path") or item.get("breadcrumb")
        if not pattern:
            raise MappingError("bad_rule", f"{path}: {number}")
        mapping.rules.append(Rule(str(pattern), str(item["section"])))
    return mapping


def _from_csv(text: str, path: Path) -> SectionMapping:
    mapping = SectionMapping()
    reader = csv.reader(io.StringIO(text))
    for number, row in enumerate(reader, start=1):
        if not row or not "".join(row).strip():
            continue
        if number == 1 and [c.strip().lower() for c in row[:2]] == [
            "pattern",
            "section",
        ]:
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise MappingError("bad_rule", f"{path}: {number}")
        pattern, section = row[0].strip(), row[1].strip()
        if pattern == "*":
            mapping.default = section
        else:
            mapping.rules.append(Rule(pattern, section))
    return mapping
