from axes.utils import reset
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from congxa.accounts import audit


class Command(BaseCommand):
    help = (
        "Mở khóa đăng nhập của một tài khoản (và/hoặc một địa chỉ IP) bị khóa do "
        "đăng nhập sai nhiều lần; việc mở khóa được ghi vào nhật ký."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="Tên đăng nhập cần mở khóa.")
        parser.add_argument("--address", help="Địa chỉ IP cần mở khóa.")
        parser.add_argument(
            "--by", help="Tên đăng nhập của người mở khóa (ghi vào nhật ký)."
        )

    def handle(self, *args, username=None, address=None, by=None, **options):
        if not username and not address:
            raise CommandError("Cần tên đăng nhập hoặc --address.")
        User = get_user_model()
        user = None
        if username:
            user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
            if user is None:
                raise CommandError(f"Không có tài khoản “{username}”.")
        actor = None
        if by:
            actor = User.objects.filter(**{User.USERNAME_FIELD: by}).first()
            if actor is None:
                raise CommandError(f"Không có tài khoản “{by}”.")
        removed = 0
        if username:
            removed += reset(username=username)
        if address:
            removed += reset(ip=address)
        if user is not None:
            audit.account_event_log(
                user=user,
                action=audit.UNLOCKED,
                actor=actor,
                unlocked_address=address or "",
            )
        self.stdout.write(f"Đã mở khóa: {removed} bản ghi đăng nhập sai đã được xóa.")
