"""Form fields rendered so that assistive technology finds their hint and errors."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def hint_id(field: BoundField) -> str:
    return f"{field.auto_id}-hint"


def error_id(field: BoundField, index: int) -> str:
    return f"{field.auto_id}-error-{index}"


@register.simple_tag
def field_widget(field: BoundField, hint: str = "") -> SafeString:
    """The widget, with `aria-describedby` naming the hint and errors shown with it.

    Django's own describedby points at a help-text id that these templates do not
    render; every id named here is on the page.
    """
    ids = [hint_id(field)] if hint else []
    ids += [error_id(field, index) for index in range(1, len(field.errors) + 1)]
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if not ids and "aria-describedby" in field.field.widget.attrs:
        attrs = {}
    widget = field.as_widget(attrs=attrs)
    if not ids:
        # Django adds aria-describedby="<id>_helptext" when the field has help
        # text; that element is never rendered, so the reference would dangle.
        dangling = f' aria-describedby="{field.auto_id}_helptext"'
        widget = mark_safe(widget.replace(dangling, ""))  # noqa: S308 (Django's HTML)
    return widget


@register.simple_tag
def field_error_id(field: BoundField, index: int) -> str:
    return error_id(field, index)


@register.simple_tag
def field_hint_id(field: BoundField) -> str:
    return hint_id(field)


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form, message: str = "") -> dict:
    """GOV.UK-style summary of a failed form: each error links to its field."""
    items = []
    if form is not None and form.is_bound and form.errors:
        for error in form.non_field_errors():
            items.append({"message": error, "anchor": ""})
        for field in form:
            if field.is_hidden:
                continue
            for error in field.errors:
                items.append({"message": error, "anchor": field.auto_id})
    if message:
        items.insert(0, {"message": message, "anchor": ""})
    return {"items": items}
