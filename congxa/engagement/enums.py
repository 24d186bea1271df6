"""Choices of the engagement app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    QUESTION = "question", _("Question")
    FEEDBACK = "feedback", _("Feedback")
    DRAFT_COMMENT = "draft_comment", _("Comment on a draft document")


class QuestionState(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


class AnswerStatus(models.TextChoices):
    NONE = "", _("No answer yet")
    DRAFT = "draft", _("Draft, awaiting approval")
    APPROVED = "approved", _("Approved")


class PublicNameMode(models.TextChoices):
    INITIALS = "initials", _("Initials only")
    HIDDEN = "hidden", _("Hidden")
