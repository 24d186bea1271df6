from django import template
from django.utils.safestring import SafeString, mark_safe

from congxa.editorial.sanitize import sanitize_html

register = template.Library()


@register.filter
def sanitized(html: str) -> SafeString:
    """Rendered rich text, cleaned again on its way out (see sanitize.py)."""
    return mark_safe(sanitize_html(str(html)))  # noqa: S308 (cleaned by nh3)
