"""The seeded demo's contacts never appear in anything public."""

import re

from django.test import Client
from wagtail.models import Page

from congxa.engagement import demo
from congxa.engagement.models import Question

HOST = "vinhthuy.localhost"


def crawl(client, start_urls, limit=400):
    seen, queue, outputs = set(), list(start_urls), []
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, HTTP_HOST=HOST)
        if response.status_code != 200 or response.streaming:
            continue
        body = response.content.decode("utf-8", "replace")
        outputs.append((url, body))
        for link in re.findall(r'href="(/[^"#]*)"', body):
            if not link.startswith(("/admin", "/static", "/media", "/documents")):
                queue.append(link.replace("&amp;", "&"))
    return outputs


def test_demo_seed_is_idempotent_and_publishes_a_dozen(site, home):
    demo.seed(home_page=home, site=site)
    demo.seed(home_page=home, site=site)
    published = Question.objects.for_site(site).published().count()
    assert published >= 12
    assert Question.objects.for_site(site).count() == published + len(demo.UNPUBLISHED)
    assert len({q.topic_id for q in Question.objects.published()}) >= 6


def test_seeded_contacts_never_appear_in_public_output(site, home):
    demo.seed(home_page=home, site=site)
    client = Client()
    start = [p.url for p in Page.objects.live().descendant_of(home, inclusive=True)]
    start += ["/tim-kiem/?q=khai+sinh", "/tim-kiem/?q=example.com", "/sitemap.xml"]
    start += ["/tim-kiem/?q=h%E1%BB%99+t%E1%BB%8Bch", "/hoi-dap/chinh-sach-du-lieu/"]
    outputs = crawl(client, start)
    assert any("/hoi-dap/" in url for url, _body in outputs)
    assert sum(1 for url, _ in outputs if re.search(r"/hoi-dap/\d+/$", url)) >= 12
    secrets = set()
    for question in Question.objects.all():
        secrets.update(v for v in (question.phone, question.email, question.name) if v)
        if question.address:
            secrets.add(question.address)
    unpublished = [q.title for q in Question.objects.exclude(is_published=True)]
    for url, body in outputs:
        for secret in secrets:
            assert secret not in body, f"{secret} leaked on {url}"
        for title in unpublished:
            assert title not in body, f"unpublished {title} on {url}"
        assert "@example.com" not in body
