from django.core.management.base import BaseCommand

from congxa.search.services import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of every commune from the live content."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be indexed without writing.",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        def progress(label: str, count: int) -> None:
            if verbosity > 1:
                self.stdout.write(f"  {label}: {count}")

        counts = index_rebuild(progress=progress, dry_run=dry_run)
        total = sum(counts.values())
        details = ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items()))
        prefix = "Chạy thử: " if dry_run else ""
        self.stdout.write(
            f"{prefix}Đã lập chỉ mục tìm kiếm cho {total} mục"
            + (f" ({details})." if details else ".")
        )
