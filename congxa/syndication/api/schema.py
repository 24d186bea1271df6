"""Hooks of the OpenAPI generator."""

API_PREFIX = "/api/v1/"


def public_endpoints_only(endpoints: list, **kwargs) -> list:
    """Only the public API; the Wagtail admin's own API is not part of it."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
