"""Admin forms: choices narrowed to the communes the user manages."""

from congxa.portal.site_access import SiteScopedForm


class OrganisationUnitForm(SiteScopedForm):
    site_scoped_fields = ("parent",)


class OfficialForm(SiteScopedForm):
    site_scoped_fields = ("unit",)
