from django.core.management import call_command
from django.core.management.base import BaseCommand

from congxa.demo.services import ensure_admin


class Command(BaseCommand):
    help = "Migrate, load the demo commune, create an administrator and serve it."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=None)
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare the demo, do not serve."
        )

    def handle(self, *args, port, workers, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Đã cập nhật cơ sở dữ liệu.")
        call_command("seed_demo", stdout=self.stdout)
        password = ensure_admin()
        if password:
            self.stdout.write(
                "Đã tạo tài khoản quản trị (chỉ hiện mật khẩu lần này, hãy ghi lại):\n"
                f"  địa chỉ:   http://127.0.0.1:{port}/admin/\n"
                f"  tài khoản: admin\n"
                f"  mật khẩu:  {password}"
            )
        else:
            self.stdout.write("Tài khoản quản trị 'admin' đã có từ trước.")
        if not no_serve:
            call_command("serve", port=port, workers=workers)
