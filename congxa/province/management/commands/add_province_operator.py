from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from congxa.editorial.services import account_create
from congxa.province.services import operator_add


class Command(BaseCommand):
    help = (
        "Giao vai trò Quản trị cấp tỉnh cho một tài khoản: xem mọi xã, thêm xã và "
        "quản trị viên đầu tiên, mở khóa tài khoản, đặt lại đăng nhập hai bước; "
        "không sửa nội dung của xã. --create tạo tài khoản mới."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--create", action="store_true", help="Tạo tài khoản.")
        parser.add_argument("--name", default="", help="Họ và tên (khi tạo).")
        parser.add_argument("--email", default="", help="Thư điện tử (khi tạo).")

    def handle(self, *args, username, create, name, email, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = None
        if user is None:
            if not create:
                raise CommandError(
                    f"Không có tài khoản “{username}”: kiểm tra lại tên đăng nhập, "
                    "hoặc thêm --create để tạo tài khoản mới."
                )
            user, password = account_create(
                username=username, email=email, full_name=name
            )
        group = operator_add(user=user)
        self.stdout.write(f"Đã thêm “{username}” vào nhóm “{group.name}”.")
        if password:
            self.stdout.write(f"Mật khẩu tạm (chỉ hiện một lần): {password}")
