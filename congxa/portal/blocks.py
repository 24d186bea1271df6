"""StreamField blocks shared by the content apps."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# What an editor may use inside a paragraph, everywhere.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr"]


class CaptionedImageBlock(blocks.StructBlock):
    """A picture with its caption, in responsive sizes and modern formats."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("image with caption")
        template = "portal/blocks/captioned_image.html"
