"""Demo content for Xã Vĩnh Thủy: introduction, organisation, schedules, an alert.

Idempotent: pages are found by slug, records by their natural keys, so running
the demo again changes nothing (schedule entries are relative to today: a later
run adds the weeks it does not have yet).
"""

from __future__ import annotations

import io
import random
from datetime import time, timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from PIL import ImageDraw

from congxa.portal.alerts import AlertLevel, EmergencyAlert
from congxa.portal.seeding import child_page, image_titled
from congxa.vi.text import slugify

from .enums import ScheduleKind
from .factories import (
    CitizenReceptionPageFactory,
    ContactPageFactory,
    EnglishIntroductionPageFactory,
    IntroductionIndexPageFactory,
    IntroductionPageFactory,
    OfficialFactory,
    OrganisationPageFactory,
    OrganisationUnitFactory,
    ScheduleEntryFactory,
    WorkSchedulePageFactory,
)
from .models import Official, OrganisationUnit, ScheduleEntry


def _paragraphs(*texts: str) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{escape(text)}</p>") for text in texts]


def _table(caption: str, rows: list[list[str]]) -> tuple[str, dict]:
    return (
        "table",
        {
            "data": rows,
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    )


INTRODUCTION_PAGES = [
    {
        "slug": "lich-su-hinh-thanh",
        "title": "Lịch sử hình thành và phát triển",
        "lead": "Xã Vĩnh Thủy (mới) được thành lập ngày 01/7/2025 trên cơ sở sắp "
        "xếp các xã Vĩnh Lâm, Vĩnh Sơn và Vĩnh Thủy, trên vùng đất giàu truyền "
        "thống cách mạng bên bờ Bắc sông Bến Hải.",
        "body": _paragraphs(
            "Vùng đất Vĩnh Thủy có lịch sử hình thành hàng trăm năm, gắn với quá "
            "trình khai phá của cư dân Việt dọc đôi bờ sông Bến Hải. Các làng cổ "
            "như Linh Hải, Đông Luật, Bình An còn lưu giữ nhiều đình làng, nhà thờ "
            "họ và lễ hội truyền thống.",
            "Trong kháng chiến chống Mỹ, vùng đất này nằm sát vĩ tuyến 17, là "
            "tuyến đầu miền Bắc xã hội chủ nghĩa. Nhân dân vừa sản xuất vừa chiến "
            "đấu, xây dựng hệ thống địa đạo, chi viện sức người, sức của cho chiến "
            "trường miền Nam; nhiều tập thể và cá nhân được tặng danh hiệu Anh hùng "
            "Lực lượng vũ trang nhân dân.",
            "Thực hiện Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị "
            "hành chính cấp xã năm 2025, xã Vĩnh Thủy được thành lập trên cơ sở "
            "nhập toàn bộ diện tích tự nhiên và quy mô dân số của các xã Vĩnh Lâm, "
            "Vĩnh Sơn và Vĩnh Thủy. Chính quyền địa phương hai cấp chính thức vận "
            "hành từ ngày 01/7/2025.",
        ),
    },
    {
        "slug": "vi-tri-dia-ly",
        "title": "Vị trí địa lý, điều kiện tự nhiên",
        "lead": "Xã nằm ở phía Nam của vùng Vĩnh Linh cũ, phía Nam giáp sông Bến "
        "Hải, có địa hình đồng bằng xen gò đồi thấp.",
        "body": [
            *_paragraphs(
                "Xã Vĩnh Thủy có tổng diện tích tự nhiên khoảng 72 km². Phía Nam "
                "giáp sông Bến Hải; phía Bắc và phía Tây giáp các xã vùng gò đồi; "
                "phía Đông giáp vùng đồng bằng ven biển.",
                "Khí hậu nhiệt đới gió mùa, chịu ảnh hưởng của gió Tây Nam khô nóng "
                "vào mùa hè và mưa bão, lũ lụt từ tháng 9 đến tháng 12. Sông Bến Hải "
                "và hệ thống hồ đập thủy lợi cung cấp nước tưới cho phần lớn diện "
                "tích lúa của xã.",
            ),
            _table(
                "Cơ cấu sử dụng đất (số liệu làm tròn)",
                [
                    ["Loại đất", "Diện tích (ha)", "Tỷ lệ"],
                    ["Đất nông nghiệp", "5.150", "71,5%"],
                    ["Đất phi nông nghiệp", "1.420", "19,7%"],
                    ["Đất chưa sử dụng", "630", "8,8%"],
                    ["Tổng cộng", "7.200", "100%"],
                ],
            ),
        ],
    },
    {
        "slug": "dan-so-dan-cu",
        "title": "Dân số, dân cư",
        "lead": "Xã có khoảng 20.000 nhân khẩu sinh sống tại 28 thôn.",
        "body": [
            *_paragraphs(
                "Theo số liệu thống kê năm 2025, xã Vĩnh Thủy có khoảng 5.600 hộ với "
                "gần 20.000 nhân khẩu, phân bố tại 28 thôn. Dân cư chủ yếu là người "
                "Kinh, sống tập trung dọc các trục giao thông và ven sông Bến Hải.",
                "Lực lượng lao động trong độ tuổi chiếm khoảng 58% dân số; một bộ "
                "phận lao động trẻ làm việc tại các khu công nghiệp trong và ngoài "
                "tỉnh.",
            ),
            _table(
                "Dân số theo khu vực trước sắp xếp",
                [
                    ["Khu vực", "Số thôn", "Số hộ", "Nhân khẩu"],
                    ["Vĩnh Thủy (cũ)", "10", "2.050", "7.300"],
                    ["Vĩnh Lâm (cũ)", "10", "1.980", "7.050"],
                    ["Vĩnh Sơn (cũ)", "8", "1.570", "5.650"],
                    ["Toàn xã", "28", "5.600", "20.000"],
                ],
            ),
        ],
    },
    {
        "slug": "kinh-te-xa-hoi",
        "title": "Tình hình kinh tế - xã hội",
        "lead": "Nông nghiệp vẫn là thế mạnh; thương mại, dịch vụ và tiểu thủ công "
        "nghiệp đang phát triển.",
        "body": _paragraphs(
            "Cơ cấu kinh tế của xã chuyển dịch theo hướng tăng tỷ trọng thương mại, "
            "dịch vụ. Sản xuất nông nghiệp tập trung vào lúa chất lượng cao, lúa "
            "hữu cơ, cao su, hồ tiêu và chăn nuôi gia trại; nhiều sản phẩm đạt "
            "chứng nhận OCOP.",
            "Hạ tầng giao thông, thủy lợi, trường học và trạm y tế được đầu tư đồng "
            "bộ. Tỷ lệ hộ nghèo giảm qua từng năm; 100% thôn có nhà văn hóa; các "
            "chương trình xây dựng nông thôn mới nâng cao tiếp tục được triển khai.",
            "Quốc phòng, an ninh được giữ vững; công tác chuyển đổi số, cải cách "
            "hành chính được đẩy mạnh, người dân được hướng dẫn nộp hồ sơ trực "
            "tuyến tại Trung tâm Phục vụ hành chính công xã.",
        ),
    },
]

UNITS = [
    # (key, name, parent key, functions, phone)
    (
        "dang-uy",
        "Đảng ủy xã",
        None,
        "Lãnh đạo toàn diện hệ thống chính trị và mọi mặt đời sống của xã.",
        "0233 3826 101",
    ),
    (
        "hdnd",
        "Hội đồng nhân dân xã",
        None,
        "Cơ quan quyền lực nhà nước ở địa phương, quyết định các vấn đề quan trọng "
        "và giám sát hoạt động của Ủy ban nhân dân xã.",
        "0233 3826 102",
    ),
    (
        "ubnd",
        "Ủy ban nhân dân xã",
        None,
        "Cơ quan hành chính nhà nước ở địa phương, tổ chức thi hành Hiến pháp, "
        "pháp luật và nghị quyết của Hội đồng nhân dân xã.",
        "0233 3826 123",
    ),
    (
        "van-phong",
        "Văn phòng HĐND và UBND xã",
        "ubnd",
        "Tham mưu tổng hợp, điều phối hoạt động; tiếp nhận, cung cấp thông tin "
        "theo yêu cầu của công dân.",
        "0233 3826 124",
    ),
    (
        "kinh-te",
        "Phòng Kinh tế",
        "ubnd",
        "Tham mưu về nông nghiệp, tài nguyên, môi trường, xây dựng, giao thông, "
        "công thương và tài chính, kế hoạch.",
        "0233 3826 125",
    ),
    (
        "van-hoa-xa-hoi",
        "Phòng Văn hóa - Xã hội",
        "ubnd",
        "Tham mưu về văn hóa, thông tin, giáo dục, y tế, lao động, người có công "
        "và bảo trợ xã hội.",
        "0233 3826 126",
    ),
    (
        "hanh-chinh-cong",
        "Trung tâm Phục vụ hành chính công",
        "ubnd",
        "Tiếp nhận, giải quyết và trả kết quả thủ tục hành chính; hướng dẫn nộp "
        "hồ sơ trực tuyến.",
        "0233 3826 127",
    ),
    (
        "cong-an",
        "Công an xã",
        None,
        "Bảo đảm an ninh, trật tự, an toàn xã hội; quản lý cư trú, căn cước.",
        "0233 3826 113",
    ),
    (
        "quan-su",
        "Ban Chỉ huy Quân sự xã",
        None,
        "Tham mưu công tác quốc phòng, quân sự địa phương, tuyển quân và phòng "
        "chống thiên tai, tìm kiếm cứu nạn.",
        "0233 3826 114",
    ),
]

OFFICIALS = [
    # (name, position, position in English, unit key, leader, information contact)
    (
        "Trần Văn Minh",
        "Bí thư Đảng ủy xã",
        "Secretary of the Commune Party Committee",
        "dang-uy",
        True,
        False,
    ),
    (
        "Lê Thanh Hải",
        "Phó Bí thư Thường trực Đảng ủy",
        "Standing Deputy Secretary of the Commune Party Committee",
        "dang-uy",
        True,
        False,
    ),
    (
        "Hoàng Văn Dũng",
        "Phó Bí thư Đảng ủy, Chủ tịch HĐND xã",
        "Deputy Party Secretary, Chairman of the People's Council",
        "hdnd",
        True,
        False,
    ),
    (
        "Nguyễn Đức Thắng",
        "Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
        "Deputy Party Secretary, Chairman of the People's Committee",
        "ubnd",
        True,
        False,
    ),
    (
        "Phan Thị Lan",
        "Phó Chủ tịch HĐND xã",
        "Vice Chairwoman of the People's Council",
        "hdnd",
        False,
        False,
    ),
    (
        "Võ Văn Tùng",
        "Phó Chủ tịch UBND xã",
        "Vice Chairman of the People's Committee (economy)",
        "ubnd",
        True,
        False,
    ),
    (
        "Lê Thị Hồng Nhung",
        "Phó Chủ tịch UBND xã",
        "Vice Chairwoman of the People's Committee (culture and society)",
        "ubnd",
        True,
        False,
    ),
    (
        "Nguyễn Thị Thu Hà",
        "Chánh Văn phòng HĐND và UBND xã",
        "Chief of the Office of the People's Council and People's Committee",
        "van-phong",
        False,
        True,
    ),
    (
        "Trần Quốc Bảo",
        "Trưởng phòng Kinh tế",
        "Head of the Economic Division",
        "kinh-te",
        False,
        False,
    ),
    (
        "Nguyễn Văn Thành",
        "Công chức Địa chính - Xây dựng, phụ trách đất đai",
        "Land Administration and Construction Officer",
        "kinh-te",
        False,
        False,
    ),
    (
        "Đặng Thị Mai",
        "Trưởng phòng Văn hóa - Xã hội",
        "Head of the Culture and Social Affairs Division",
        "van-hoa-xa-hoi",
        False,
        False,
    ),
    (
        "Hồ Văn Lực",
        "Giám đốc Trung tâm Phục vụ hành chính công",
        "Director of the Public Administration Service Centre",
        "hanh-chinh-cong",
        False,
        False,
    ),
    (
        "Ngô Văn Sơn",
        "Thiếu tá, Trưởng Công an xã",
        "Major, Chief of the Commune Police",
        "cong-an",
        False,
        False,
    ),
    (
        "Nguyễn Hữu Phước",
        "Chỉ huy trưởng Ban Chỉ huy Quân sự xã",
        "Commander of the Commune Military Command",
        "quan-su",
        False,
        False,
    ),
]

# (weekday 0-6, start, end, content, chair, participants, location)
WEEK_PLAN = [
    (
        0,
        time(7, 30),
        time(9, 0),
        "Giao ban Thường trực Đảng ủy, HĐND, UBND xã đầu tuần",
        "Đ/c Trần Văn Minh - Bí thư Đảng ủy",
        "Thường trực Đảng ủy, HĐND, UBND; Chánh Văn phòng",
        "Phòng họp Đảng ủy",
    ),
    (
        0,
        time(14, 0),
        time(16, 30),
        "Kiểm tra tiến độ xây dựng đường giao thông nông thôn thôn Linh Hải",
        "Đ/c Võ Văn Tùng - Phó Chủ tịch UBND xã",
        "Phòng Kinh tế; Ban Quản lý dự án; Trưởng thôn Linh Hải",
        "Thôn Linh Hải",
    ),
    (
        1,
        time(8, 0),
        time(11, 0),
        "Họp Ban Chỉ huy Phòng thủ dân sự xã triển khai phương án ứng phó mưa lũ",
        "Đ/c Nguyễn Đức Thắng - Chủ tịch UBND xã",
        "Thành viên Ban Chỉ huy; Công an xã; Ban Chỉ huy Quân sự xã",
        "Hội trường UBND xã",
    ),
    (
        2,
        time(7, 30),
        None,
        "Dự hội nghị trực tuyến của tỉnh về chuyển đổi số",
        "Đ/c Lê Thanh Hải - Phó Bí thư Thường trực Đảng ủy",
        "Văn phòng HĐND và UBND; Trung tâm Phục vụ hành chính công",
        "Điểm cầu UBND xã",
    ),
    (
        2,
        time(14, 0),
        time(17, 0),
        "Làm việc với Trường Tiểu học Vĩnh Thủy về công tác dạy và học",
        "Đ/c Lê Thị Hồng Nhung - Phó Chủ tịch UBND xã",
        "Phòng Văn hóa - Xã hội",
        "Trường Tiểu học Vĩnh Thủy",
    ),
    (
        3,
        time(8, 0),
        time(11, 30),
        "Họp Thường trực HĐND xã chuẩn bị kỳ họp cuối năm",
        "Đ/c Hoàng Văn Dũng - Chủ tịch HĐND xã",
        "Thường trực HĐND; Trưởng, Phó các Ban HĐND",
        "Phòng họp HĐND xã",
    ),
    (
        4,
        time(8, 0),
        time(10, 0),
        "Kiểm tra công tác tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công",
        "Đ/c Nguyễn Đức Thắng - Chủ tịch UBND xã",
        "Văn phòng HĐND và UBND; Trung tâm Phục vụ hành chính công",
        "Trung tâm Phục vụ hành chính công xã",
    ),
    (
        4,
        time(14, 0),
        time(16, 0),
        "Họp UBND xã đánh giá kết quả công tác tuần",
        "Đ/c Nguyễn Đức Thắng - Chủ tịch UBND xã",
        "Thành viên UBND xã",
        "Phòng họp UBND xã",
    ),
]

RECEPTION_WEEKDAY = 3  # Thursday
RECEPTION_INTRO = (
    "<p>Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ vào <b>ngày thứ Năm "
    "hằng tuần</b> và ngày 15 hằng tháng tại Phòng tiếp công dân, Trụ sở Ủy ban "
    "nhân dân xã (thôn Linh Hải); Bí thư Đảng ủy xã tiếp công dân định kỳ ít nhất "
    "một ngày trong tháng.</p>"
    "<p>Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh mang theo "
    "căn cước và các giấy tờ, tài liệu liên quan. Trường hợp lịch thay đổi, Ủy ban "
    "nhân dân xã thông báo trên Cổng thông tin điện tử và loa truyền thanh.</p>"
)

ENGLISH_BODY = _paragraphs(
    "Vinh Thuy Commune (Quang Tri Province) was established on 1 July 2025 by "
    "merging the former communes of Vinh Lam, Vinh Son and Vinh Thuy. It lies on "
    "the northern bank of the Ben Hai River and has about 20,000 inhabitants in "
    "28 villages.",
    "The People's Council of the commune is the local organ of state power; it "
    "decides local socio-economic plans and the budget, and supervises the "
    "People's Committee. The People's Committee is the local state administrative "
    "body: it implements laws and the People's Council's resolutions, manages "
    "land, the economy, culture, education, health, security and defence, and "
    "handles administrative procedures for citizens and businesses at the Public "
    "Administration Service Centre.",
    "Citizens and organisations may request information from the commune at the "
    "Office of the People's Council and People's Committee during working hours "
    "(Monday to Friday, 7:00-11:30 and 13:30-17:00).",
)


def generated_portrait(*, seed: int, label: str = "") -> ImageFile:
    """A plain head-and-shoulders silhouette: demo officials need no real photo."""
    rng = random.Random(seed)  # noqa: S311 (pictures, not secrets)
    width, height = 480, 600
    background = (rng.randint(170, 210), rng.randint(190, 220), rng.randint(215, 240))
    image = PILImage.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    jacket = rng.choice([(40, 52, 84), (60, 60, 60), (30, 70, 60), (90, 40, 40)])
    skin = (rng.randint(205, 235), rng.randint(165, 195), rng.randint(130, 160))
    draw.ellipse([60, 380, 420, 760], fill=jacket)
    draw.polygon([(200, 390), (240, 470), (280, 390)], fill=(245, 245, 245))
    draw.rectangle([215, 300, 265, 400], fill=skin)
    draw.ellipse([160, 130, 320, 330], fill=skin)
    draw.chord([150, 110, 330, 260], 180, 360, fill=(35, 30, 28))
    if label:
        draw.rectangle([0, height - 44, width, height], fill=(0, 0, 0))
        draw.text((16, height - 32), label, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return ImageFile(buffer, name=f"chan-dung-{seed}.jpg")


def _portrait(name: str, seed: int):
    return image_titled(f"Ảnh chân dung {name}", lambda: generated_portrait(seed=seed))


def _child(parent, factory, slug: str, **fields):
    """The child page with this slug, created and published when missing; a
    section the commune service made gets the demo's text."""
    model = factory._meta.model
    return child_page(parent, model, slug, build=factory.build, **fields)


def seed_pages(home_page) -> dict:
    index = _child(
        home_page,
        IntroductionIndexPageFactory,
        "gioi-thieu",
        title="Giới thiệu",
        show_in_menus=True,
        intro="<p>Thông tin khái quát về xã Vĩnh Thủy, tỉnh Quảng Trị: lịch sử, "
        "điều kiện tự nhiên, dân cư, kinh tế - xã hội và tổ chức bộ máy.</p>",
    )
    for data in INTRODUCTION_PAGES:
        _child(
            index,
            IntroductionPageFactory,
            data["slug"],
            title=data["title"],
            lead=data["lead"],
            body=data["body"],
        )
    _child(
        index,
        OrganisationPageFactory,
        "co-cau-to-chuc",
        title="Cơ cấu tổ chức",
        intro="<p>Lãnh đạo xã, các cơ quan, đơn vị và thông tin liên hệ.</p>",
    )
    _child(
        index,
        ContactPageFactory,
        "lien-he",
        title="Liên hệ",
        intro="<p>Giờ làm việc: Thứ Hai đến Thứ Sáu, sáng 7 giờ - 11 giờ 30, "
        "chiều 13 giờ 30 - 17 giờ.</p>",
    )
    _child(
        index,
        EnglishIntroductionPageFactory,
        "english",
        title="Vinh Thuy Commune: functions and contacts",
        body=ENGLISH_BODY,
    )
    schedule = _child(
        home_page,
        WorkSchedulePageFactory,
        "lich-cong-tac",
        title="Lịch công tác",
        show_in_menus=True,
        intro="<p>Lịch công tác tuần của Thường trực Đảng ủy, HĐND, UBND xã. Lịch "
        "có thể thay đổi; xin xem bản cập nhật mới nhất.</p>",
    )
    _child(
        schedule,
        CitizenReceptionPageFactory,
        "lich-tiep-cong-dan",
        title="Lịch tiếp công dân",
        intro=RECEPTION_INTRO,
    )
    return {"index": index, "schedule": schedule}


def seed_organisation(site) -> int:
    created = 0
    units = {}
    for order, (key, name, parent_key, functions, phone) in enumerate(UNITS):
        unit = OrganisationUnit.objects.for_site(site).filter(name=name).first()
        if unit is None:
            unit = OrganisationUnitFactory(
                site=site,
                name=name,
                parent=units.get(parent_key),
                functions=functions,
                phone=phone,
                email=f"{key.replace('-', '')}.vinhthuy@quangtri.gov.vn",
                address="Thôn Linh Hải, xã Vĩnh Thủy, tỉnh Quảng Trị",
                sort_order=order * 10,
            )
            created += 1
        units[key] = unit
    for order, (name, position, position_en, unit_key, leader, contact) in enumerate(
        OFFICIALS
    ):
        if Official.objects.for_site(site).filter(name=name).exists():
            continue
        OfficialFactory(
            site=site,
            name=name,
            position=position,
            position_en=position_en,
            unit=units[unit_key],
            phone=f"0913 4{order:02d} {300 + order * 7}",
            email=f"{_mailbox(name)}@quangtri.gov.vn",
            photo=_portrait(name, seed=order + 1) if leader else None,
            is_leader=leader,
            is_information_contact=contact,
            sort_order=order * 10,
        )
        created += 1
    return created


def _mailbox(name: str) -> str:
    """`nguyen.thi.thu.ha` for “Nguyễn Thị Thu Hà”: a demo mailbox name."""
    return slugify(name).replace("-", ".")


def seed_schedule(site, today=None) -> int:
    """This week's and next week's work schedule, and reception sessions."""
    today = today or timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    created = 0
    for week in (0, 1):
        for weekday, start, end, content, chair, participants, location in WEEK_PLAN:
            day = monday + timedelta(days=7 * week + weekday)
            created += _entry(
                site,
                kind=ScheduleKind.WORK,
                date=day,
                start_time=start,
                end_time=end,
                content=content,
                chair=chair,
                participants=participants,
                location=location,
            )
    for week in (-1, 0, 1, 2):
        day = monday + timedelta(days=7 * week + RECEPTION_WEEKDAY)
        created += _entry(
            site,
            kind=ScheduleKind.CITIZEN_RECEPTION,
            date=day,
            start_time=time(7, 30),
            end_time=time(11, 0),
            content="Tiếp công dân định kỳ",
            chair="Đ/c Nguyễn Đức Thắng - Chủ tịch UBND xã",
            participants="Văn phòng HĐND và UBND; công chức Tư pháp - Hộ tịch; "
            "Công an xã",
            location="Phòng tiếp công dân, Trụ sở UBND xã",
        )
    return created


def _entry(site, **fields) -> int:
    key = {k: fields[k] for k in ("kind", "date", "start_time", "content")}
    if ScheduleEntry.objects.for_site(site).filter(**key).exists():
        return 0
    ScheduleEntryFactory(site=site, **fields)
    return 1


def seed_alert(site) -> int:
    """A flood warning that has ended: the demo home stays calm."""
    title = "Cảnh báo lũ trên sông Bến Hải"
    if EmergencyAlert.objects.for_site(site).filter(title=title).exists():
        return 0
    now = timezone.now()
    EmergencyAlert.objects.create(
        site=site,
        title=title,
        message="Mực nước sông Bến Hải vượt báo động 2. Bà con vùng trũng chủ "
        "động di dời người, tài sản; không qua lại các ngầm tràn.",
        level=AlertLevel.DANGER,
        starts_at=now - timedelta(days=5),
        ends_at=now - timedelta(days=3),
    )
    return 1


def seed(*, home_page, site) -> dict[str, int]:
    pages = seed_pages(home_page)
    return {
        "pages": len(pages),
        "people": seed_organisation(site),
        "schedule": seed_schedule(site),
        "alerts": seed_alert(site),
    }
