"""An article out of one old portal page: pure, from a string of HTML.

Imports nothing of Django, so it is fast to test and to run in bulk. The
profile (see `congxa/legacy/profiles.py`) says where each part sits on its
platform; general rules, the same for every platform, fill in what the profile
does not find and clean what it finds: the visible date near the headline
rather than the "today" date of the page header, captions from figures, tables
or the line under a picture, the signature at the end, the view count, and none
of the page furniture (menus, related news, counters, print and share buttons).

One module per part of the work, in the order a page goes through them:

- `text`: spaces, Unicode NFC, dates in local time;
- `model`: `Article`, `Block`, `NoArticle`;
- `tree`: parsing with lxml, dropping scripts and styles, walking the tree;
- `furniture`: what is page furniture, and removing it from the body;
- `page`: the page being read (its tree, its head, its furniture) and the box
  of the body;
- `fallback`: trafilatura's main text, for layouts the rules find nothing in;
- `headline`, `dates`, `view_count`, `breadcrumb`: the parts around the body;
- `flatten`: the body's tree as blocks (paragraphs, headings, lists, pictures);
- `pictures`: captions, and the article's own picture above the body;
- `byline`: the signature and the source;
- `attachments`: links to attached documents;
- `reader`: `extract_article`, the entry point that runs them all.
"""

from .fallback import generic_library_html
from .furniture import is_furniture_class
from .model import Article, Block, NoArticle
from .reader import extract_article
from .text import clean_text, text_of
from .tree import parse_html

__all__ = [
    "Article",
    "Block",
    "NoArticle",
    "clean_text",
    "extract_article",
    "generic_library_html",
    "is_furniture_class",
    "parse_html",
    "text_of",
]
