from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from congxa.accounts.services import two_factor_reset


class Command(BaseCommand):
    help = (
        "Xóa ứng dụng xác thực và mã dự phòng của một tài khoản (mất điện thoại); "
        "lần đăng nhập sau người dùng thiết lập lại xác thực hai bước."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--by", help="Người thực hiện (ghi vào nhật ký).")

    def handle(self, *args, username, by=None, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”.")
        actor = User.objects.filter(**{User.USERNAME_FIELD: by}).first() if by else None
        two_factor_reset(user=user, actor=actor)
        self.stdout.write(f"Đã xóa xác thực hai bước của “{username}”.")
