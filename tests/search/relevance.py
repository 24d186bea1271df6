"""A relevance test set: realistic commune content and what citizens type to find it.

Each query names the item a person looking for it wants; recall@10 says whether it
is in the first page of results, MRR how high. `test_relevance.py` keeps the
figures above thresholds; `bench/search.py` prints them.
"""

# The corpus is data: one item a line reads better than wrapped strings.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from congxa.search import selectors, services
from congxa.search.registry import Document

# (key, kind, title, body, date)
CORPUS = [
    (
        "khai-sinh",
        "news",
        "Hướng dẫn đăng ký khai sinh trực tuyến trên Cổng Dịch vụ công",
        "Từ ngày 01/7/2025, người dân có thể thực hiện thủ tục đăng ký khai sinh "
        "trực tuyến. Hồ sơ gồm tờ khai, giấy chứng sinh. Thủ tục liên thông đăng ký "
        "khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi.",
        (2026, 1, 12),
    ),
    (
        "tthc-khai-sinh",
        "procedures",
        "Thủ tục đăng ký khai sinh",
        "Mã thủ tục 1.001193. Lĩnh vực Hộ tịch. Cấp thực hiện: Cấp xã. "
        "Căn cứ pháp lý: Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP.",
        (2025, 7, 1),
    ),
    (
        "tthc-khai-tu",
        "procedures",
        "Thủ tục đăng ký khai tử",
        "Mã thủ tục 1.000656. Lĩnh vực Hộ tịch. Cấp xã giải quyết trong ngày.",
        (2025, 7, 1),
    ),
    (
        "tthc-ket-hon",
        "procedures",
        "Thủ tục đăng ký kết hôn",
        "Mã thủ tục 1.000894. Lĩnh vực Hộ tịch. Hai bên nam, nữ có mặt khi đăng ký.",
        (2025, 7, 1),
    ),
    (
        "tthc-chung-thuc",
        "procedures",
        "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "Mã thủ tục 2.000815. Lĩnh vực Chứng thực. Lệ phí 2.000 đồng/trang.",
        (2025, 7, 1),
    ),
    (
        "hoi-nghi-dang-uy",
        "news",
        "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 8",
        "Đảng ủy xã Vĩnh Thủy tổ chức Hội nghị Ban Chấp hành Đảng bộ lần thứ 8, "
        "đánh giá kết quả lãnh đạo thực hiện nhiệm vụ chính trị năm 2026.",
        (2026, 2, 3),
    ),
    (
        "dang-uy-kiem-tra",
        "news",
        "Ủy ban Kiểm tra Đảng ủy xã kiểm tra, giám sát quý III",
        "Ủy ban Kiểm tra Đảng ủy xã đã kiểm tra việc chấp hành Điều lệ Đảng tại "
        "các chi bộ thôn.",
        (2025, 10, 2),
    ),
    (
        "dang-cap-nhat",
        "pages",
        "Trang đang cập nhật",
        "Nội dung đang được cập nhật, mời bà con quay lại sau.",
        (2024, 1, 1),
    ),
    (
        "ban-cong-tac-35",
        "news",
        "Tổng kết công tác bảo vệ nền tảng tư tưởng của Đảng",
        "Ban Công tác 35 xã Vĩnh Thủy tổng kết công tác đấu tranh phản bác các "
        "quan điểm sai trái, thù địch. Đồng chí Lê Thanh Hải, Phó Bí thư Thường "
        "trực Đảng ủy, Trưởng Ban Chỉ đạo 35 phát biểu chỉ đạo.",
        (2026, 2, 11),
    ),
    (
        "mat-tran",
        "news",
        "Ban Công tác Mặt trận thôn Linh Hải ra mắt",
        "Ban Công tác Mặt trận khu dân cư thôn Linh Hải tổ chức ngày hội đại đoàn kết.",
        (2025, 11, 18),
    ),
    (
        "le-thanh-hai",
        "pages",
        "Lê Thanh Hải - Phó Bí thư Thường trực Đảng ủy",
        "Đồng chí Lê Thanh Hải, sinh năm 1975, Phó Bí thư Thường trực Đảng ủy xã, "
        "Trưởng Ban biên tập Cổng thông tin điện tử xã.",
        (2025, 7, 1),
    ),
    (
        "le-van-hai",
        "pages",
        "Lê Văn Hải - Chủ tịch Hội Nông dân",
        "Đồng chí Lê Văn Hải phụ trách Hội Nông dân xã.",
        (2025, 7, 1),
    ),
    (
        "quan-ly-dat-dai",
        "documents",
        "Quyết định 15/2025/QĐ-UBND về quản lý đất đai trên địa bàn xã",
        "Quyết định ban hành quy định quản lí đất đai, cấp giấy chứng nhận quyền sử "
        "dụng đất.",
        (2025, 3, 15),
    ),
    (
        "quan-li-rac",
        "news",
        "Tăng cường quản lí rác thải sinh hoạt ở các thôn",
        "Ủy ban nhân dân xã chỉ đạo thu gom rác thải đúng giờ.",
        (2025, 9, 9),
    ),
    (
        "nd-42",
        "documents",
        "Nghị định 42/2022/NĐ-CP quy định về cung cấp thông tin trên môi trường mạng",
        "Nghị định quy định việc cung cấp thông tin và dịch vụ công trực tuyến của "
        "cơ quan nhà nước trên môi trường mạng.",
        (2022, 6, 24),
    ),
    (
        "qd-15-2024",
        "documents",
        "Quyết định 15/2024/QĐ-UBND về giá dịch vụ thu gom rác",
        "Quy định giá dịch vụ thu gom, vận chuyển rác thải.",
        (2024, 4, 2),
    ),
    (
        "tiep-cong-dan",
        "news",
        "Thông báo lịch tiếp công dân tháng 12 năm 2026",
        "Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ vào thứ Năm hằng tuần "
        "tại trụ sở.",
        (2026, 11, 28),
    ),
    (
        "thu-tuc-hanh-chinh",
        "news",
        "Công khai thủ tục hành chính thuộc thẩm quyền cấp xã",
        "Danh mục thủ tục hành chính được niêm yết tại Bộ phận Một cửa.",
        (2025, 8, 20),
    ),
    (
        "cai-cach-hanh-chinh",
        "news",
        "Đẩy mạnh cải cách hành chính năm 2026",
        "Xã tiếp tục rà soát, đơn giản hóa các thủ tục, chính sách.",
        (2026, 1, 5),
    ),
    (
        "bao-so-12",
        "news",
        "Vĩnh Thủy chủ động ứng phó với bão số 12",
        "Ban Chỉ huy phòng chống thiên tai xã sơ tán 120 hộ dân vùng trũng.",
        (2025, 10, 30),
    ),
    (
        "nha-van-hoa",
        "news",
        "Khánh thành nhà văn hóa thôn Linh Hải",
        "Nhà văn hóa được xây dựng với tổng kinh phí 1,2 tỷ đồng.",
        (2025, 12, 1),
    ),
    (
        "lua-he-thu",
        "news",
        "Nông dân Vĩnh Thủy ra quân thu hoạch lúa hè thu",
        "Năng suất lúa ước đạt 55 tạ/ha.",
        (2025, 8, 25),
    ),
    (
        "dan-ca",
        "news",
        "Sôi nổi Hội thi tiếng hát dân ca các thôn",
        "Hội thi thu hút 12 đội văn nghệ tham gia.",
        (2025, 9, 2),
    ),
    (
        "dan-van-kheo",
        "news",
        "Ra mắt mô hình “Dân vận khéo” trong chuyển đổi số",
        "Đoàn Thanh niên hướng dẫn người cao tuổi cài đặt ứng dụng VNeID.",
        (2025, 10, 10),
    ),
    (
        "thue-dat",
        "news",
        "Thông báo về việc nộp thuế sử dụng đất phi nông nghiệp năm 2026",
        "Hạn nộp thuế đợt 1 là ngày 31/5/2026.",
        (2026, 3, 1),
    ),
    (
        "nghia-vu-quan-su",
        "news",
        "Thông báo khám sức khỏe nghĩa vụ quân sự năm 2027",
        "Công dân nam sinh năm 2009 đến trụ sở để khám tuyển.",
        (2026, 11, 1),
    ),
    (
        "nuoc-sinh-hoat",
        "news",
        "Thông báo tạm ngừng cấp nước sinh hoạt để sửa chữa đường ống",
        "Thời gian ngừng cấp nước từ 7 giờ đến 17 giờ.",
        (2026, 4, 4),
    ),
    (
        "ky-thuat",
        "news",
        "Tập huấn kỹ thuật trồng lúa hữu cơ",
        "Hội Nông dân phối hợp tập huấn kĩ thuật canh tác.",
        (2025, 5, 5),
    ),
    (
        "mdroh",
        "news",
        "Đoàn công tác thăm buôn M’Droh",
        "Đoàn công tác đã thăm hỏi bà con buôn M’Droh.",
        (2025, 5, 6),
    ),
    (
        "duong-giao-thong",
        "news",
        "Khởi công đường giao thông nông thôn thôn Duy Viên",
        "Tuyến đường dài 1,5 km được đầu tư từ nguồn vốn nông thôn mới.",
        (2025, 6, 6),
    ),
    (
        "ho-ngheo",
        "news",
        "Rà soát hộ nghèo, hộ cận nghèo năm 2026",
        "Ban chỉ đạo rà soát hộ nghèo các thôn theo chuẩn nghèo đa chiều.",
        (2026, 9, 9),
    ),
    (
        "bao-hiem-y-te",
        "news",
        "Cấp thẻ bảo hiểm y tế cho người cao tuổi",
        "Người từ đủ 75 tuổi được cấp thẻ bảo hiểm y tế miễn phí.",
        (2026, 2, 2),
    ),
]

