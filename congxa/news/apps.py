from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "congxa.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from .home_blocks import register

        register()
        from congxa.portal.communes import DefaultSection, register_default_section

        for order, (slug, title) in enumerate(
            [("tin-tuc-su-kien", "Tin tức - Sự kiện"), ("thong-bao", "Thông báo")]
        ):
            register_default_section(
                DefaultSection(
                    key=f"news-{slug}",
                    model="news.NewsIndexPage",
                    title=title,
                    slug=slug,
                    order=10 + order,
                )
            )
