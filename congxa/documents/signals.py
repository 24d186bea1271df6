"""Public pages show the managed lists and file sizes: keep the page cache honest.

Document types, fields and Wagtail documents belong to no one site, so a change
to any of them invalidates every site.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model

from congxa.portal.cache import bump_site_generation

from .models import DocumentField, DocumentType


@receiver(post_save, sender=DocumentType)
@receiver(post_delete, sender=DocumentType)
@receiver(post_save, sender=DocumentField)
@receiver(post_delete, sender=DocumentField)
@receiver(post_save, sender=get_document_model())
@receiver(post_delete, sender=get_document_model())
def managed_list_changed(sender, instance, **kwargs):
    bump_site_generation(None)