# (query, key of the wanted item, what the query tests)
QUERIES = [
    ("dang ky khai sinh", "tthc-khai-sinh", "no diacritics"),
    ("đăng ký khai sinh", "tthc-khai-sinh", "diacritics"),
    ("Dang uy", "dang-uy-kiem-tra", "capitals, no diacritics"),
    ("đảng ủy", "dang-uy-kiem-tra", "diacritics beat đang"),
    ("ban cong tac 35", "ban-cong-tac-35", "number"),
    ("le thanh hai", "le-thanh-hai", "person"),
    ("Lê Thanh Hải", "le-thanh-hai", "person, diacritics"),
    ("quan ly dat dai", "quan-ly-dat-dai", "i/y"),
    ("quản lí đất đai", "quan-ly-dat-dai", "i/y with diacritics"),
    ("quan ly rac", "quan-li-rac", "i/y other way"),
    ("thur tucj hanhf chinhs", "thu-tuc-hanh-chinh", "Telex"),
    ("thu3 tuc5 hanh2 chinh1", "thu-tuc-hanh-chinh", "VNI"),
    ("1.001193", "tthc-khai-sinh", "procedure code"),
    ("1.000656", "tthc-khai-tu", "procedure code"),
    ("42/2022", "nd-42", "document number, partial"),
    ("42/2022/NĐ-CP", "nd-42", "document number"),
    ("nghi dinh 42", "nd-42", "document words and number"),
    ("15/2025", "quan-ly-dat-dai", "document number, partial"),
    ("15/2025/QĐ-UBND", "quan-ly-dat-dai", "document number"),
    ("tiep cong dan", "tiep-cong-dan", "no diacritics"),
    ("lich tiep dan", "tiep-cong-dan", "partly"),
    ("dnag ky ket hon", "tthc-ket-hon", "typo"),
    ("khai tu", "tthc-khai-tu", "short"),
    ("ket hon", "tthc-ket-hon", "short"),
    ("chung thuc ban sao", "tthc-chung-thuc", "no diacritics"),
    ("bao so 12", "bao-so-12", "number"),
    ("bão", "bao-so-12", "one word"),
    ("nha van hoa linh hai", "nha-van-hoa", "place"),
    ("thu hoach lua", "lua-he-thu", "no diacritics"),
    ("dan van kheo", "dan-van-kheo", "quoted title"),
    ("hat dan ca", "dan-ca", "no diacritics"),
    ("thue dat phi nong nghiep", "thue-dat", "long"),
    ("nghia vu quan su", "nghia-vu-quan-su", "no diacritics"),
    ("kham suc khoe", "nghia-vu-quan-su", "no diacritics"),
    ("cap nuoc", "nuoc-sinh-hoat", "short"),
    ("ki thuat trong lua", "ky-thuat", "i/y"),
    ("M'Droh", "mdroh", "apostrophe"),
    ("mdroh", "mdroh", "no apostrophe"),
    ("duong giao thong duy vien", "duong-giao-thong", "place"),
    ("ho ngheo", "ho-ngheo", "short"),
    ("bao hiem y te nguoi cao tuoi", "bao-hiem-y-te", "long"),
    ("tthu tuc hanh chinh", "thu-tuc-hanh-chinh", "typo"),
    ("cai cach hanh chin", "cai-cach-hanh-chinh", "prefix while typing"),
    ("khai si", "tthc-khai-sinh", "prefix while typing"),
]

