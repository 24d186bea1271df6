"""The demo commune's editorial board (called by `congxa demo` when listed in
congxa.demo.services.CONTENT_APPS, last, after every app made its pictures and
files)."""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .services import commune_roles_setup


def seed(*, home_page, site) -> None:
    board = commune_roles_setup(site=site)
    # The demo's images and documents are the commune's: in its collection, so
    # its own editors and approver see and choose them (the root collection is
    # for the deployment's operator).
    root = Collection.get_first_root_node()
    for model in (get_image_model(), get_document_model()):
        model.objects.filter(collection=root).update(collection=board.collection)
