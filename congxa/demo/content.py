"""The demo commune, Xã Vĩnh Thủy (tỉnh Quảng Trị): its identity and its news."""

from datetime import datetime
from pathlib import Path

SAMPLE_ARTICLE = Path(__file__).parent / "data" / "vinh-thuy-article-page.txt"

COMMUNE = {
    "commune_name": "Xã Vĩnh Thủy",
    "province": "Tỉnh Quảng Trị",
    "agency": "Ủy ban nhân dân xã Vĩnh Thủy",
    "person_responsible": "Ông Lê Thanh Hải - Phó Bí thư Thường trực Đảng ủy, "
    "Trưởng Ban biên tập",
    "address": "Thôn Linh Hải, xã Vĩnh Thủy, tỉnh Quảng Trị",
    "phone": "0233 3826 123",
    "email": "ubnd.vinhthuy@quangtri.gov.vn",
    "banner_text": "NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIX "
    "CỦA ĐẢNG CỘNG SẢN VIỆT NAM !",
}

WEBSITE_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn"),
    ("Cổng Thông tin điện tử tỉnh Quảng Trị", "https://quangtri.gov.vn"),
    ("Báo Quảng Trị", "https://baoquangtri.vn"),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn"),
]

SECTIONS = [
    ("tin-tuc-su-kien", "Tin tức - Sự kiện", "Hoạt động của xã Vĩnh Thủy."),
    ("thong-bao", "Thông báo", "Thông báo của Ủy ban nhân dân xã."),
    ("xay-dung-dang", "Xây dựng Đảng", "Công tác xây dựng Đảng và hệ thống chính trị."),
]


