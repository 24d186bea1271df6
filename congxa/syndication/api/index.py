"""`/api/`: every endpoint of the OpenAPI description, for a person to read."""

from functools import lru_cache

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


@lru_cache(maxsize=1)
def openapi_schema() -> dict:
    """The description the JSON endpoint serves, built once per process."""
    return SchemaGenerator().get_schema(request=None, public=True)


def endpoints() -> list[dict]:
    rows = []
    for path, operations in openapi_schema()["paths"].items():
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "parameters": [
                        parameter["name"]
                        for parameter in operation.get("parameters", [])
                        if parameter["in"] == "query"
                    ],
                }
            )
    return rows


def api_index(request):
    return render(
        request,
        "syndication/api_index.html",
        {"endpoints": endpoints(), "meta_title": None},
    )