RECALL_AT = 10


@dataclass
class Score:
    recall: float
    mrr: float
    misses: list[tuple[str, str, int | None]]


def load(site) -> dict[int, str]:
    """Index the corpus for `site`; entry id -> corpus key."""
    ids = {}
    for key, kind, title, body, (year, month, day) in CORPUS:
        services.document_store(
            f"relevance:{key}",
            Document(
                title=title,
                body=body,
                url=f"/{key}/",
                site_id=site.pk,
                kind=kind,
                date=timezone.make_aware(datetime(year, month, day)),
            ),
        )
        ids[f"/{key}/"] = key
    return ids


def evaluate(site) -> Score:
    """Recall@10 and MRR of the query set over the loaded corpus."""
    found = 0
    reciprocal = 0.0
    misses = []
    for query, wanted, _why in QUERIES:
        page = selectors.search(query, site=site, per_page=RECALL_AT)
        urls = [result.url for result in page.results]
        rank = urls.index(f"/{wanted}/") + 1 if f"/{wanted}/" in urls else None
        if rank:
            found += 1
            reciprocal += 1 / rank
        if rank != 1:
            misses.append((query, wanted, rank))
    return Score(found / len(QUERIES), reciprocal / len(QUERIES), misses)


# --- Everyday queries (issue 15): how people ask, not how documents are titled.
#
# A commune's procedures, offices and documents as the portal holds them, and
# what citizens type, written from the questions they send (Q&A, phone calls to
# the one-stop desk), not from the titles: abbreviations, everyday names, the
# paper they want instead of the procedure, questions about people and offices,
# same-sound misspellings, and document numbers written every which way.

