"""Each commune's colour, from a palette whose contrast is checked.

The colour is a class on `<html>` (`theme-blue`), and the class sets the
stylesheet's custom properties (`--red`, `--red-dark`, the colour of the header
and the menu): no inline style (the public CSP forbids them), the same one
stylesheet for every commune, a few bytes more per page. Every colour of the
palette keeps white text and the gold accent at WCAG AA (4.5:1) on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

AA_TEXT = 4.5
WHITE = "#ffffff"
GOLD = "#f7d66b"  # --gold in congxa.css


@dataclass(frozen=True)
class Colour:
    key: str
    label: str
    base: str
    dark: str


PALETTE = [
    Colour("red", _("Red (national)"), "#b3121f", "#8a0d17"),
    Colour("blue", _("Blue"), "#0b4f9c", "#083a73"),
    Colour("green", _("Green"), "#1e6b35", "#154d26"),
    Colour("teal", _("Teal"), "#0f5e63", "#0a4246"),
    Colour("maroon", _("Maroon"), "#7a1f3d", "#59162c"),
    Colour("brown", _("Brown"), "#6b3e1e", "#4d2c15"),
]
DEFAULT = "red"
CHOICES = [(colour.key, colour.label) for colour in PALETTE]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    hex_colour = hex_colour.lstrip("#")
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def theme_css() -> str:
    """The palette's rules, as they are in congxa.css (a test keeps them equal)."""
    return "\n".join(
        f".theme-{c.key} {{ --red: {c.base}; --red-dark: {c.dark}; }}"
        for c in PALETTE
        if c.key != DEFAULT
    )
