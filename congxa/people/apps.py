from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "congxa.people"
    label = "people"
    verbose_name = _("Introduction and organisation")

    def ready(self) -> None:
        from .compliance import register as register_compliance
        from .home_blocks import register as register_home_blocks

        register_home_blocks()
        register_compliance()
        from congxa.portal.communes import DefaultSection, register_default_section

        for section in [
            DefaultSection(
                "introduction",
                "people.IntroductionIndexPage",
                "Giới thiệu",
                "gioi-thieu",
                order=40,
            ),
            DefaultSection(
                "organisation",
                "people.OrganisationPage",
                "Cơ cấu tổ chức",
                "co-cau-to-chuc",
                "introduction",
                41,
                show_in_menus=False,
            ),
            DefaultSection(
                "contact",
                "people.ContactPage",
                "Liên hệ",
                "lien-he",
                "introduction",
                42,
                show_in_menus=False,
            ),
            DefaultSection(
                "schedule",
                "people.WorkSchedulePage",
                "Lịch công tác",
                "lich-cong-tac",
                order=50,
            ),
            DefaultSection(
                "reception",
                "people.CitizenReceptionPage",
                "Lịch tiếp công dân",
                "lich-tiep-cong-dan",
                "schedule",
                51,
                show_in_menus=False,
            ),
        ]:
            register_default_section(section)