P = "procedures"
EVERYDAY_CORPUS = [
    (
        "p-ket-hon",
        P,
        "Thủ tục đăng ký kết hôn",
        "Lĩnh vực Hộ tịch. Kết quả: Giấy chứng nhận kết hôn. Hai bên nam, nữ có mặt khi đăng ký.",
    ),
    (
        "p-hon-nhan",
        P,
        "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
        "Lĩnh vực Hộ tịch. Kết quả: Giấy xác nhận tình trạng hôn nhân, có giá trị 6 tháng.",
    ),
    (
        "p-khai-sinh",
        P,
        "Thủ tục đăng ký khai sinh",
        "Lĩnh vực Hộ tịch. Hồ sơ: tờ khai, giấy chứng sinh. Kết quả: Giấy khai sinh.",
    ),
    (
        "p-khai-tu",
        P,
        "Thủ tục đăng ký khai tử",
        "Lĩnh vực Hộ tịch. Hồ sơ: giấy báo tử. Kết quả: Trích lục khai tử.",
    ),
    (
        "p-trich-luc",
        P,
        "Thủ tục cấp bản sao trích lục hộ tịch",
        "Cấp bản sao trích lục khai sinh, kết hôn, khai tử từ Sổ hộ tịch.",
    ),
    (
        "p-cai-chinh",
        P,
        "Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch",
        "Thay đổi họ, chữ đệm, tên; cải chính ngày sinh sai sót.",
    ),
    (
        "p-nhan-cha-con",
        P,
        "Thủ tục đăng ký nhận cha, mẹ, con",
        "Lĩnh vực Hộ tịch. Giấy tờ chứng minh quan hệ cha con, mẹ con.",
    ),
    (
        "p-ban-sao",
        P,
        "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "Lĩnh vực Chứng thực. Lệ phí 2.000 đồng/trang.",
    ),
    (
        "p-hop-dong",
        P,
        "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở",
        "Lĩnh vực Chứng thực. Hợp đồng mua bán, tặng cho, chuyển nhượng.",
    ),
    (
        "p-chu-ky",
        P,
        "Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản",
        "Lĩnh vực Chứng thực. Người yêu cầu ký trước mặt người thực hiện chứng thực.",
    ),
    (
        "p-di-san",
        P,
        "Chứng thực văn bản thỏa thuận phân chia di sản",
        "Lĩnh vực Chứng thực. Di sản là động sản, quyền sử dụng đất, nhà ở.",
    ),
    (
        "p-gcn-lan-dau",
        P,
        "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu",
        "Lĩnh vực Đất đai. Kết quả: Giấy chứng nhận quyền sử dụng đất.",
    ),
    (
        "p-gcn-cap-doi",
        P,
        "Cấp đổi Giấy chứng nhận quyền sử dụng đất bị hư hỏng, rách nát",
        "Lĩnh vực Đất đai. Giấy chứng nhận bị ố, nhòe, rách.",
    ),
    (
        "p-tach-thua",
        P,
        "Tách thửa hoặc hợp thửa đất",
        "Lĩnh vực Đất đai. Diện tích tối thiểu được tách thửa.",
    ),
    (
        "p-tranh-chap",
        P,
        "Hòa giải tranh chấp đất đai",
        "Lĩnh vực Đất đai. Ủy ban nhân dân cấp xã hòa giải tranh chấp đất đai.",
    ),
    (
        "p-chuyen-muc-dich",
        P,
        "Chuyển mục đích sử dụng đất",
        "Lĩnh vực Đất đai. Chuyển từ đất nông nghiệp sang đất ở.",
    ),
    (
        "p-xay-dung",
        P,
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Lĩnh vực Xây dựng. Hồ sơ đề nghị cấp giấy phép xây dựng.",
    ),
    (
        "p-thuong-tru",
        P,
        "Đăng ký thường trú",
        "Lĩnh vực Đăng ký, quản lý cư trú. Công an cấp xã.",
    ),
    (
        "p-tam-tru",
        P,
        "Đăng ký tạm trú",
        "Lĩnh vực Đăng ký, quản lý cư trú. Công an cấp xã.",
    ),
    (
        "p-cu-tru",
        P,
        "Xác nhận thông tin về cư trú",
        "Lĩnh vực cư trú. Mẫu CT07. Công an cấp xã.",
    ),
    (
        "p-can-cuoc",
        P,
        "Cấp thẻ căn cước cho công dân từ đủ 14 tuổi",
        "Lĩnh vực Căn cước. Công an cấp xã thu nhận hồ sơ.",
    ),
    (
        "p-nguoi-cao-tuoi",
        P,
        "Thực hiện trợ cấp xã hội hằng tháng đối với người cao tuổi",
        "Lĩnh vực Bảo trợ xã hội. Người từ đủ 75 tuổi.",
    ),
    (
        "p-mai-tang",
        P,
        "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        "Lĩnh vực Bảo trợ xã hội.",
    ),
    (
        "p-ho-ngheo",
        P,
        "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm",
        "Lĩnh vực Giảm nghèo.",
    ),
    (
        "p-khuyet-tat",
        P,
        "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
        "Lĩnh vực Bảo trợ xã hội.",
    ),
    (
        "p-bhyt",
        P,
        "Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        "Liên thông với đăng ký khai sinh.",
    ),
    (
        "co-cau",
        "pages",
        "Cơ cấu tổ chức",
        "Ủy ban nhân dân xã. Số điện thoại: 0233 3826 123.\n"
        "Văn phòng HĐND và UBND xã. Tiếp nhận, cung cấp thông tin. Số điện thoại: 0233 3826 124.\n"
        "Công an xã. Bảo đảm an ninh, trật tự; quản lý cư trú, căn cước. Số điện thoại: 0233 3826 113.\n"
        "Phòng Kinh tế. Nông nghiệp, tài nguyên, đất đai, xây dựng. Số điện thoại: 0233 3826 125.\n"
        "Trạm Y tế xã. Khám chữa bệnh ban đầu, tiêm chủng. Số điện thoại: 0233 3826 115.\n"
        "Hoàng Văn Nam, Chủ tịch UBND xã, Ủy ban nhân dân xã, số điện thoại 0912 000 001.\n"
        "Võ Văn Tùng, Phó Chủ tịch UBND xã, Ủy ban nhân dân xã.\n"
        "Ngô Văn Sơn, Thiếu tá, Trưởng Công an xã, Công an xã, số điện thoại 0912 000 113.\n"
        "Nguyễn Văn Thành, Công chức Địa chính - Xây dựng, phụ trách đất đai, Phòng Kinh tế.\n"
        "Phạm Thị Thu, Công chức Tư pháp - Hộ tịch, Văn phòng HĐND và UBND xã.\n"
        "Nguyễn Thị Thu Hà, Chánh Văn phòng HĐND và UBND xã, số điện thoại 0912 000 124.",
    ),
    (
        "lien-he",
        "pages",
        "Liên hệ",
        "Địa chỉ: Thôn Linh Hải, xã Vĩnh Thủy. Điện thoại: 0233 3826 123. Email: ubnd.vinhthuy@quangtri.gov.vn. Giờ làm việc: sáng 7 giờ 30 - 11 giờ 30, chiều 13 giờ 30 - 17 giờ.",
    ),
    (
        "lich-tiep-dan",
        "pages",
        "Lịch tiếp công dân",
        "Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ ngày 15 hằng tháng.",
    ),
    (
        "d-qd-15",
        "documents",
        "Quyết định 15/2025/QĐ-UBND ban hành Quy chế quản lý quỹ đất công ích",
        "Số, ký hiệu 15/2025/QĐ-UBND. Cơ quan ban hành: Ủy ban nhân dân xã Vĩnh Thủy. Người ký: Chủ tịch Hoàng Văn Nam.",
    ),
    (
        "d-qd-15-2024",
        "documents",
        "Quyết định 15/2024/QĐ-UBND về giá dịch vụ thu gom rác",
        "Số, ký hiệu 15/2024/QĐ-UBND. Cơ quan ban hành: Ủy ban nhân dân xã.",
    ),
    (
        "d-nq-08",
        "documents",
        "Nghị quyết 08/2025/NQ-HĐND về dự toán ngân sách xã năm 2026",
        "Số, ký hiệu 08/2025/NQ-HĐND. Cơ quan ban hành: Hội đồng nhân dân xã Vĩnh Thủy.",
    ),
    (
        "d-kh-21",
        "documents",
        "Kế hoạch 21/KH-UBND cải cách hành chính năm 2026",
        "Số, ký hiệu 21/KH-UBND. Cơ quan ban hành: Ủy ban nhân dân xã.",
    ),
    (
        "d-cv-256",
        "documents",
        "Công văn 256/UBND-VX về tiêm chủng mở rộng",
        "Số, ký hiệu 256/UBND-VX. Cơ quan ban hành: Ủy ban nhân dân xã.",
    ),
    (
        "d-ct-01",
        "documents",
        "Chỉ thị 01/CT-UBND về an ninh trật tự dịp Tết",
        "Số, ký hiệu 01/CT-UBND. Cơ quan ban hành: Ủy ban nhân dân xã.",
    ),
    (
        "d-tb-42",
        "documents",
        "Thông báo 42/TB-UBND lịch tiếp công dân năm 2025",
        "Số, ký hiệu 42/TB-UBND. Cơ quan ban hành: Ủy ban nhân dân xã.",
    ),
    (
        "n-khai-sinh",
        "news",
        "Hướng dẫn đăng ký khai sinh trực tuyến trên Cổng Dịch vụ công",
        "Người dân chuẩn bị tờ khai và giấy chứng sinh, đăng ký khai sinh trực tuyến.",
    ),
    (
        "n-can-cuoc",
        "news",
        "Công an xã cấp căn cước lưu động cho người cao tuổi",
        "Công an xã thu nhận hồ sơ cấp thẻ căn cước tại nhà.",
    ),
    (
        "n-thue-dat",
        "news",
        "Thông báo nộp thuế sử dụng đất phi nông nghiệp năm 2026",
        "Hạn nộp thuế đợt 1 là ngày 31/5/2026.",
    ),
    (
        "n-nghia-vu",
        "news",
        "Thông báo khám sức khỏe nghĩa vụ quân sự năm 2027",
        "Công dân nam trong độ tuổi gọi nhập ngũ đến Trạm Y tế xã.",
    ),
    (
        "n-tiem-chung",
        "news",
        "Lịch tiêm chủng mở rộng tháng 11 tại Trạm Y tế xã",
        "Trẻ em được tiêm vắc xin phòng bệnh miễn phí.",
    ),
    (
        "n-bao",
        "news",
        "Xã chủ động ứng phó với bão số 12, sơ tán 120 hộ dân",
        "Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn xã.",
    ),
]

