from django.db import models
from django.utils.translation import gettext_lazy as _


class DisclosureCategory(models.TextChoices):
    """The disclosure sections Decree 42/2022/NĐ-CP and the budget law require."""

    PLANS = "plans", _("Plans and programmes")
    BUDGET = "budget", _("Budget disclosure and financial reports")
    INVESTMENT = "investment", _("Public investment and procurement")
    MANDATORY_LIST = "mandatory_list", _("List of information to be disclosed")
    OTHER = "other", _("Other disclosures")
