"""Two communes, each with its editorial board, a news section and its people."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from congxa.editorial.enums import Role
from congxa.editorial.services import commune_roles_setup, editor_add
from congxa.news.factories import NewsIndexPageFactory


def tiny_jpeg(name: str = "anh.jpg") -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (30, 120, 60)).save(buffer, format="JPEG")
    return ImageFile(buffer, name=name)


def make_member(site, role: Role, username: str):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.vn", password="mat-khau-dai-12345"
    )
    editor_add(user=user, site=site, role=role)
    return user


@pytest.fixture
def board(site):
    return commune_roles_setup(site=site)


@pytest.fixture
def other_board(other_site):
    return commune_roles_setup(site=other_site)


@pytest.fixture
def section(site, board):
    return NewsIndexPageFactory(parent=site.root_page, title="Tin tức - Sự kiện")


@pytest.fixture
def other_section(other_site, other_board):
    return NewsIndexPageFactory(parent=other_site.root_page, title="Tin Gio Linh")


@pytest.fixture
def writer(site, board):
    return make_member(site, Role.WRITER, "phongvien")


@pytest.fixture
def editor(site, board):
    return make_member(site, Role.EDITOR, "bientap")


@pytest.fixture
def approver(site, board):
    return make_member(site, Role.APPROVER, "truongban")


@pytest.fixture
def commune_admin(site, board):
    return make_member(site, Role.ADMIN, "quantri")


@pytest.fixture
def other_image(other_board):
    Image = get_image_model()
    return Image.objects.create(
        title="Ảnh Gio Linh",
        file=tiny_jpeg(),
        collection=other_board.collection,
    )


@pytest.fixture
def other_document(other_board):
    from django.core.files.base import ContentFile

    Document = get_document_model()
    return Document.objects.create(
        title="Văn bản Gio Linh",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="van-ban.pdf"),
        collection=other_board.collection,
    )
