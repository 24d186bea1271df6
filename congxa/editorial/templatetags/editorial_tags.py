from django import template
from django.utils.safestring import SafeString, mark_safe

from congxa.editorial.sanitize import sanitize_html

register = template.Library()


@register.filter
def sanitized(html: str) -> SafeString:
    """Rendered rich text, cleaned again on its way out (see sanitize.py)."""
    return mark_safe(sanitize_html(str(html)))  # noqa: S308 (cleaned by nh3)


@register.filter
def app_verbose_name(content_type) -> str:
    """The name of the app a content type belongs to (`Văn bản`), for reports."""
    model = content_type.model_class()
    return str(model._meta.app_config.verbose_name) if model else ""