# (query, wanted key, kind of everyday query)
EVERYDAY_QUERIES = [
    # Abbreviations
    ("dk ket hon", "p-ket-hon", "abbreviation"),
    ("đk kết hôn", "p-ket-hon", "abbreviation"),
    ("dkks", "p-khai-sinh", "abbreviation"),
    ("ĐKKS cho con", "p-khai-sinh", "abbreviation"),
    ("cccd", "p-can-cuoc", "abbreviation"),
    ("lam cccd", "p-can-cuoc", "abbreviation"),
    ("cmnd", "p-can-cuoc", "abbreviation"),
    ("gcn qsdd", "p-gcn-lan-dau", "abbreviation"),
    ("cap gcn", "p-gcn-lan-dau", "abbreviation"),
    ("sdt ubnd xa", "co-cau", "abbreviation"),
    ("sđt công an xã", "co-cau", "abbreviation"),
    ("ct07", "p-cu-tru", "abbreviation"),
    ("bhyt tre em", "p-bhyt", "abbreviation"),
    ("nq hdnd 08", "d-nq-08", "abbreviation"),
    # Everyday names
    ("lam so do", "p-gcn-lan-dau", "everyday"),
    ("làm sổ đỏ lần đầu", "p-gcn-lan-dau", "everyday"),
    ("so do bi rach", "p-gcn-cap-doi", "everyday"),
    ("cong chung hop dong", "p-hop-dong", "everyday"),
    ("công chứng hợp đồng mua bán đất", "p-hop-dong", "everyday"),
    ("photo cong chung", "p-ban-sao", "everyday"),
    ("sao y ban chinh", "p-ban-sao", "everyday"),
    ("cong chung chu ky", "p-chu-ky", "everyday"),
    ("lam can cuoc", "p-can-cuoc", "everyday"),
    ("nhap ho khau cho con", "p-thuong-tru", "everyday"),
    ("khai bao tam tru", "p-tam-tru", "everyday"),
    ("tach so", "p-tach-thua", "everyday"),
    ("tro cap nguoi gia", "p-nguoi-cao-tuoi", "everyday"),
    ("tien mai tang", "p-mai-tang", "everyday"),
    ("xin phep xay nha", "p-xay-dung", "everyday"),
    ("sua ten trong giay khai sinh", "p-cai-chinh", "everyday"),
    ("chia thua ke", "p-di-san", "everyday"),
    ("tranh chap dat voi hang xom", "p-tranh-chap", "everyday"),
    # The paper they want, not the procedure
    ("giay chung sinh", "p-khai-sinh", "result paper"),
    ("giấy xác nhận độc thân", "p-hon-nhan", "result paper"),
    ("xin giay doc than", "p-hon-nhan", "result paper"),
    ("giay ket hon", "p-ket-hon", "result paper"),
    ("giay chung tu", "p-khai-tu", "result paper"),
    ("giay bao tu", "p-khai-tu", "result paper"),
    ("ban sao giay khai sinh", "p-trich-luc", "result paper"),
    ("xin lai giay khai sinh bi mat", "p-trich-luc", "result paper"),
    ("giay xac nhan cu tru", "p-cu-tru", "result paper"),
    ("giay xac nhan khuyet tat", "p-khuyet-tat", "result paper"),
    ("so ho ngheo", "p-ho-ngheo", "result paper"),
    ("giay phep xay dung", "p-xay-dung", "result paper"),
    # People and offices
    ("so dien thoai cong an xa", "co-cau", "people"),
    ("pho chu tich ubnd", "co-cau", "people"),
    ("chu tich xa la ai", "co-cau", "people"),
    ("ai phu trach dia chinh", "co-cau", "people"),
    ("can bo tu phap xa", "co-cau", "people"),
    ("truong cong an xa", "co-cau", "people"),
    ("van phong ubnd dien thoai", "co-cau", "people"),
    ("tram y te xa so dien thoai", "co-cau", "people"),
    ("uy ban xa o dau", "lien-he", "people"),
    ("gio lam viec cua ubnd", "lien-he", "people"),
    ("email ubnd xa", "lien-he", "people"),
    ("lich tiep dan cua chu tich", "lich-tiep-dan", "people"),
    # Same-sound misspellings
    ("dang ky ket hong", "p-ket-hon", "phonetic"),
    ("đăng ký cết hôn", "p-ket-hon", "phonetic"),
    ("trung thuc ban sao", "p-ban-sao", "phonetic"),
    ("chung thuc chu ki", "p-chu-ky", "phonetic"),
    ("dang ky khai xinh", "p-khai-sinh", "phonetic"),
    ("dang ky thuong chu", "p-thuong-tru", "phonetic"),
    ("dang ky tam chu", "p-tam-tru", "phonetic"),
    ("hoa giai tranh trap dat dai", "p-tranh-chap", "phonetic"),
    ("tro cap nguoi cao tuoy", "p-nguoi-cao-tuoi", "phonetic"),
    ("nghia vu quan xu", "n-nghia-vu", "phonetic"),
    ("tiem trung", "n-tiem-chung", "phonetic"),
    ("giay phep xay dun", "p-xay-dung", "phonetic"),
    # Document numbers and issuers
    ("15/2025/QĐ-UBND", "d-qd-15", "number"),
    ("15/2025", "d-qd-15", "number"),
    ("qd 15 2025", "d-qd-15", "number"),
    ("quyet dinh 15 nam 2025", "d-qd-15", "number"),
    ("quyết định số 15/2025", "d-qd-15", "number"),
    ("qd 15 nam 2024", "d-qd-15-2024", "number"),
    ("nghi quyet 08/2025", "d-nq-08", "number"),
    ("nghi quyet hdnd du toan ngan sach", "d-nq-08", "number"),
    ("ke hoach 21 cai cach hanh chinh", "d-kh-21", "number"),
    ("cong van 256", "d-cv-256", "number"),
    ("chi thi 01 tet", "d-ct-01", "number"),
    ("thong bao 42 ubnd", "d-tb-42", "number"),
]

