# ruff: noqa: E501 (HTML and feed samples read better on one line each)
"""Old-portal pages in the markup of each platform family, with what they contain.

Used twice: `build_corpus()` wrote the checked-in corpus under `corpus/` (run
`python -m tests.legacy.sitegen` to rebuild it) and `bench/import_site.py`
generates thousands of pages from the same templates. The templates follow the
public templates of each platform (NukeViet's `modules/news/detail.tpl`,
Liferay's asset publisher and web content display, SharePoint publishing page
layouts, ASP.NET server controls, table-and-font PHP sites, WordPress themes)
and the furniture commune portals add around them: a "today" date in the
header, a generic `<title>`, visitor counters, print/share buttons, related
news with their own dates, banners and footers.
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
FAMILIES = ("nukeviet", "liferay", "sharepoint", "aspnet", "php_table", "wordpress")
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@dataclass
class Story:
    title: str
    lead: str
    paragraphs: list[str]
    date: datetime
    signature: str
    captions: list[str]
    views: int
    section: str = "Tin tức - Sự kiện"
    attachment: str = ""
    images: list[str] = field(default_factory=list)


STORIES = [
    Story(
        "Vĩnh Thủy: Tổng kết công tác bảo vệ nền tảng tư tưởng của Đảng",
        "Ngày 11/02/2026, Ban Công tác 35 xã Vĩnh Thủy đã tổ chức Hội nghị tổng kết "
        "hoạt động năm 2025 và triển khai phương hướng, nhiệm vụ trọng tâm cho năm 2026.",
        [
            "Thời gian qua, dưới sự chỉ đạo của Đảng ủy, công tác bảo vệ nền tảng tư tưởng "
            "của Đảng tại địa phương đã đạt được những kết quả thực chất, góp phần giữ vững "
            "an ninh chính trị và trật tự an toàn xã hội.",
            "Song song với đó, các thành viên Ban Công tác 35, đội ngũ cộng tác viên bước "
            "đầu duy trì hoạt động thường xuyên, kịp thời tổng hợp và ban hành 21 báo cáo "
            "tuần đúng quy định.",
            "Bên cạnh những kết quả đạt được, hội nghị cũng thẳng thắn nhìn nhận một số hạn "
            "chế như kỹ năng phân tích dư luận có lúc chưa sắc bén.",
            "Phát biểu chỉ đạo tại hội nghị, đồng chí Lê Thanh Hải - Phó Bí thư Thường trực "
            "Đảng ủy, Trưởng Ban Công tác 35 xã yêu cầu mỗi cán bộ, đảng viên phải thực sự "
            "là một lá chắn vững chắc.",
        ],
        datetime(2026, 2, 11, 21, 40),
        "BBT",
        ["Quang cảnh hội nghị tổng kết Ban Công tác 35 xã Vĩnh Thủy"],
        1284,
        "Xây dựng Đảng",
    ),
    Story(
        "Xã Vĩnh Thủy ra quân tổng vệ sinh môi trường đón Tết Nguyên đán",
        "Sáng ngày 3/1/2025, Ủy ban nhân dân xã phối hợp với Ủy ban Mặt trận Tổ quốc "
        "Việt Nam xã tổ chức lễ ra quân tổng vệ sinh môi trường.",
        [
            "Tham gia lễ ra quân có hơn 500 đoàn viên, hội viên các đoàn thể và người dân "
            "trên địa bàn 9 thôn.",
            "Các lực lượng đã thu gom rác thải, phát quang bụi rậm, khơi thông cống rãnh "
            "dọc các tuyến đường liên thôn, liên xã.",
            "Dịp này, xã phát động phong trào “Ngày Chủ nhật xanh” được duy trì vào sáng "
            "Chủ nhật hằng tuần.",
        ],
        datetime(2025, 1, 3, 8, 15),
        "Minh Anh - Văn phòng HĐND và UBND xã",
        [
            "Đoàn viên thanh niên thu gom rác thải trên tuyến đường liên thôn",
            "Lực lượng dân quân phát quang bụi rậm",
        ],
        356,
    ),
    Story(
        "Thông báo lịch tiếp công dân tháng 3 năm 2024",
        "",
        [
            "Căn cứ Luật Tiếp công dân năm 2013, Ủy ban nhân dân xã thông báo lịch tiếp "
            "công dân định kỳ của Chủ tịch Ủy ban nhân dân xã trong tháng 3 năm 2024.",
            "Thời gian: sáng thứ Năm, ngày 14/3/2024 và ngày 28/3/2024, từ 7 giờ 30 phút.",
            "Địa điểm: Phòng tiếp công dân, trụ sở Ủy ban nhân dân xã.",
            "Công dân đến trình bày khiếu nại, tố cáo, kiến nghị, phản ánh mang theo giấy "
            "tờ tùy thân và các tài liệu liên quan.",
        ],
        datetime(2024, 3, 15, 9, 5),
        "Văn phòng HĐND và UBND xã",
        [],
        87,
        "Thông báo",
        "lich-tiep-cong-dan-thang-3.pdf",
    ),
    Story(
        "Hội Nông dân xã tập huấn kỹ thuật trồng lúa hữu cơ cho hội viên",
        "Nhằm nâng cao hiệu quả sản xuất, ngày 5/6/2024, Hội Nông dân xã phối hợp với "
        "Trạm Khuyến nông huyện tổ chức lớp tập huấn cho 80 hội viên.",
        [
            "Tại lớp tập huấn, các học viên được hướng dẫn quy trình làm đất, chọn giống, "
            "bón phân hữu cơ và phòng trừ sâu bệnh bằng chế phẩm sinh học.",
            "Mô hình trồng lúa hữu cơ trên cánh đồng thôn Linh Hải đã cho năng suất 5,8 "
            "tấn/ha, giá bán cao hơn lúa thường từ 20 đến 30%.",
            "Thời gian tới, Hội Nông dân xã tiếp tục vận động hội viên mở rộng diện tích "
            "sản xuất theo hướng an toàn.",
            "Kết thúc lớp tập huấn, các học viên đều nắm được kiến thức cơ bản để áp dụng "
            "vào thực tế sản xuất của gia đình.",
        ],
        datetime(2024, 6, 5, 14, 30),
        "Trần Văn Bình",
        ["Cán bộ khuyến nông hướng dẫn hội viên ủ phân hữu cơ tại ruộng"],
        2410,
        "Kinh tế",
    ),
    Story(
        "Kỳ họp thứ 9 HĐND xã khóa XX thông qua 6 nghị quyết quan trọng",
        "Ngày 7/11/2023, Hội đồng nhân dân xã khóa XX tổ chức kỳ họp thứ 9 để đánh giá "
        "tình hình kinh tế - xã hội và quyết định nhiều nội dung quan trọng.",
        [
            "Kỳ họp đã nghe các báo cáo của Thường trực HĐND, UBND và Ủy ban MTTQ Việt Nam "
            "xã về kết quả thực hiện nhiệm vụ năm 2023.",
            "Các đại biểu tập trung thảo luận về công tác quản lý đất đai, xây dựng nông "
            "thôn mới kiểu mẫu và cải cách hành chính.",
            "Kỳ họp đã biểu quyết thông qua 6 nghị quyết với sự nhất trí cao của các đại "
            "biểu tham dự.",
        ],
        datetime(2023, 11, 7, 10, 0),
        "Hoàng Mai",
        ["Các đại biểu biểu quyết thông qua nghị quyết tại kỳ họp"],
        512,
        "Hoạt động HĐND",
    ),
    Story(
        "Trường Mầm non xã tổ chức ngày hội “Bé vui đến trường”",
        "",
        [
            "Sáng ngày 14/2/2023, Trường Mầm non xã tổ chức ngày hội “Bé vui đến trường” "
            "với sự tham gia của hơn 300 cháu và phụ huynh.",
            "Ngày hội gồm nhiều trò chơi dân gian, văn nghệ và hoạt động trải nghiệm giúp "
            "các cháu mạnh dạn, tự tin.",
            "Dịp này, nhà trường trao 20 suất quà cho các cháu có hoàn cảnh khó khăn.",
        ],
        datetime(2023, 2, 14, 22, 12),
        "Lê Thu Hà - Trường Mầm non xã",
        ["Các cháu tham gia trò chơi kéo co", "Nhà trường trao quà cho các cháu"],
        64,
        "Giáo dục",
    ),
    Story(
        "Tuyên truyền phòng, chống cháy rừng mùa khô năm 2019",
        "Ban Chỉ huy phòng, chống cháy rừng xã vừa tổ chức tuyên truyền tại các thôn có "
        "diện tích rừng lớn.",
        [
            "Theo dự báo, mùa khô năm nay nắng nóng kéo dài, nguy cơ cháy rừng ở mức cao.",
            "Lực lượng kiểm lâm địa bàn đã phát tờ rơi, treo băng rôn và làm việc với từng "
            "hộ nhận khoán bảo vệ rừng.",
            "Xã yêu cầu các hộ dân không đốt thực bì, không mang lửa vào rừng trong những "
            "ngày cao điểm.",
            "Mọi thông tin về cháy rừng, người dân báo ngay cho Ban Chỉ huy xã qua số điện "
            "thoại trực 0233 3821 112.",
        ],
        datetime(2019, 10, 2, 7, 45),
        "Ban Chỉ huy Quân sự xã",
        ["Kiểm lâm địa bàn tuyên truyền cho người dân thôn Tân Định"],
        12,
    ),
    Story(
        "Xã hoàn thành chi trả trợ cấp cho người có công dịp 27/7",
        "Nhân kỷ niệm 77 năm Ngày Thương binh - Liệt sĩ, xã đã hoàn thành chi trả trợ cấp "
        "cho 215 người có công với cách mạng.",
        [
            "Tổng số tiền chi trả đợt này hơn 1,2 tỷ đồng, được thực hiện công khai tại "
            "các điểm chi trả ở thôn.",
            "Lãnh đạo xã đã đến thăm, tặng quà các gia đình chính sách tiêu biểu trên địa bàn.",
            "Công tác chi trả bảo đảm đúng đối tượng, đủ chế độ và kịp thời trước ngày 27/7.",
        ],
        datetime(2024, 7, 25, 16, 20),
        "Phòng Văn hóa - Xã hội",
        ["Lãnh đạo xã thăm, tặng quà gia đình chính sách"],
        930,
        "Chính sách xã hội",
    ),
]


def to_1258(text: str) -> str:
    """Text in windows-1258 form: base letters precomposed, tones separate."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize(
            "NFC", "".join(c for c in parts if c not in TONE_MARKS)
        )
        out.append(base + tones)
    return "".join(out)


