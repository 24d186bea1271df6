"""Demo content: the Q&A page, the feedback page and realistic questions.

Idempotent: pages and questions are found by slug and title before being made.
The contacts are fake (`@example.com`, `09xx` numbers) and must never show publicly.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from congxa.portal.seeding import child_page

from .enums import AnswerStatus, QuestionKind, QuestionState
from .models import FeedbackPage, Question, QuestionIndexPage, Topic
from .services import initials
from .tracking import new_tracking_code

TOPICS = [
    ("ho-tich", "Hộ tịch"),
    ("dat-dai", "Đất đai"),
    ("chinh-sach-xa-hoi", "Chính sách xã hội"),
    ("xay-dung", "Xây dựng"),
    ("giao-duc", "Giáo dục"),
    ("y-te", "Y tế"),
    ("nong-nghiep", "Nông nghiệp"),
    ("khac", "Lĩnh vực khác"),
]

# (topic, title, question, answer, asker, phone, email, days ago)
PUBLISHED = [
    (
        "ho-tich",
        "Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn",
        "Vợ chồng tôi chưa đăng ký kết hôn, nay sinh cháu đầu lòng. Xin hỏi tôi có "
        "làm được giấy khai sinh cho cháu không và cần giấy tờ gì?",
        "Theo Luật Hộ tịch, trẻ em sinh ra khi cha mẹ chưa đăng ký kết hôn vẫn được "
        "đăng ký khai sinh. Người đi đăng ký nộp tờ khai theo mẫu và giấy chứng sinh. "
        "Nếu cha muốn nhận con, hai bên làm thủ tục đăng ký khai sinh kết hợp nhận "
        "cha, con tại bộ phận một cửa của UBND xã. Thời hạn giải quyết trong ngày.",
        "Nguyễn Văn Hùng",
        "0912000101",
        "",
        40,
    ),
    (
        "ho-tich",
        "Trích lục khai sinh bản sao cấp lại ở đâu?",
        "Tôi sinh ra tại xã nhưng nay làm việc ở tỉnh khác, cần bản sao trích lục "
        "khai sinh. Tôi có phải về xã không?",
        "Ông/bà có thể nộp yêu cầu cấp bản sao trích lục khai sinh trực tuyến trên "
        "Cổng Dịch vụ công quốc gia hoặc tại bất kỳ cơ quan đăng ký hộ tịch nào có "
        "kết nối cơ sở dữ liệu hộ tịch điện tử; không bắt buộc về xã.",
        "Trần Thị Mai",
        "",
        "mai.tran@example.com",
        35,
    ),
    (
        "dat-dai",
        "Thủ tục tách thửa đất ở nông thôn",
        "Gia đình tôi có thửa đất 400 m2, muốn tách cho con 150 m2. Diện tích tối "
        "thiểu được tách là bao nhiêu?",
        "Diện tích tối thiểu được tách thửa thực hiện theo quyết định của UBND tỉnh. "
        "Đối với đất ở tại nông thôn trên địa bàn xã, diện tích tối thiểu sau khi "
        "tách là 100 m2 và cạnh mặt tiền không nhỏ hơn 5 m. Ông/bà liên hệ bộ phận "
        "một cửa xã để được hướng dẫn hồ sơ.",
        "Lê Văn Bình",
        "0987000102",
        "",
        30,
    ),
    (
        "dat-dai",
        "Cấp đổi giấy chứng nhận quyền sử dụng đất bị rách",
        "Sổ đỏ nhà tôi bị ố và rách một góc, có được cấp đổi không?",
        "Giấy chứng nhận bị ố, nhòe, rách, hư hỏng được cấp đổi. Hồ sơ gồm đơn đề "
        "nghị và bản gốc giấy chứng nhận, nộp tại bộ phận một cửa của xã hoặc Chi "
        "nhánh Văn phòng đăng ký đất đai.",
        "Phạm Thị Lan",
        "0905000103",
        "lan.pham@example.com",
        28,
    ),
    (
        "chinh-sach-xa-hoi",
        "Trợ cấp cho người cao tuổi từ 75 tuổi",
        "Mẹ tôi năm nay tròn 75 tuổi, không có lương hưu. Mẹ tôi có được hưởng trợ "
        "cấp xã hội hằng tháng không?",
        "Người từ đủ 75 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội "
        "hằng tháng được hưởng trợ cấp hưu trí xã hội. Gia đình nộp tờ khai tại UBND "
        "xã; công chức văn hóa - xã hội sẽ hướng dẫn.",
        "Hoàng Văn Tư",
        "0978000104",
        "",
        25,
    ),
    (
        "chinh-sach-xa-hoi",
        "Hỗ trợ học phí cho con hộ cận nghèo",
        "Nhà tôi thuộc hộ cận nghèo, con đang học lớp 8. Cháu có được miễn giảm học "
        "phí không?",
        "Học sinh thuộc hộ cận nghèo được giảm 50% học phí theo quy định. Phụ huynh "
        "nộp đơn và giấy xác nhận hộ cận nghèo cho nhà trường.",
        "Võ Thị Hạnh",
        "",
        "hanh.vo@example.com",
        20,
    ),
    (
        "xay-dung",
        "Sửa chữa nhà ở có cần xin giấy phép?",
        "Tôi muốn lợp lại mái tôn và lát lại nền nhà, có phải xin giấy phép xây "
        "dựng không?",
        "Sửa chữa, cải tạo bên trong công trình hoặc thay mái không làm thay đổi "
        "kết cấu chịu lực, công năng và kiến trúc mặt ngoài thì được miễn giấy phép "
        "xây dựng. Ông/bà nên thông báo cho UBND xã trước khi thi công.",
        "Đặng Văn Long",
        "0911000105",
        "",
        18,
    ),
    (
        "giao-duc",
        "Tuyển sinh lớp 1 năm học mới",
        "Cháu nhà tôi sinh năm 2020, khi nào nhà trường nhận hồ sơ vào lớp 1?",
        "Trường Tiểu học Vĩnh Thủy nhận hồ sơ tuyển sinh lớp 1 từ ngày 1 đến ngày 15 "
        "tháng 7. Hồ sơ gồm đơn, bản sao giấy khai sinh. Tuyển sinh theo địa bàn cư "
        "trú.",
        "Bùi Thị Thu",
        "0934000106",
        "",
        15,
    ),
    (
        "y-te",
        "Lịch tiêm chủng mở rộng tại trạm y tế",
        "Trạm y tế xã tiêm chủng cho trẻ vào ngày nào trong tháng?",
        "Trạm Y tế xã tổ chức tiêm chủng mở rộng vào ngày 25 hằng tháng (nếu trùng "
        "ngày nghỉ thì tiêm vào ngày làm việc kế tiếp). Phụ huynh mang theo sổ tiêm "
        "chủng của trẻ.",
        "Ngô Văn Sơn",
        "",
        "son.ngo@example.com",
        12,
    ),
    (
        "nong-nghiep",
        "Hỗ trợ giống lúa sau thiên tai",
        "Ruộng nhà tôi bị ngập sau bão, lúa mất trắng. Xã có hỗ trợ giống không?",
        "Hộ sản xuất bị thiệt hại trên 70% được hỗ trợ giống theo quy định. Ông/bà "
        "kê khai thiệt hại với trưởng thôn; UBND xã tổng hợp gửi UBND huyện xem xét "
        "hỗ trợ.",
        "Trịnh Văn Nam",
        "0967000107",
        "",
        9,
    ),
    (
        "khac",
        "Xác nhận đơn xin việc",
        "Tôi cần xác nhận lý lịch để nộp hồ sơ xin việc, xã có xác nhận không?",
        "Theo quy định hiện hành, UBND xã không xác nhận sơ yếu lý lịch. Ông/bà có "
        "thể chứng thực bản sao giấy tờ tùy thân và cung cấp thông tin cư trú qua "
        "ứng dụng VNeID.",
        "Đinh Thị Hoa",
        "0945000108",
        "",
        6,
    ),
    (
        "dat-dai",
        "Phản ánh lấn chiếm hành lang đường liên thôn",
        "Một số hộ dân ở thôn Đông dựng lều quán lấn ra đường liên thôn, gây mất "
        "an toàn giao thông. Đề nghị xã kiểm tra.",
        "UBND xã đã giao công chức địa chính phối hợp trưởng thôn kiểm tra, vận động "
        "các hộ tự tháo dỡ trong 7 ngày. Hết thời hạn, xã sẽ xử lý theo quy định.",
        "Lý Văn Đức",
        "0356000109",
        "duc.ly@example.com",
        4,
    ),
]

UNPUBLISHED = [
    (
        "ho-tich",
        "Đổi tên cho con",
        "Tôi muốn đổi tên cho con 5 tuổi, cần làm gì?",
        "Phan Thị Ngọc",
        "0398000110",
        "",
        QuestionState.NEW,
        2,
    ),
    (
        "chinh-sach-xa-hoi",
        "Hồ sơ hưởng trợ cấp khuyết tật",
        "Con tôi bị khuyết tật nặng, xin hướng dẫn làm hồ sơ hưởng trợ cấp.",
        "Mai Văn Tâm",
        "",
        "tam.mai@example.com",
        QuestionState.IN_PROGRESS,
        16,
    ),
    (
        "xay-dung",
        "Xây tường rào giáp ranh",
        "Nhà bên cạnh xây tường rào lấn sang đất nhà tôi khoảng 20 cm.",
        "Đỗ Thị Yến",
        "0823000111",
        "",
        QuestionState.NEW,
        1,
    ),
]


def _index_page(home_page) -> QuestionIndexPage:
    return child_page(
        home_page,
        QuestionIndexPage,
        "hoi-dap",
        title="Hỏi đáp",
        show_in_menus=True,
        intro="Công dân gửi câu hỏi về thủ tục, chính sách; UBND xã trả lời "
        "công khai. Thông tin liên hệ của người hỏi không bao giờ được công bố.",
    )


def _feedback_page(home_page) -> FeedbackPage:
    return child_page(
        home_page,
        FeedbackPage,
        "phan-anh-kien-nghi",
        title="Phản ánh, kiến nghị",
        show_in_menus=True,
        intro="Phản ánh, kiến nghị của người dân về quy định hành chính và "
        "việc giải quyết thủ tục hành chính tại xã.",
    )


def _topics() -> dict[str, Topic]:
    topics = {}
    for order, (slug, name) in enumerate(TOPICS):
        topic, _created = Topic.objects.get_or_create(
            site=None, slug=slug, defaults={"name": name, "sort_order": order}
        )
        topics[slug] = topic
    return topics


def _asked(site, topic, title, text, name, phone, email, asked) -> dict:
    """The fields of a question as a citizen sent it, consent given."""
    return {
        "site": site,
        "topic": topic,
        "title": title,
        "text": text,
        "name": name,
        "phone": phone,
        "email": email,
        "public_initials": initials(name),
        "consent_given": True,
        "consent_at": asked,
        "tracking_code": new_tracking_code(),
        "created_at": asked,
    }


def seed(*, home_page, site) -> dict[str, int]:
    _index_page(home_page)
    _feedback_page(home_page)
    topics = _topics()
    now = timezone.now()
    created = 0
    for topic, title, text, answer, name, phone, email, days in PUBLISHED:
        if Question.objects.for_site(site).filter(title=title).exists():
            continue
        asked = now - timedelta(days=days, hours=3)
        Question.objects.create(
            **_asked(site, topics[topic], title, text, name, phone, email, asked),
            kind=QuestionKind.FEEDBACK
            if title.startswith("Phản ánh")
            else (QuestionKind.QUESTION),
            state=QuestionState.ANSWERED,
            answer_text=answer,
            answer_status=AnswerStatus.APPROVED,
            answered_at=asked + timedelta(days=3),
            approved_at=asked + timedelta(days=3),
            is_published=True,
            published_at=asked + timedelta(days=3),
        )
        created += 1
    for topic, title, text, name, phone, email, state, days in UNPUBLISHED:
        if Question.objects.for_site(site).filter(title=title).exists():
            continue
        asked = now - timedelta(days=days)
        Question.objects.create(
            **_asked(site, topics[topic], title, text, name, phone, email, asked),
            state=state,
        )
        created += 1
    return {"questions": created}