EVERYDAY_RECALL_AT = 3


@dataclass
class KindScore:
    recall: float
    mrr: float
    count: int
    misses: list[tuple[str, str, int | None]]


def load_everyday(site) -> None:
    """Index the everyday corpus for `site` (keys prefixed `everyday-`)."""
    for key, kind, title, body in EVERYDAY_CORPUS:
        services.document_store(
            f"everyday:{key}",
            Document(
                title=title,
                body=body,
                url=f"/everyday/{key}/",
                site_id=site.pk,
                kind=kind,
                date=timezone.make_aware(datetime(2025, 7, 1)),
            ),
        )


def evaluate_everyday(site) -> dict[str, KindScore]:
    """Recall@3 and MRR of the everyday queries, per kind of query and overall."""
    by_kind: dict[str, list[int | None]] = {}
    misses: dict[str, list] = {}
    for query, wanted, kind in EVERYDAY_QUERIES:
        page = selectors.search(query, site=site, per_page=RECALL_AT)
        urls = [result.url for result in page.results]
        target = f"/everyday/{wanted}/"
        rank = urls.index(target) + 1 if target in urls else None
        by_kind.setdefault(kind, []).append(rank)
        if rank is None or rank > EVERYDAY_RECALL_AT:
            misses.setdefault(kind, []).append((query, wanted, rank))
    scores = {}
    every: list[int | None] = []
    for kind, ranks in by_kind.items():
        every.extend(ranks)
        scores[kind] = _kind_score(ranks, misses.get(kind, []))
    scores["all"] = _kind_score(every, [m for ms in misses.values() for m in ms])
    return scores


def _kind_score(ranks: list[int | None], misses) -> KindScore:
    found = sum(1 for r in ranks if r and r <= EVERYDAY_RECALL_AT)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    return KindScore(found / len(ranks), mrr, len(ranks), misses)
