"""The Wagtail document upload form, with its content checked.

Installed through WAGTAILDOCS_DOCUMENT_FORM_BASE, so every upload in the admin
(documents library, multiple upload, the chooser's upload tab) goes through it.
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from .storage_names import unguessable_name
from .validators import validate_document_upload


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        # On edit without a new upload the stored file comes back: already checked.
        if isinstance(file, UploadedFile):
            validate_document_upload(file)
            # Stored (and addressed) under a random name: the document number
            # in a file name lets anyone guess a withdrawn file's address.
            file.name = unguessable_name(file.name)
        return file
