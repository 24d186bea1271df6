from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from congxa.portal.blocks import RICH_TEXT_FEATURES, CaptionedImageBlock


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("paragraph"), features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = blocks.BlockQuoteBlock(label=_("quotation"))

    class Meta:
        label = _("body")
