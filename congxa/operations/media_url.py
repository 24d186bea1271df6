"""`CONGXA_MEDIA_URL`, read into django-storages' S3 options.

    s3://BUCKET[/PREFIX]?endpoint_url=URL&region=REGION[&public_url=URL][&acl=0]

Credentials come from the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
variables (boto3 reads them). Imports nothing of Django's runtime: settings.py
calls it.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from django.core.exceptions import ImproperlyConfigured

KNOWN_PARAMETERS = {"endpoint_url", "region", "public_url", "acl", "addressing_style"}


def s3_storage_options(url: str) -> dict:
    """The OPTIONS of `congxa.operations.storage.MediaStorage` for a media URL."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ImproperlyConfigured(
            "CONGXA_MEDIA_URL phải có dạng s3://TÊN-BUCKET[/TIỀN-TỐ]"
            f"?endpoint_url=...&region=... (đang là {url!r})."
        )
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(query) - KNOWN_PARAMETERS)
    if unknown:
        raise ImproperlyConfigured(
            f"CONGXA_MEDIA_URL có tham số không hỗ trợ: {', '.join(unknown)} "
            f"(chỉ nhận {', '.join(sorted(KNOWN_PARAMETERS))})."
        )
    options: dict = {
        "bucket_name": parts.netloc,
        "location": parts.path.strip("/"),
        # Image URLs are plain (cacheable in pages); documents are private
        # objects served through the app, never by their storage URL.
        "querystring_auth": False,
        # Two uploads with the same name must not overwrite each other.
        "file_overwrite": False,
    }
    endpoint = query.get("endpoint_url", "")
    if endpoint:
        if urlsplit(endpoint).scheme not in {"http", "https"}:
            raise ImproperlyConfigured(
                f"endpoint_url trong CONGXA_MEDIA_URL phải bắt đầu bằng http:// "
                f"hoặc https:// (đang là {endpoint!r})."
            )
        options["endpoint_url"] = endpoint
    if query.get("region"):
        options["region_name"] = query["region"]
    if query.get("addressing_style"):
        if query["addressing_style"] not in {"path", "virtual", "auto"}:
            raise ImproperlyConfigured(
                "addressing_style trong CONGXA_MEDIA_URL chỉ nhận path, virtual "
                "hoặc auto."
            )
        options["addressing_style"] = query["addressing_style"]
    public_url = query.get("public_url", "")
    if public_url:
        public = urlsplit(public_url)
        if public.scheme not in {"http", "https"} or not public.netloc:
            raise ImproperlyConfigured(
                "public_url trong CONGXA_MEDIA_URL phải là một địa chỉ http(s):// "
                f"đầy đủ (đang là {public_url!r})."
            )
        options["custom_domain"] = public.netloc + public.path.rstrip("/")
        options["url_protocol"] = public.scheme + ":"
    acl = query.get("acl", "1")
    if acl not in {"0", "1"}:
        raise ImproperlyConfigured("acl trong CONGXA_MEDIA_URL chỉ nhận 0 hoặc 1.")
    # acl=0: the bucket's policy makes the image prefixes public (buckets that
    # refuse object ACLs); see deploy/README.md.
    options["object_acls"] = acl == "1"
    return options
