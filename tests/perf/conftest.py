"""Fixtures for the page-cache, query-count and page-weight tests."""

import pytest

from congxa.news.factories import ArticlePageFactory, NewsIndexPageFactory
from congxa.portal.factories import ImageFactory

HOST = "vinhthuy.localhost"
OTHER_HOST = "giolinh.localhost"


@pytest.fixture
def section(home):
    return NewsIndexPageFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc")


@pytest.fixture
def article(section):
    return ArticlePageFactory(
        parent=section,
        title="Vĩnh Thủy chủ động ứng phó bão số 12",
        slug="ung-pho-bao",
        featured_image=ImageFactory(),
        lead="Ủy ban nhân dân xã triển khai các biện pháp ứng phó với bão.",
    )


@pytest.fixture
def other_article(other_site):
    section = NewsIndexPageFactory(
        parent=other_site.root_page, title="Thông báo", slug="thong-bao"
    )
    return ArticlePageFactory(parent=section, title="Thông báo của xã Gio Linh")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run `action` and the on-commit hooks it queued, as a real commit would."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def get(client, url, host=HOST, **headers):
    return client.get(url, HTTP_HOST=host, **headers)


ARTICLE_SNIPPET = """
from congxa.news.models import ArticlePage
page = ArticlePage.objects.live().order_by("-date").first()
print(page.pk, page.relative_url(None))
"""


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory):
    """A demo commune seeded in its own data directory, for `manage.py serve`.

    Returns the data directory and one article's id and path.
    """
    from .servers import manage

    data_dir = tmp_path_factory.mktemp("served-demo")
    data_dir.chmod(0o755)  # nginx's workers read static files from it
    manage(data_dir, "demo", "--no-serve")
    pk, path = manage(data_dir, "shell", "-c", ARTICLE_SNIPPET).split()[-2:]
    return data_dir, int(pk), path
