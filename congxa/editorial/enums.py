from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # Translators: phóng viên / cộng tác viên, drafts and submits articles.
    WRITER = "writer", _("Writer")
    # Translators: biên tập viên, reviews (moderation step 1).
    EDITOR = "editor", _("Editor")
    # Translators: trưởng ban biên tập, publishes (moderation step 2).
    APPROVER = "approver", _("Approver")
    # Translators: quản trị xã, settings and editorial board of one commune.
    ADMIN = "admin", _("Commune administrator")
