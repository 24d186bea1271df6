"""Factories for news sections and articles, shared by the tests and the demo."""

import factory
import wagtail_factories
from django.utils import timezone

from .models import ArticlePage, NewsIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tin bài số {n}")
    slug = factory.Sequence(lambda n: f"tin-bai-{n}")
    date = factory.LazyFunction(timezone.now)
    lead = "Ủy ban nhân dân xã thông tin đến bà con nhân dân."
    signature = "BBT"

    class Meta:
        model = ArticlePage
