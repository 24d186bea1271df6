import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from congxa.province.services import operator_add
from congxa.vi.names import name_parts


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
            password = secrets.token_urlsafe(12)
            first_name, last_name = name_parts(name)
            user = User.objects.create_user(
                username=username,
                email=email,
                password=password,
                first_name=first_name,
                last_name=last_name,
            )
        group = operator_add(user=user)
        self.stdout.write(f"Đã thêm “{username}” vào nhóm “{group.name}”.")
        if password:
            self.stdout.write(f"Mật khẩu tạm (chỉ hiện một lần): {password}")
