from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "congxa.engagement"
    label = "engagement"
    verbose_name = _("Citizens' questions and feedback")

    def ready(self) -> None:
        from . import compliance

        compliance.register()
        from congxa.portal.communes import DefaultSection, register_default_section

        register_default_section(
            DefaultSection(
                "questions",
                "engagement.QuestionIndexPage",
                "Hỏi đáp",
                "hoi-dap",
                order=60,
            )
        )
        register_default_section(
            DefaultSection(
                "feedback",
                "engagement.FeedbackPage",
                "Phản ánh, kiến nghị",
                "phan-anh-kien-nghi",
                order=70,
            )
        )
