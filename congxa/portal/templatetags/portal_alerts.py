"""The emergency banner above every page of a commune."""

from django import template
from wagtail.models import Site

from congxa.portal.alerts import banner_state
from congxa.portal.cache import expire_page_cache_at

register = template.Library()


@register.inclusion_tag("portal/alerts/emergency_alerts.html", takes_context=True)
def emergency_alerts(context) -> dict:
    """Active alerts of the request's site; the cached page expires when the next
    alert starts or ends."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    alerts, next_transition = banner_state(site)
    if request is not None and next_transition is not None:
        expire_page_cache_at(request, next_transition)
    return {"alerts": alerts}