@dataclass
class Variant:
    """The variations a page of a family shows."""

    today: datetime = datetime(2026, 12, 1, 9, 0)
    generic_title: bool = True
    decomposed: bool = False
    cp1258: bool = False
    bom: bool = False
    caption_style: str = "figure"  # figure | table | next | none
    related: bool = True
    date_style: int = 0
    byline: str = "plain"  # plain | label | source | right
    meta_date_wrong: bool = False


def _date_text(when: datetime, style: int, views: int | None = None) -> str:
    from congxa.vi.dates import weekday_name

    styles = [
        f"{when:%H:%M}, {weekday_name(when)}, {when.day}-{when.month}-{when.year}",
        f"{when:%d/%m/%Y - %H:%M}",
        f"{weekday_name(when)}, {when:%d/%m/%Y} {when.hour}:{when.minute}",
        f"Ngày đăng: {when:%d/%m/%Y %H:%M}",
        f"Cập nhật ngày {when.day} - {when.month} - {when.year} lúc {when:%H:%M}",
        f"{when:%d/%m/%Y} {when.strftime('%I:%M %p')}",
        f"{when:%H:%M} ngày {when.day} tháng {when.month} năm {when.year}",
        f"{when:%d/%m/%Y %H:%M}, {weekday_name(when)}",
    ]
    return styles[style % len(styles)]


