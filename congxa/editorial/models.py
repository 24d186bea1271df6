"""A commune's editorial board: its collection, its workflow and its role groups."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import Role


class EditorialBoard(models.Model):
    """What `setup_commune_roles` made for one commune (one Wagtail Site)."""

    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="editorial_board",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    workflow = models.ForeignKey(
        "wagtailcore.Workflow",
        verbose_name=_("workflow"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("editorial board")
        verbose_name_plural = _("editorial boards")

    def __str__(self):
        return str(self.site)


class BoardRole(models.Model):
    """One role of a board, carried by one Wagtail group."""

    board = models.ForeignKey(
        EditorialBoard,
        verbose_name=_("editorial board"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="board_role",
    )

    class Meta:
        verbose_name = _("board role")
        verbose_name_plural = _("board roles")
        constraints = [
            models.UniqueConstraint(fields=["board", "role"], name="one_group_per_role")
        ]

    def __str__(self):
        return self.group.name


class PageCreation(models.Model):
    """The page one admin create form made, by the form's token.

    Wagtail's autosave posts the create form in the background and only then
    points the form at the new page's edit view, so a click on "Submit" or
    "Save draft" meanwhile posts the same form to the create view again
    (`page_creation.py`). The token, a hidden field of every create form, lets
    the second post reach the page the first one made instead of a new one.
    """

    token = models.UUIDField(primary_key=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
    )
    by_autosave = models.BooleanField(default=False)
    revision_id = models.PositiveBigIntegerField(null=True)
    # What Wagtail's autosave tells the open form after the page is made
    # (formset ids, the address): a later post of that form needs them too.
    field_updates = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.token)
