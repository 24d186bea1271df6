"""The managed lists start filled: the document types of Decree 30/2020/NĐ-CP
and the fields a commune's documents usually fall under. Editors may add more."""

from django.db import migrations

TYPES = [
    ("Quyết định", "quyet-dinh"),
    ("Nghị quyết", "nghi-quyet"),
    ("Chỉ thị", "chi-thi"),
    ("Kế hoạch", "ke-hoach"),
    ("Chương trình", "chuong-trinh"),
    ("Thông báo", "thong-bao"),
    ("Báo cáo", "bao-cao"),
    ("Công văn", "cong-van"),
    ("Hướng dẫn", "huong-dan"),
    ("Quy chế", "quy-che"),
    ("Tờ trình", "to-trinh"),
    ("Dự thảo", "du-thao"),
]
FIELDS = [
    ("Đất đai", "dat-dai"),
    ("Tài chính - Ngân sách", "tai-chinh-ngan-sach"),
    ("Xây dựng - Giao thông", "xay-dung-giao-thong"),
    ("Nông nghiệp - Nông thôn mới", "nong-nghiep-nong-thon-moi"),
    ("Tài nguyên - Môi trường", "tai-nguyen-moi-truong"),
    ("Văn hóa - Xã hội", "van-hoa-xa-hoi"),
    ("Giáo dục - Y tế", "giao-duc-y-te"),
    ("Tư pháp - Hộ tịch", "tu-phap-ho-tich"),
    ("Quốc phòng - An ninh", "quoc-phong-an-ninh"),
    ("Nội vụ - Tổ chức", "noi-vu-to-chuc"),
    ("Phòng chống thiên tai", "phong-chong-thien-tai"),
]


def create_lists(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    DocumentField = apps.get_model("documents", "DocumentField")
    for order, (name, slug) in enumerate(TYPES):
        DocumentType.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order * 10}
        )
    for order, (name, slug) in enumerate(FIELDS):
        DocumentField.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": order * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(create_lists, migrations.RunPython.noop)]
