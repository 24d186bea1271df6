from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    # Translators: a draft published for citizens' comments (dự thảo lấy ý kiến).
    DRAFT_FOR_COMMENT = "draft_for_comment", _("Draft for public comment")


class CommentPeriod(models.TextChoices):
    UPCOMING = "upcoming", _("Not yet open for comment")
    OPEN = "open", _("Open for comment")
    CLOSED = "closed", _("Comment period closed")
