from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from congxa.portal.blocks import RICH_TEXT_FEATURES, CaptionedImageBlock


class IntroductionBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("paragraph"), features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    table = TableBlock(
        label=_("table"),
        table_options={"startRows": 3, "startCols": 3, "renderer": "text"},
        template="people/blocks/table.html",
    )

    class Meta:
        label = _("body")