def _images_html(story: Story, style: str, image_urls: list[str]) -> list[str]:
    out = []
    for caption, src in zip(story.captions, image_urls, strict=False):
        cap = escape(caption)
        if style == "figure":
            out.append(
                f'<figure class="image"><img src="{src}" alt="{cap}" width="600">'
                f"<figcaption>{cap}</figcaption></figure>"
            )
        elif style == "table":
            out.append(
                '<table class="image" align="center" border="0" cellpadding="3" '
                f'cellspacing="0"><tbody><tr><td><img src="{src}" width="600"></td></tr>'
                f'<tr><td style="text-align:center"><em>{cap}</em></td></tr></tbody></table>'
            )
        elif style == "next":
            out.append(
                f'<p style="text-align: center;"><img alt="" src="{src}" '
                f'style="width: 600px;"></p><p style="text-align: center;"><em>{cap}</em></p>'
            )
        else:
            out.append(f'<p style="text-align:center"><img src="{src}"></p>')
    return out


def _signature_html(story: Story, byline: str) -> str:
    sig = escape(story.signature)
    if byline == "label":
        return f'<p style="text-align:right"><strong>Tác giả: {sig}</strong></p>'
    if byline == "source":
        return f"<p><em>Nguồn: {sig}</em></p>"
    if byline == "right":
        return f'<p style="text-align: right;"><strong>{sig}</strong></p>'
    return f"<p><strong>{sig}</strong></p>"


