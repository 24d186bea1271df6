"""Builders for search tests: sections and published articles in a commune."""

import itertools

import pytest
from wagtail.rich_text import RichText

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory

_slugs = itertools.count(1)


def publish(page):
    """Publish through a revision, as an editor does, so Wagtail's signals fire."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_article(section, title, body="", *, lead="", date=None, live=True):
    fields = {"title": title, "lead": lead, "slug": f"bai-{next(_slugs)}"}
    if date is not None:
        fields["date"] = date
    if body:
        fields["body"] = [("paragraph", RichText(f"<p>{body}</p>"))]
    page = ArticlePageFactory.build(**fields)
    page.live = False
    section.add_child(instance=page)
    return publish(page) if live else page


@pytest.fixture
def section(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc")


@pytest.fixture
def other_section(other_site):
    return NewsIndexPageFactory(
        parent=other_site.root_page, title="Tin tức", slug="tin-tuc"
    )


@pytest.fixture(autouse=True)
def _fresh_synonym_lists():
    """Each test reads the synonym lists of its own database."""
    from congxa.search.selectors import lexicons_forget

    lexicons_forget()
    yield
    lexicons_forget()
