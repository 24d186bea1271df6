"""`{% script_nonce %}`: the nonce attribute of an admin inline script."""

from django import template
from django.utils.safestring import mark_safe

from congxa.portal.admin_scripts import nonce_attribute

register = template.Library()


@register.simple_tag
def script_nonce() -> str:
    """` nonce="…"` inside an admin response, nothing elsewhere."""
    return mark_safe(nonce_attribute())  # noqa: S308 (a token_urlsafe value)
