"""Platform profiles: one declarative YAML file per platform family.

A profile says how to recognise its platform (`fingerprints`: regular
expressions searched in the raw page, one point each) and where the parts of
an article are (CSS selectors, tried in order). A new vendor's layout is a new
file in `profiles/`, or one passed with `--profile path/to/file.yaml`. Pure:
imports nothing of Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from lxml.cssselect import CSSSelector, SelectorError

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"
FIELDS = (
    "title",
    "date",
    "lead",
    "body",
    "signature",
    "view_count",
    "breadcrumb",
    "attachments",
    "remove",
)
# How much of a page fingerprints look at: the platform shows in the head and
# the first markup; a 10 MB page need not be scanned whole.
FINGERPRINT_BYTES = 200_000


class ProfileError(ValueError):
    """A profile file that cannot be read; the message names the problem."""


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    fingerprints: tuple[re.Pattern, ...] = ()
    selectors: dict[str, tuple[CSSSelector, ...]] = field(default_factory=dict)

    def select(self, part: str) -> tuple[CSSSelector, ...]:
        return self.selectors.get(part, ())

    def score(self, raw_html: str) -> int:
        head = raw_html[:FINGERPRINT_BYTES]
        return sum(1 for pattern in self.fingerprints if pattern.search(head))


GENERIC = Profile(name="generic", label="Chung")


def _compile(name: str, data: dict) -> Profile:
    if not isinstance(data, dict) or not data.get("name"):
        raise ProfileError(f"{name}: thiếu khóa 'name'")
    try:
        fingerprints = tuple(
            re.compile(pattern, re.IGNORECASE)
            for pattern in data.get("fingerprints", [])
        )
    except re.error as exc:
        raise ProfileError(f"{name}: biểu thức dấu hiệu không hợp lệ ({exc})") from exc
    selectors: dict[str, tuple[CSSSelector, ...]] = {}
    for part in FIELDS:
        values = data.get(part) or []
        if isinstance(values, str):
            values = [values]
        try:
            selectors[part] = tuple(CSSSelector(value) for value in values)
        except SelectorError as exc:
            raise ProfileError(
                f"{name}: bộ chọn CSS không hợp lệ ở '{part}' ({exc})"
            ) from exc
    unknown = set(data) - {*FIELDS, "name", "label", "fingerprints"}
    if unknown:
        raise ProfileError(
            f"{name}: khóa không được hỗ trợ: {', '.join(sorted(unknown))}"
        )
    return Profile(
        name=str(data["name"]),
        label=str(data.get("label") or data["name"]),
        fingerprints=fingerprints,
        selectors=selectors,
    )


def load_profile_file(path: Path) -> Profile:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ProfileError(f"{path.name}: không đọc được ({exc})") from exc
    return _compile(path.name, data)


@cache
def builtin_profiles() -> tuple[Profile, ...]:
    return tuple(load_profile_file(path) for path in sorted(PROFILE_DIR.glob("*.yaml")))


def profile_named(name_or_path: str) -> Profile:
    """A built-in profile by name (`nukeviet`), or a profile file by path."""
    if name_or_path == GENERIC.name:
        return GENERIC
    for profile in builtin_profiles():
        if profile.name == name_or_path:
            return profile
    path = Path(name_or_path)
    if path.suffix in {".yaml", ".yml"} and path.is_file():
        return load_profile_file(path)
    names = ", ".join([p.name for p in builtin_profiles()] + [GENERIC.name])
    raise ProfileError(f"không có hồ sơ nền tảng '{name_or_path}' (có: {names})")


def detect_profile(
    raw_html: str, profiles: tuple[Profile, ...] | None = None
) -> Profile:
    """The profile whose fingerprints the page matches most; generic if none."""
    best, best_score = GENERIC, 0
    for profile in profiles or builtin_profiles():
        score = profile.score(raw_html)
        if score > best_score:
            best, best_score = profile, score
    return best