def sample_article() -> dict:
    """The real article of the Vĩnh Thủy portal, read from the sample text."""
    lines = [line.strip() for line in SAMPLE_ARTICLE.read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    title = lines[1]
    # "21:40, Thứ Tư, 11-2-2026"
    time_part, _weekday, date_part = (part.strip() for part in lines[2].split(","))
    day, month, year = (int(x) for x in date_part.split("-"))
    hour, minute = (int(x) for x in time_part.split(":"))
    signature_at = lines.index("BBT")
    paragraphs = lines[3:signature_at]
    return {
        "slug": "tong-ket-cong-tac-bao-ve-nen-tang-tu-tuong-cua-dang",
        "section": "xay-dung-dang",
        "title": title,
        "date": datetime(year, month, day, hour, minute),
        "lead": paragraphs[0],
        "paragraphs": paragraphs[1:],
        "signature": "BBT",
        "image": "Hội nghị tổng kết Ban Công tác 35 xã Vĩnh Thủy",
        "featured": True,
    }


ARTICLES = [
    {
        "slug": "vinh-thuy-chu-dong-ung-pho-bao-so-12",
        "section": "tin-tuc-su-kien",
        "title": "Vĩnh Thủy chủ động ứng phó với bão số 12",
        "date": datetime(2026, 10, 28, 7, 15),
        "lead": "Trước diễn biến phức tạp của bão số 12, Ban Chỉ huy phòng thủ dân sự "
        "xã Vĩnh Thủy đã triển khai phương án sơ tán dân ở vùng trũng thấp và "
        "ven sông Bến Hải.",
        "paragraphs": [
            "Ngay từ chiều 27/10, lực lượng dân quân, công an xã và các đoàn thể đã "
            "xuống từng thôn hỗ trợ người dân chằng chống nhà cửa, thu hoạch lúa và "
            "hoa màu, đưa tàu thuyền vào nơi neo đậu an toàn.",
            "Toàn xã đã chuẩn bị 12 điểm sơ tán tại trường học và nhà văn hóa thôn, "
            "dự trữ lương thực, nước uống và thuốc men cho ít nhất 5 ngày.",
            "Người dân cần hỗ trợ khẩn cấp liên hệ Ban Chỉ huy phòng thủ dân sự xã "
            "qua số điện thoại trực ban 0233 3826 123.",
        ],
        "signature": "Văn phòng HĐND - UBND xã",
        "image": "Dân quân xã giúp dân chằng chống nhà cửa",
        "featured": True,
    },
    {
        "slug": "khanh-thanh-nha-van-hoa-thon-linh-hai",
        "section": "tin-tuc-su-kien",
        "title": "Khánh thành nhà văn hóa thôn Linh Hải",
        "date": datetime(2026, 9, 2, 9, 0),
        "lead": "Nhân dịp Quốc khánh 2/9, thôn Linh Hải long trọng tổ chức lễ khánh "
        "thành nhà văn hóa thôn với tổng kinh phí hơn 1,2 tỷ đồng.",
        "paragraphs": [
            "Công trình được xây dựng từ nguồn vốn Chương trình mục tiêu quốc gia "
            "xây dựng nông thôn mới và sự đóng góp của nhân dân, con em xa quê.",
            "Nhà văn hóa có hội trường 150 chỗ ngồi, sân thể thao và khu vui chơi "
            "cho thiếu nhi, đáp ứng nhu cầu sinh hoạt cộng đồng của hơn 400 hộ dân.",
        ],
        "signature": "Thanh Bình",
        "image": "Nhà văn hóa thôn Linh Hải",
        "featured": False,
    },
    {
        "slug": "ra-quan-thu-hoach-lua-he-thu",
        "section": "tin-tuc-su-kien",
        "title": "Nông dân Vĩnh Thủy ra quân thu hoạch lúa hè thu",
        "date": datetime(2026, 8, 14, 16, 30),
        "lead": "Vụ hè thu năm 2026, toàn xã gieo cấy 620 ha lúa, năng suất ước đạt "
        "58 tạ/ha, cao hơn cùng kỳ năm trước 3 tạ/ha.",
        "paragraphs": [
            "Nhờ chuyển đổi cơ cấu giống và áp dụng cơ giới hóa đồng bộ, chi phí sản "
            "xuất giảm đáng kể, thu nhập của nông dân được nâng lên.",
            "Ủy ban nhân dân xã khuyến cáo bà con thu hoạch nhanh gọn theo phương "
            "châm “xanh nhà hơn già đồng” để phòng tránh mưa bão cuối mùa.",
        ],
        "signature": "Minh Đức",
        "image": "Máy gặt đập liên hợp trên cánh đồng Vĩnh Thủy",
        "featured": False,
    },
    {
        "slug": "hoi-thi-tieng-hat-dan-ca",
        "section": "tin-tuc-su-kien",
        "title": "Sôi nổi Hội thi tiếng hát dân ca các thôn",
        "date": datetime(2026, 4, 29, 20, 10),
        "lead": "Chào mừng 51 năm Ngày giải phóng miền Nam, thống nhất đất nước, xã "
        "Vĩnh Thủy tổ chức Hội thi tiếng hát dân ca với 14 đội tham gia.",
        "paragraphs": [
            "Các tiết mục hò khoan, ví dặm, dân ca Bình Trị Thiên được dàn dựng công "
            "phu, thu hút đông đảo người dân đến cổ vũ.",
            "Ban tổ chức trao giải Nhất cho đội thôn Lai Phước, giải Nhì cho thôn "
            "Linh Hải và thôn Duy Viên.",
        ],
        "signature": "BBT",
        "image": "",
        "featured": False,
    },
    {
        "slug": "ra-mat-mo-hinh-dan-van-kheo",
        "section": "tin-tuc-su-kien",
        "title": "Ra mắt mô hình “Dân vận khéo” trong chuyển đổi số",
        "date": datetime(2026, 6, 5, 10, 45),
        "lead": "Đoàn Thanh niên xã ra mắt Tổ công nghệ số cộng đồng, hướng dẫn "
        "người dân cài đặt ứng dụng định danh điện tử và nộp hồ sơ trực tuyến.",
        "paragraphs": [
            "Mỗi thôn có ít nhất 3 đoàn viên trực hỗ trợ vào sáng thứ Bảy hằng tuần "
            "tại nhà văn hóa thôn.",
            "Sau một tháng, hơn 300 lượt người dân đã được hướng dẫn thực hiện thủ "
            "tục đăng ký khai sinh, đăng ký thường trú trực tuyến.",
        ],
        "signature": "Hoài Thương",
        "image": "Đoàn viên hướng dẫn người dân nộp hồ sơ trực tuyến",
        "featured": False,
    },
    {
        "slug": "tiep-nhan-ho-tro-xay-nha-dai-doan-ket",
        "section": "tin-tuc-su-kien",
        "title": "Trao kinh phí hỗ trợ xây dựng 5 nhà Đại đoàn kết",
        "date": datetime(2026, 3, 18, 14, 0),
        "lead": "Ủy ban Mặt trận Tổ quốc Việt Nam xã trao 300 triệu đồng hỗ trợ 5 hộ "
        "nghèo xây dựng nhà ở kiên cố, an toàn trước mùa mưa bão.",
        "paragraphs": [
            "Mỗi hộ được hỗ trợ 60 triệu đồng từ Quỹ “Vì người nghèo” của tỉnh và "
            "xã, cùng ngày công của các đoàn thể.",
        ],
        "signature": "MTTQ xã",
        "image": "",
        "featured": False,
    },
    {
        "slug": "thong-bao-lich-tiep-cong-dan-thang-12",
        "section": "thong-bao",
        "title": "Thông báo lịch tiếp công dân tháng 12 năm 2026",
        "date": datetime(2026, 11, 24, 8, 0),
        "lead": "Chủ tịch Ủy ban nhân dân xã Vĩnh Thủy tiếp công dân định kỳ vào "
        "ngày 15 hằng tháng tại Trụ sở tiếp công dân xã.",
        "paragraphs": [
            "Các ngày làm việc còn lại, cán bộ tiếp công dân thường xuyên trực tại "
            "Bộ phận Một cửa từ 7 giờ 30 đến 11 giờ 30 và từ 13 giờ 30 đến 17 giờ.",
            "Công dân đến kiến nghị, phản ánh mang theo căn cước và giấy tờ liên quan.",
        ],
        "signature": "UBND xã Vĩnh Thủy",
        "image": "",
        "featured": False,
    },
    {
        "slug": "cong-an-xa-cap-can-cuoc-tai-nha",
        "section": "tin-tuc-su-kien",
        "title": "Công an xã cấp căn cước tại nhà cho người cao tuổi, người ốm đau",
        "date": datetime(2026, 10, 14, 10, 0),
        "lead": "Công an xã Vĩnh Thủy tổ chức thu nhận hồ sơ cấp thẻ căn cước lưu "
        "động tại nhà cho người cao tuổi, người ốm đau không thể đến trụ sở.",
        "paragraphs": [
            "Người dân từ đủ 14 tuổi chưa có thẻ căn cước, hoặc thẻ hết hạn, liên "
            "hệ Công an xã để được hẹn lịch; trẻ em dưới 14 tuổi được cấp theo nhu "
            "cầu. Đồng thời hướng dẫn kích hoạt tài khoản định danh điện tử VNeID.",
        ],
        "signature": "Công an xã Vĩnh Thủy",
        "image": "",
        "featured": False,
    },
    {
        "slug": "thong-bao-thu-thue-su-dung-dat-phi-nong-nghiep",
        "section": "thong-bao",
        "title": "Thông báo về việc nộp thuế sử dụng đất phi nông nghiệp năm 2026",
        "date": datetime(2026, 9, 20, 15, 20),
        "lead": "Hạn cuối nộp thuế sử dụng đất phi nông nghiệp năm 2026 là ngày "
        "31/10/2026. Người nộp thuế có thể nộp trực tuyến qua Cổng Dịch vụ công "
        "quốc gia.",
        "paragraphs": [
            "Các hộ gia đình, cá nhân chưa nhận được thông báo nộp thuế liên hệ "
            "công chức Tài chính - Kế toán xã để được hướng dẫn.",
        ],
        "signature": "UBND xã Vĩnh Thủy",
        "image": "",
        "featured": False,
    },
    {
        "slug": "thong-bao-tuyen-quan-2027",
        "section": "thong-bao",
        "title": "Thông báo khám sức khỏe nghĩa vụ quân sự năm 2027",
        "date": datetime(2026, 11, 10, 9, 30),
        "lead": "Hội đồng nghĩa vụ quân sự xã thông báo lịch khám sức khỏe cho công "
        "dân trong độ tuổi gọi nhập ngũ năm 2027.",
        "paragraphs": [
            "Thời gian khám: từ ngày 01/12 đến ngày 05/12/2026 tại Trạm Y tế xã. "
            "Công dân mang theo căn cước, giấy gọi khám và hồ sơ sức khỏe nếu có.",
        ],
        "signature": "Hội đồng NVQS xã",
        "image": "",
        "featured": False,
    },
    {
        "slug": "thong-bao-cap-nuoc-sinh-hoat",
        "section": "thong-bao",
        "title": "Thông báo tạm ngừng cấp nước sinh hoạt để sửa chữa đường ống",
        "date": datetime(2026, 7, 7, 17, 5),
        "lead": "Để sửa chữa tuyến ống chính, nước sinh hoạt sẽ tạm ngừng cấp tại các "
        "thôn Duy Viên, Lai Phước từ 7 giờ đến 15 giờ ngày 09/7/2026.",
        "paragraphs": [
            "Đề nghị bà con chủ động dự trữ nước. Mong nhân dân thông cảm.",
        ],
        "signature": "UBND xã Vĩnh Thủy",
        "image": "",
        "featured": False,
    },
    {
        "slug": "thong-bao-dang-ky-khai-sinh-truc-tuyen",
        "section": "thong-bao",
        "title": "Hướng dẫn đăng ký khai sinh trực tuyến trên Cổng Dịch vụ công",
        "date": datetime(2026, 5, 12, 8, 40),
        "lead": "Từ tháng 5/2026, người dân xã Vĩnh Thủy có thể đăng ký khai sinh, "
        "đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi qua một "
        "hồ sơ trực tuyến liên thông.",
        "paragraphs": [
            "Cha, mẹ đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản định danh "
            "điện tử mức độ 2, chọn dịch vụ liên thông và khai thông tin theo mẫu.",
            "Kết quả được trả về qua thư điện tử và ứng dụng định danh quốc gia; "
            "bản giấy có thể nhận tại Bộ phận Một cửa xã.",
        ],
        "signature": "Công chức Tư pháp - Hộ tịch",
        "image": "",
        "featured": False,
    },
    {
        "slug": "hoi-nghi-ban-chap-hanh-dang-bo-lan-thu-8",
        "section": "xay-dung-dang",
        "title": "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 8",
        "date": datetime(2026, 10, 15, 8, 0),
        "lead": "Ban Chấp hành Đảng bộ xã Vĩnh Thủy khóa I họp hội nghị lần thứ 8 "
        "đánh giá kết quả thực hiện nhiệm vụ 9 tháng và bàn giải pháp những tháng "
        "cuối năm 2026.",
        "paragraphs": [
            "Hội nghị thống nhất tập trung hoàn thành các chỉ tiêu về thu ngân sách, "
            "xây dựng nông thôn mới nâng cao và chuyển đổi số.",
            "Đồng chí Bí thư Đảng ủy xã yêu cầu các chi bộ nâng cao chất lượng sinh "
            "hoạt, gắn trách nhiệm người đứng đầu với kết quả thực hiện nhiệm vụ.",
        ],
        "signature": "Văn phòng Đảng ủy",
        "image": "Quang cảnh hội nghị Ban Chấp hành Đảng bộ xã",
        "featured": False,
    },
    {
        "slug": "ket-nap-dang-vien-moi-chi-bo-thon-duy-vien",
        "section": "xay-dung-dang",
        "title": "Chi bộ thôn Duy Viên kết nạp 2 đảng viên mới",
        "date": datetime(2026, 7, 1, 14, 30),
        "lead": "Nhân kỷ niệm ngày thành lập Đảng bộ xã, Chi bộ thôn Duy Viên tổ chức "
        "lễ kết nạp 2 đảng viên là đoàn viên thanh niên tiêu biểu.",
        "paragraphs": [
            "Từ đầu năm, Đảng bộ xã đã kết nạp 17 đảng viên mới, đạt 113% chỉ tiêu "
            "nghị quyết đề ra.",
        ],
        "signature": "BBT",
        "image": "",
        "featured": False,
    },
    {
        "slug": "hoc-tap-nghi-quyet-dai-hoi-xiv",
        "section": "xay-dung-dang",
        "title": "Học tập, quán triệt Nghị quyết Đại hội XIV của Đảng",
        "date": datetime(2026, 3, 10, 7, 30),
        "lead": "Đảng ủy xã tổ chức hội nghị học tập, quán triệt Nghị quyết Đại hội "
        "đại biểu toàn quốc lần thứ XIV của Đảng cho hơn 450 cán bộ, đảng viên.",
        "paragraphs": [
            "Hội nghị được tổ chức trực tiếp tại hội trường xã và trực tuyến đến "
            "các chi bộ thôn.",
            "Sau hội nghị, các chi bộ xây dựng chương trình hành động phù hợp với "
            "điều kiện của từng thôn.",
        ],
        "signature": "Ban Tuyên giáo và Dân vận",
        "image": "",
        "featured": False,
    },
    {
        "slug": "kiem-tra-giam-sat-quy-iii",
        "section": "xay-dung-dang",
        "title": "Ủy ban Kiểm tra Đảng ủy xã kiểm tra, giám sát quý III",
        "date": datetime(2026, 9, 28, 10, 0),
        "lead": "Ủy ban Kiểm tra Đảng ủy xã hoàn thành kiểm tra việc chấp hành Điều "
        "lệ Đảng tại 4 chi bộ, kịp thời chấn chỉnh những hạn chế.",
        "paragraphs": [
            "Qua kiểm tra, các chi bộ cơ bản thực hiện tốt nguyên tắc tập trung dân "
            "chủ, chế độ sinh hoạt và công tác quản lý đảng viên.",
        ],
        "signature": "UBKT Đảng ủy",
        "image": "",
        "featured": False,
    },
]
