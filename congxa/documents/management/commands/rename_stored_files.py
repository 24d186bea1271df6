"""Give every stored document and original image an unguessable name."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from congxa.documents.storage_names import looks_unguessable, unguessable_name
from congxa.portal.cache import bump_site_generation


class Command(BaseCommand):
    help = (
        "Đổi tên tệp đã lưu của văn bản đính kèm và ảnh gốc thành tên ngẫu nhiên "
        "(không đoán được từ số, ký hiệu văn bản). Tệp đã có tên ngẫu nhiên được "
        "giữ nguyên; chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Chỉ liệt kê các tệp sẽ được đổi tên, không đổi gì.",
        )

    def handle(self, *args, dry_run=False, **options):
        renamed = kept = failed = 0
        for model, folder in (
            (get_document_model(), "documents"),
            (get_image_model(), "original_images"),
        ):
            for obj in model.objects.order_by("pk").iterator():
                old = obj.file.name
                if not old or looks_unguessable(old):
                    kept += 1
                    continue
                if dry_run:
                    self.stdout.write(f"Sẽ đổi tên: {old}")
                    renamed += 1
                    continue
                try:
                    self._rename(obj, folder)
                except OSError as exc:
                    failed += 1
                    self.stderr.write(f"Không đổi tên được {old}: {exc}")
                    continue
                renamed += 1
        if renamed and not dry_run:
            # Pages link documents by file name: render them afresh.
            bump_site_generation(None)
        verb = "Sẽ đổi tên" if dry_run else "Đã đổi tên"
        self.stdout.write(
            f"{verb} {renamed} tệp; giữ nguyên {kept} tệp; lỗi {failed} tệp."
        )
        if failed:
            raise CommandError(f"Có {failed} tệp không đổi tên được (xem ở trên).")

    def _rename(self, obj, folder: str) -> None:
        """Copy to the new name, point the record at it, then drop the old file
        (so a failure half-way loses nothing)."""
        storage = obj.file.storage
        old = obj.file.name
        with storage.open(old, "rb") as handle:
            new = storage.save(f"{folder}/{unguessable_name(old)}", handle)
        type(obj).objects.filter(pk=obj.pk).update(file=new)
        storage.delete(old)
