from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduleKind(models.TextChoices):
    WORK = "work", _("Work")
    CITIZEN_RECEPTION = "reception", _("Citizen reception")