def _related(family: str) -> str:
    items = "".join(
        f'<li><a href="/tin-tuc/tin-{n}.html">{escape(s.title)}</a> '
        f"<span>({s.date:%d/%m/%Y})</span></li>"
        for n, s in enumerate(STORIES[:4])
    )
    heading = {"nukeviet": "Tin liên quan", "wordpress": "Bài viết liên quan"}.get(
        family, "Các tin khác"
    )
    return f'<div class="news-other"><h3>{heading}</h3><ul>{items}</ul></div>'


def _header(variant: Variant, site: str) -> str:
    from congxa.vi.dates import weekday_name

    today = variant.today
    return (
        f'<div id="header"><div class="top-bar"><span class="date-now">{weekday_name(today)}, '
        f'ngày {today:%d/%m/%Y}</span></div><div class="banner"><a href="/">'
        f'<img src="/images/banner.png" alt="{escape(site)}"></a><h1 class="site-name">'
        f'{escape(site)}</h1></div><ul class="main-menu"><li><a href="/">Trang chủ</a>'
        '</li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">'
        'Tin tức - Sự kiện</a></li><li><a href="/thu-tuc">Thủ tục hành chính</a></li>'
        "</ul></div>"
    )


FOOTER = (
    '<div id="footer"><p>CỔNG THÔNG TIN ĐIỆN TỬ XÃ VĨNH THỦY</p><p>Địa chỉ: thôn '
    "Linh Hải, xã Vĩnh Thủy, tỉnh Quảng Trị. Điện thoại: 0233 3821 112</p>"
    '<div class="counter">Lượt truy cập: 1.234.567 - Đang truy cập: 15</div></div>'
)
SITE = "Cổng thông tin điện tử xã Vĩnh Thủy"


def _body(
    story: Story, variant: Variant, image_urls: list[str], attachment_url: str
) -> str:
    paras = [f"<p>{escape(p)}</p>" for p in story.paragraphs]
    images = _images_html(story, variant.caption_style, image_urls)
    parts = [paras[0], *images[:1], *paras[1:-1], *images[1:], paras[-1]]
    if attachment_url:
        parts.append(
            f'<p>Tệp đính kèm: <a href="{attachment_url}">Lịch tiếp công dân (PDF)</a></p>'
        )
    parts.append(_signature_html(story, variant.byline))
    return "\n".join(parts)


