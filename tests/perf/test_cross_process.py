"""A publish made by one process is seen by every worker of the server."""

from .servers import http_get, manage, served

WORKERS = 2

PUBLISH = """
from congxa.news.models import ArticlePage
page = ArticlePage.objects.get(pk={pk})
page.title = {title!r}
page.save_revision().publish()
"""


def test_publish_in_another_process_reaches_every_worker(served_demo):
    data_dir, pk, path = served_demo
    new_title = "Tiêu đề sửa từ tiến trình khác"
    with served(data_dir, workers=WORKERS) as base_url:
        statuses = [http_get(base_url + path) for _ in range(WORKERS * 3)]
        assert all(status == 200 for status, _, _ in statuses)
        assert statuses[-1][1]["X-Cache"] == "HIT"
        assert new_title not in statuses[-1][2].decode()

        manage(data_dir, "shell", "-c", PUBLISH.format(pk=pk, title=new_title))

        answers = [http_get(base_url + path) for _ in range(WORKERS * 3)]
        assert answers[0][1]["X-Cache"] == "MISS"
        for status, _headers, body in answers:
            assert status == 200
            assert new_title in body.decode()
        assert answers[-1][1]["X-Cache"] == "HIT"
