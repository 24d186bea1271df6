from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from congxa.editorial.enums import Role
from congxa.editorial.models import EditorialBoard
from congxa.editorial.services import account_create, editor_add, editor_remove

from ._sites import site_by_host

ROLE_NAMES = {
    "writer": Role.WRITER,
    "editor": Role.EDITOR,
    "approver": Role.APPROVER,
    "admin": Role.ADMIN,
}


class Command(BaseCommand):
    help = (
        "Thêm một người vào ban biên tập của một xã với vai trò writer (phóng "
        "viên), editor (biên tập viên), approver (trưởng ban biên tập) hoặc admin "
        "(quản trị xã). --create tạo tài khoản mới và in mật khẩu tạm một lần."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--site", required=True, help="Tên miền của xã.")
        parser.add_argument("--role", required=True, choices=sorted(ROLE_NAMES))
        parser.add_argument("--create", action="store_true", help="Tạo tài khoản.")
        parser.add_argument("--email", default="", help="Thư điện tử (khi tạo).")
        parser.add_argument("--name", default="", help="Họ và tên (khi tạo).")
        parser.add_argument(
            "--remove", action="store_true", help="Bỏ vai trò thay vì thêm."
        )

    def handle(self, *args, username, site, role, create, email, name, remove, **kw):
        commune = site_by_host(site)
        if not EditorialBoard.objects.filter(site=commune).exists():
            raise CommandError(
                f"Xã {commune.hostname} chưa có ban biên tập: chạy "
                f"`congxa setup-commune-roles --site {commune.hostname}` trước."
            )
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = None
        if user is not None and create:
            raise CommandError(
                f"Tài khoản “{username}” đã có; bỏ --create để thêm tài khoản này."
            )
        if user is None:
            if not create or remove:
                raise CommandError(
                    f"Không có tài khoản “{username}”: kiểm tra lại tên đăng nhập, "
                    "hoặc thêm --create để tạo tài khoản mới."
                )
            user, password = account_create(
                username=username, email=email, full_name=name
            )
        if remove:
            group = editor_remove(user=user, site=commune, role=ROLE_NAMES[role])
            self.stdout.write(f"Đã bỏ “{username}” khỏi nhóm “{group.name}”.")
            return
        group = editor_add(user=user, site=commune, role=ROLE_NAMES[role])
        self.stdout.write(f"Đã thêm “{username}” vào nhóm “{group.name}”.")
        if password:
            self.stdout.write(
                f"Tài khoản mới, mật khẩu tạm (chỉ hiện một lần): {password}\n"
                "Lần đăng nhập đầu, người dùng thiết lập xác thực hai bước."
            )