def render(family: str, story: Story, variant: Variant, slug: str) -> str:
    """One article page of a family, as text (before encoding)."""
    image_urls = [f"/uploads/news/{slug}-{n}.jpg" for n in range(len(story.captions))]
    attachment_url = f"/uploads/files/{story.attachment}" if story.attachment else ""
    title = escape(story.title)
    head_title = "Xem chi tiết bài viết" if variant.generic_title else story.title
    date_text = escape(_date_text(story.date, variant.date_style))
    meta_when = story.date.replace(day=1) if variant.meta_date_wrong else story.date
    meta = f'<meta property="article:published_time" content="{meta_when:%Y-%m-%dT%H:%M:%S}+07:00">'
    body = _body(story, variant, image_urls, attachment_url)
    lead = escape(story.lead)
    related = _related(family) if variant.related else ""
    header = _header(variant, SITE)
    views = story.views
    share = (
        '<div class="social-share"><a href="#" class="print">In bài</a> '
        '<a href="#">Gửi email</a> <a href="#" class="fb-share">Chia sẻ</a></div>'
    )
    html_head = (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="{{charset}}">'
        f"<title>{escape(head_title)} - {escape(SITE)}</title>{meta}{{extra_head}}</head>"
    )
    if family == "nukeviet":
        extra = '<meta name="generator" content="NukeViet v4.5"><link rel="stylesheet" href="/themes/default/css/style.css">'
        lead_html = (
            f'<div class="hometext m-bottom" itemprop="description">{lead}</div>'
            if lead
            else ""
        )
        page = (
            f'<body>{header}<div class="breadcrumbs-wrap"><ul class="breadcrumbs"><li><a href="/">Trang chủ</a></li>'
            f'<li><a href="/news/">{escape(story.section)}</a></li></ul></div>'
            '<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope>'
            f'<div class="panel-body"><h1 class="title margin-bottom-lg" itemprop="headline">{title}</h1>'
            f'<span class="hidden hide d-none" itemprop="datePublished">{meta_when:%Y-%m-%dT%H:%M:%S}+07:00</span>'
            '<div class="row margin-bottom-lg"><div class="col-md-12">'
            f'<span class="h5">{date_text}</span> &nbsp; <span class="h5">Lượt xem: {views}</span></div><div class="col-md-12"><ul class="list-inline text-right">'
            '<li><a class="dimgray" title="Gửi bài viết qua email" href="javascript:void(0);"><em class="fa fa-envelope fa-lg">&nbsp;</em></a></li>'
            '<li><a class="dimgray" rel="nofollow" title="In ra" href="javascript: void(0)"><em class="fa fa-print fa-lg">&nbsp;</em></a></li></ul></div></div>'
            f'<div class="clearfix">{lead_html}</div>'
            f'<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{body}</div>'
            "</div></div>"
            '<div class="news_column panel panel-default"><div class="panel-body"><div class="h5"><em class="fa fa-tags">&nbsp;</em><strong>Từ khóa: </strong><a href="/tag/xa"><em>xã Vĩnh Thủy</em></a></div></div></div>'
            f'<div class="news_column panel panel-default"><div class="panel-body">{related}</div></div>{FOOTER}</body></html>'
        )
    elif family == "liferay":
        extra = '<script src="/o/frontend-js-web/liferay/global.bundle.js"></script><script>Liferay.Portlet.ready(function(){});</script>'
        lead_html = f'<div class="sapo"><p>{lead}</p></div>' if lead else ""
        page = (
            f'<body class="portal-popup"><div id="wrapper">{header}'
            '<div class="portlet-boundary portlet-boundary_73_" id="p_p_id_73_INSTANCE_bread_"><ul class="breadcrumb">'
            f'<li><a href="/web/xavinhthuy">Trang chủ</a></li><li><a href="/web/xavinhthuy/tin-tuc">{escape(story.section)}</a></li></ul></div>'
            '<div class="portlet-boundary portlet-boundary_101_" id="p_p_id_101_INSTANCE_news_"><section class="portlet"><div class="portlet-content">'
            f'<div class="news-detail"><h2 class="title-news">{title}</h2>'
            f'<div class="date-news"><i class="fa fa-clock-o"></i> {date_text} | <span class="view-count">Số lượt xem: {views}</span></div>'
            f'{share}{lead_html}<div class="journal-content-article">{body}</div>'
            '<div class="tool-news"><a href="#" onclick="window.print()">In bài viết</a> <a href="#top">Về đầu trang</a></div>'
            f"{related}</div></div></section></div>{FOOTER}</div></body></html>"
        )
    elif family == "sharepoint":
        extra = '<link rel="stylesheet" href="/_layouts/15/1033/styles/Themable/corev15.css"><script>var _spPageContextInfo={webServerRelativeUrl:"/"};</script>'
        lead_html = (
            f'<div class="ArticleSapo"><div class="ms-rtestate-field">{lead}</div></div>'
            if lead
            else ""
        )
        page = (
            f'<body><form method="post" action="./chitiet.aspx?ItemID=15" id="aspnetForm"><div id="s4-workspace"><div id="s4-bodyContainer">{header}'
            f'<div class="ms-sitemapdirectional breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tintuc">{escape(story.section)}</a></div>'
            '<div id="ctl00_PlaceHolderMain_ctl00" class="ArticleDetail">'
            f'<div class="ArticleHeader"><h1 class="ArticleTitle">{title}</h1>'
            f'<div class="ArticleDate">{date_text}</div><div class="ArticleView">Lượt xem: {views:,}</div></div>'
            '<div class="ArticleTool"><a href="#">In trang</a> | <a href="#">Gửi email</a></div>'
            f'{lead_html}<div class="ArticleContent"><div class="ms-rtestate-field">{body}</div></div>'
            f'<div class="OtherNews">{related}</div></div></div></div>{FOOTER}</form></body></html>'
        ).replace(f"{views:,}", f"{views:,}".replace(",", "."))
    elif family == "aspnet":
        extra = '<script src="/WebResource.axd?d=abc" type="text/javascript"></script>'
        lead_html = (
            f'<span id="ctl00_ContentPlaceHolder1_ctl00_lblSummary" class="tomtat"><b>{lead}</b></span>'
            if lead
            else ""
        )
        page = (
            '<body><form name="aspnetForm" method="post" action="ChiTietTin.aspx?id=1093" id="aspnetForm">'
            '<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTM0MjUyODcxOA9kFgJmD2QWAgIDD2QWBAIBD2QWAmYPZBYC">'
            f'{header}<table width="100%"><tr><td class="left-col" width="200"><div class="box-menu"><div class="title-box">Tin mới</div>'
            f'<ul><li><a href="ChiTietTin.aspx?id=1">{escape(STORIES[0].title)}</a></li></ul></div></td><td valign="top">'
            f'<div class="duongdan"><a href="Default.aspx">Trang chủ</a> » <a href="DanhSachTin.aspx?cat=2">{escape(story.section)}</a></div>'
            f'<div class="chitiettin"><span id="ctl00_ContentPlaceHolder1_ctl00_lblTitle" class="tieude">{title}</span><br>'
            f'<span id="ctl00_ContentPlaceHolder1_ctl00_lblDate" class="ngaydang">{date_text}</span> '
            f'<span id="ctl00_ContentPlaceHolder1_ctl00_lblView" class="luotxem">({views} lượt xem)</span><br>'
            f'{lead_html}<div id="ctl00_ContentPlaceHolder1_ctl00_divContent" class="noidung">{body}</div>'
            '<div class="chucnang"><a href="javascript:window.print()">In trang</a> <a href="javascript:history.back()">Quay lại</a></div>'
            f'<div id="ctl00_ContentPlaceHolder1_ctl00_pnlOther" class="tinkhac">{related}</div></div></td></tr></table>{FOOTER}</form></body></html>'
        )
    elif family == "php_table":
        extra = ""
        # Paragraphs separated by <br><br>, a layout of nested tables and <font>.
        body_br = body.replace("<p>", "").replace("</p>", "<br><br>\n")
        lead_html = (
            f'<tr><td class="sapo_detail"><b>{lead}</b></td></tr>' if lead else ""
        )
        page = (
            '<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0"><table width="980" border="0" cellpadding="0" cellspacing="0" align="center">'
            f'<tr><td>{header}</td></tr><tr><td><table width="100%" cellpadding="4" cellspacing="0"><tr>'
            '<td width="190" valign="top" bgcolor="#EEF3FA"><font face="Arial" size="2"><b>DANH MỤC</b><br>'
            '<a href="index.php?mod=news&cat=1">Tin tức</a><br><a href="index.php?mod=news&cat=2">Thông báo</a></font></td>'
            '<td valign="top"><table width="100%" border="0" cellpadding="2" cellspacing="0">'
            f'<tr><td class="navpath"><a href="index.php">Trang chủ</a> &gt; <a href="index.php?mod=news&cat=1">{escape(story.section)}</a></td></tr>'
            f'<tr><td class="title_detail"><font face="Arial" size="3" color="#003399"><b>{title}</b></font></td></tr>'
            f'<tr><td class="date_detail"><font size="1" color="#666666">{date_text} &nbsp;|&nbsp; Đã xem: {views}</font></td></tr>'
            f'{lead_html}<tr><td class="content_detail"><font face="Arial" size="2">{body_br}</font></td></tr>'
            '<tr><td align="right"><a href="javascript:window.print()"><img src="/images/print.gif" border="0"> In bài</a></td></tr>'
            f"<tr><td>{related}</td></tr></table></td></tr></table></td></tr><tr><td>{FOOTER}</td></tr></table></body></html>"
        )
    else:  # wordpress
        extra = '<meta name="generator" content="WordPress 6.4.3"><link rel="stylesheet" href="/wp-content/themes/twentytwentyone/style.css">'
        lead_html = f'<p class="sapo"><strong>{lead}</strong></p>' if lead else ""
        page = (
            f'<body class="post-template-default single single-post">{header}'
            f'<nav class="breadcrumbs"><a href="/">Trang chủ</a> » <a href="/category/tin-tuc/">{escape(story.section)}</a></nav>'
            '<main id="main" class="site-main"><article id="post-1093" class="post-1093 post type-post status-publish">'
            f'<header class="entry-header"><h1 class="entry-title">{title}</h1>'
            f'<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{meta_when:%Y-%m-%dT%H:%M:%S}+07:00">{date_text}</time></span>'
            f' <span class="post-views-count">{views} lượt xem</span></div></header>'
            f'<div class="entry-content">{lead_html}{body}'
            '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Chia sẻ:</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">Zalo</a></li></ul></div>'
            f'<div id="jp-relatedposts" class="jp-relatedposts">{related}</div></div>'
            '<footer class="entry-footer"><span class="cat-links">Chuyên mục: <a href="/category/tin-tuc/">Tin tức</a></span></footer></article>'
            f'<nav class="navigation post-navigation"><a href="/bai-truoc/">Bài trước</a></nav></main>{FOOTER}</body></html>'
        )
    return html_head.replace("{extra_head}", extra) + page


