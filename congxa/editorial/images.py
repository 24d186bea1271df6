"""Image uploads checked by content, on top of what Wagtail checks.

Wagtail's image field already refuses a file Willow cannot open as an image, an
extension outside WAGTAILIMAGES_EXTENSIONS (no SVG here), a file over
WAGTAILIMAGES_MAX_UPLOAD_SIZE and an image over WAGTAILIMAGES_MAX_IMAGE_PIXELS
(read from the header, so a decompression bomb is refused before decoding).
Added here: the whole file must decode with Pillow, must not carry markup (an
image header glued to HTML or script, a polyglot), and is stored under a random
name with the extension of its real format.
"""

from __future__ import annotations

import re
import uuid

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.forms import BaseImageForm

MARKUP = re.compile(
    rb"<\s*(script|html|body|svg|iframe|object|embed|!doctype|\?php)|javascript:",
    re.IGNORECASE,
)
EXTENSIONS = {
    "jpeg": "jpg",
    "png": "png",
    "gif": "gif",
    "webp": "webp",
    "avif": "avif",
}


def image_content_errors(file) -> list[str]:
    """Reasons (in Vietnamese) an uploaded image file is refused; empty when fine."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    if MARKUP.search(data):
        return [
            "Tệp ảnh có chứa mã HTML hoặc mã lệnh nên không được nhận. "
            "Hãy lưu lại ảnh bằng một phần mềm xem ảnh rồi tải lên lại."
        ]
    try:
        with PILImage.open(file) as picture:
            picture.verify()
        file.seek(0)
        with PILImage.open(file) as picture:
            picture.load()
    except PILImage.DecompressionBombError:
        return ["Ảnh quá lớn (số điểm ảnh vượt mức cho phép)."]
    except Exception:  # noqa: BLE001 (any decoding failure means a bad file)
        return ["Tệp ảnh bị hỏng hoặc không phải là ảnh thật."]
    finally:
        file.seek(0)
    return []


class ImageForm(BaseImageForm):
    """The base of every Wagtail image form (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file is None or not hasattr(file, "image"):
            # Unchanged on edit, or already refused by Wagtail's own checks.
            return file
        errors = image_content_errors(file)
        if errors:
            raise ValidationError(errors)
        extension = EXTENSIONS.get(file.image.format_name, file.image.format_name)
        file.name = f"{uuid.uuid4().hex}.{extension}"
        return file
