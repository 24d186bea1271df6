"""Accessibility audits of the demo commune with the tools auditors use: axe-core
in Debian's chromium (through Playwright), the Nu HTML Checker on the machine's
Java, and keyboard checks."""

import http.cookiejar
import re
import urllib.parse
import urllib.request

import pytest

from tests.syndication.conftest import live_demo  # noqa: F401

# Every kind of public page of the demo commune.
PAGE_KINDS = {
    "home": "/",
    "section": "/tin-tuc-su-kien/",
    "article": "/xay-dung-dang/tong-ket-cong-tac-bao-ve-nen-tang-tu-tuong-cua-dang/",
    "documents": "/van-ban/",
    "documents-filtered": "/van-ban/?type=quyet-dinh&q=ke+hoach",
    "document": "/van-ban/qd-112-2024-xay-dung-duong-thon/",
    "draft-document": "/van-ban/du-thao-ke-hoach-su-dung-dat-2025/",
    "document-print": "/van-ban/qd-112-2024-xay-dung-duong-thon/?print=1",
    "procedures": "/thu-tuc-hanh-chinh/",
    "procedure": "/thu-tuc-hanh-chinh/1.001193/",
    "introduction": "/gioi-thieu/",
    "introduction-page": "/gioi-thieu/lich-su-hinh-thanh/",
    "organisation": "/gioi-thieu/co-cau-to-chuc/",
    "contact": "/gioi-thieu/lien-he/",
    "english": "/gioi-thieu/english/",
    "schedule": "/lich-cong-tac/",
    "questions": "/hoi-dap/",
    "question": "/hoi-dap/3/",
    "ask": "/hoi-dap/gui-cau-hoi/",
    "lookup": "/hoi-dap/tra-cuu/",
    "privacy": "/hoi-dap/chinh-sach-du-lieu/",
    "feedback": "/phan-anh-kien-nghi/",
    "disclosures": "/cong-khai/",
    "disclosure-section": "/cong-khai/ngan-sach-tai-chinh/",
    "search": "/tim-kiem/?q=khai+sinh",
    "search-empty": "/tim-kiem/",
    "open-data": "/du-lieu-mo/",
    "api": "/api/",
    "accessibility": "/tuyen-bo-ve-kha-nang-tiep-can/",
    "not-found": "/trang-khong-co/",
}
# Forms that a person can fill in wrongly, and their address.
FORMS = {
    "ask": "/hoi-dap/gui-cau-hoi/",
    "feedback": "/phan-anh-kien-nghi/",
    "lookup": "/hoi-dap/tra-cuu/",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/a11y/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def failed_submission(url: str) -> str:
    """The page a failed, empty submission returns, as the server wrote it."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(url, timeout=30) as response:  # noqa: S310
        form = response.read().decode()
    fields = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
    )
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(  # noqa: S310 (the test server)
        url, data=data, headers={"Referer": url}
    )
    try:
        with opener.open(request, timeout=30) as response:  # noqa: S310
            return response.read().decode()
    except urllib.error.HTTPError as error:
        return error.read().decode()
