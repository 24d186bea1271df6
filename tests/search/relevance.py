"""A relevance test set: realistic commune content and what citizens type to find it.

Each query names the item a person looking for it wants; recall@10 says whether it
is in the first page of results, MRR how high. `test_relevance.py` keeps the
figures above thresholds; `bench/search.py` prints them.
"""

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
