"""The emergency banner above every page of a commune."""

from django import template
from django.utils import timezone
from wagtail.models import Site

from congxa.portal.alerts import banner_state
from congxa.portal.cache import expire_page_cache_at, generation_memo

register = template.Library()


@register.inclusion_tag("portal/alerts/emergency_alerts.html", takes_context=True)
def emergency_alerts(context) -> dict:
    """Active alerts of the request's site; the cached page expires when the next
    alert starts or ends."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    # Kept per site generation (saving or deleting an alert bumps it) until the
    # next alert starts or ends.
    alerts, next_transition = generation_memo(
        request,
        "alerts",
        None,
        lambda: banner_state(site),
        still_valid=lambda state: state[1] is None or timezone.now() < state[1],
    )
    if request is not None and next_transition is not None:
        expire_page_cache_at(request, next_transition)
    return {"alerts": alerts}
