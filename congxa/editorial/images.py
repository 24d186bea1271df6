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
from wagtail.images.fields import WagtailImageField
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


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, with decoding failures turned into form errors.

    Wagtail reads the size of the image through Pillow to check the pixel limit;
    a truncated file (OSError) or an image far over Pillow's own limit
    (DecompressionBombError) escapes as an exception: a 500 page instead of a
    message. Wagtail's own messages are kept for everything else.
    """

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except PILImage.DecompressionBombError as exc:
            raise ValidationError(
                "Ảnh quá lớn (số điểm ảnh vượt mức cho phép).", code="too_large"
            ) from exc
        except Exception as exc:  # noqa: BLE001 (any decoding failure)
            raise ValidationError(
                "Tệp ảnh bị hỏng hoặc không phải là ảnh thật.", code="invalid_image"
            ) from exc


class ImageForm(BaseImageForm):
    """The base of every Wagtail image form (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField):
            # Same field, same arguments, one method more careful: swapping the
            # class keeps whatever Wagtail configured on the instance.
            field.__class__ = CheckedImageField

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