def expected(story: Story, variant: Variant, family: str) -> dict:
    return {
        "family": family,
        "title": story.title,
        "date": story.date.strftime("%Y-%m-%dT%H:%M"),
        "lead": story.lead,
        "first_paragraph": story.paragraphs[0],
        "paragraphs": len(story.paragraphs) + (1 if story.attachment else 0),
        "signature": story.signature,
        "view_count": story.views,
        "captions": list(story.captions)
        if variant.caption_style != "none"
        else [""] * len(story.captions),
        "furniture": [
            "Lượt truy cập",
            "Trang chủ",
            "Các tin khác",
            "Tin liên quan",
            "Bài viết liên quan",
            STORIES[3].title if story is not STORIES[3] else STORIES[1].title,
            "In bài",
            "Gửi email",
            "Lượt xem",
            "lượt xem",
            "Chia sẻ",
            "Từ khóa",
            "Quay lại",
            "Về đầu trang",
        ],
    }


def encode_page(html: str, variant: Variant) -> bytes:
    if variant.cp1258:
        return to_1258(html.replace("{charset}", "windows-1258")).encode("cp1258")
    text = html.replace("{charset}", "utf-8")
    if variant.decomposed:
        text = unicodedata.normalize("NFD", text)
    data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if variant.bom else data


