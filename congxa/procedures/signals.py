"""Keep the page cache honest when the shared catalog or a commune's choice changes."""

from django.db.models.signals import post_delete, post_save

from congxa.portal.cache import bump_site_generation

from .models import AdministrativeProcedure, SelectedProcedure


def catalog_changed(sender, instance, **kwargs) -> None:
    # The catalog is shared: every commune's pages may show the procedure.
    bump_site_generation(None)


def selection_changed(sender, instance, **kwargs) -> None:
    bump_site_generation(instance.selection.site_id)


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(catalog_changed, sender=AdministrativeProcedure)
        signal.connect(selection_changed, sender=SelectedProcedure)
