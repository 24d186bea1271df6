"""Django's own words that its Vietnamese catalog lacks, carried in ours.

The admin says "3 minutes trước" without them: Wagtail writes relative times
with `django.utils.timesince` (and `django.contrib.humanize`'s naturaltime in
the status panel), whose "%(num)d minute" has no Vietnamese in Django 5.2.
Declaring the same msgids here puts them in congxa's catalog (LOCALE_PATHS
wins over Django's); nothing reads these objects.
"""

from django.utils.translation import gettext_lazy, ngettext_lazy, npgettext_lazy

TIMESINCE = (
    ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
)
NATURALTIME_PAST = (
    npgettext_lazy("naturaltime-past", "%(num)d year", "%(num)d years", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d month", "%(num)d months", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d week", "%(num)d weeks", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d day", "%(num)d days", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d hour", "%(num)d hours", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d minute", "%(num)d minutes", "num"),
)
NATURALTIME = (
    gettext_lazy("%(delta)s ago"),
    gettext_lazy("%(delta)s from now"),
)