def variants_for(family_index: int) -> list[Variant]:
    """Four pages per family, each with different furniture and encodings."""
    base = family_index
    return [
        Variant(date_style=base, caption_style="figure", byline="plain"),
        Variant(
            date_style=base + 1,
            caption_style="table",
            byline="label",
            decomposed=True,
            generic_title=False,
            meta_date_wrong=True,
        ),
        Variant(date_style=base + 2, caption_style="next", byline="right", cp1258=True),
        Variant(
            date_style=base + 3,
            caption_style="figure",
            byline="source",
            bom=True,
            related=True,
        ),
    ]


def build_corpus(target: Path = CORPUS_DIR) -> int:
    count = 0
    for index, family in enumerate(FAMILIES):
        folder = target / family
        folder.mkdir(parents=True, exist_ok=True)
        for number, variant in enumerate(variants_for(index)):
            story = STORIES[(index * 4 + number) % len(STORIES)]
            slug = f"{family}-{number + 1}"
            html = render(family, story, variant, slug)
            (folder / f"{slug}.html").write_bytes(encode_page(html, variant))
            (folder / f"{slug}.json").write_text(
                json.dumps(
                    expected(story, variant, family), ensure_ascii=False, indent=1
                ),
                encoding="utf-8",
            )
            count += 1
    return count


def generated_page(number: int, rng: random.Random) -> tuple[str, bytes]:
    """A page for the benchmark: any family, any story, any variant."""
    family_index = number % len(FAMILIES)
    variant = rng.choice(variants_for(family_index))
    story = STORIES[rng.randrange(len(STORIES))]
    html = render(FAMILIES[family_index], story, variant, f"bench-{number}")
    return FAMILIES[family_index], encode_page(html, variant)


MIRROR_DIR = Path(__file__).resolve().parent / "mirror"
MIRROR_BASE = "http://legacy.example"
# A minimal valid PDF: the attachment of the notice.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def small_jpeg(seed: int) -> bytes:
    import io

    from PIL import Image, ImageDraw

    rng = random.Random(seed)  # noqa: S311 (pictures, not secrets)
    image = Image.new(
        "RGB", (320, 200), (rng.randint(60, 200), rng.randint(120, 220), 230)
    )
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 120, 320, 200], fill=(40, rng.randint(100, 180), 60))
    x = rng.randint(10, 250)
    draw.ellipse([x, 20, x + 50, 70], fill=(250, 220, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


LIST_PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Tin tức - Sự kiện - Cổng thông tin điện tử xã Vĩnh Thủy</title>
<meta name="generator" content="NukeViet v4.5"></head><body>{header}
<div class="news_column"><h2>Tin tức - Sự kiện</h2><ul class="list-news">{items}</ul>
<div class="pagination"><a href="/news/page-2">2</a></div></div>{footer}</body></html>"""


def build_mirror(target: Path = MIRROR_DIR) -> list[str]:
    """A saved NukeViet commune site, as `wget --mirror` leaves it."""
    folders = {"Thông báo": "thong-bao"}
    paths = []
    for number, story in enumerate(STORIES[:6]):
        slug = f"bai-viet-{number + 1}"
        folder = folders.get(story.section, "news")
        variant = Variant(
            date_style=number, caption_style=("figure", "table", "next")[number % 3],
            byline=("plain", "label", "right", "source")[number % 4],
            decomposed=number == 4, related=True,
        )  # fmt: skip
        html = render("nukeviet", story, variant, slug)
        page = target / folder / f"{slug}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes(encode_page(html, variant))
        paths.append(f"/{folder}/{slug}.html")
        for index in range(len(story.captions)):
            image = target / "uploads" / "news" / f"{slug}-{index}.jpg"
            image.parent.mkdir(parents=True, exist_ok=True)
            # Two articles share a picture: it is stored once.
            image.write_bytes(
                small_jpeg(
                    0 if number in {1, 3} and index == 0 else number * 10 + index
                )
            )
        if story.attachment:
            attachment = target / "uploads" / "files" / story.attachment
            attachment.parent.mkdir(parents=True, exist_ok=True)
            attachment.write_bytes(PDF_BYTES)
    items = "".join(
        f'<li><a href="{path}">{escape(STORIES[n].title)}</a> ({STORIES[n].date:%d/%m/%Y})</li>'
        for n, path in enumerate(paths)
    )
    (target / "news" / "index.html").write_text(
        LIST_PAGE.format(header=_header(Variant(), SITE), items=items, footer=FOOTER),
        encoding="utf-8",
    )
    (target / "robots.txt").write_text(
        f"User-agent: *\nDisallow: /admin/\nDisallow: /private/\nSitemap: {MIRROR_BASE}/sitemap.xml\n",
        encoding="utf-8",
    )
    urls = "".join(f"<url><loc>{MIRROR_BASE}{p}</loc></url>" for p in paths)
    (target / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n',
        encoding="utf-8",
    )
    items_rss = "".join(
        f"<item><title>{escape(STORIES[n].title)}</title><link>{MIRROR_BASE}{p}</link></item>"
        for n, p in enumerate(paths)
    )
    (target / "rss.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>Xã Vĩnh Thủy</title>{items_rss}</channel></rss>\n",
        encoding="utf-8",
    )
    return paths


if __name__ == "__main__":
    build_corpus()
    build_mirror()
