"""HTML reports: trafilatura for the article text and metadata, a stdlib parser as fallback."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from conflictlens.errors import ConflictLensError
from conflictlens.ingest.common import check_published, make_document
from conflictlens.model.records import Document

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
     "blockquote", "pre", "header", "ul", "ol", "table", "hr"}
)


class _TextParser(HTMLParser):
    """Collects visible text, one paragraph per block element, plus the <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip:
            self.parts.append(data)


def fallback_extract(html: str) -> tuple[str, str | None]:
    """Visible text and <title> via the standard library; tolerant of broken markup."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    text = "\n\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title_parts).split()) or None
    return text, title


def trafilatura_extract(html: str) -> dict[str, Any] | None:
    """Article text and metadata from trafilatura, or None when it finds nothing or is unusable."""
    try:
        import trafilatura  # only this stage needs it; an import failure falls back to stdlib
    except ImportError:
        return None
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # only dates the page declares; a date guessed from the article text would be wrong
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    # trafilatura and lxml raise assorted errors on hostile markup; the stdlib parser still copes
    except Exception:  # noqa: BLE001
        return None
    if result is None:
        return None
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return data if (data.get("text") or "").strip() else None


def _drop_leading_title(text: str, title: str | None) -> str:
    """trafilatura repeats the <h1> headline as the first line; keep it out of the body."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and first.strip() == title.strip():
        return rest
    return text


def parse_html_document(html: str, subject: str, *, source_path: str | None) -> Document | ConflictLensError:
    data = trafilatura_extract(html)
    if data is None:
        text, title = fallback_extract(html)
        return make_document(text, subject, title=title, source_path=source_path)
    published = check_published(data.get("date"), subject)
    if isinstance(published, ConflictLensError):
        published = None  # page metadata is advisory; a malformed meta date is not the user's input
    title = data.get("title")
    # one paragraph per line from trafilatura; blank-line separated like the text formats
    paragraphs = (line.strip() for line in _drop_leading_title(data["text"], title).split("\n"))
    return make_document(
        "\n\n".join(p for p in paragraphs if p),
        subject,
        published=published,
        url=data.get("url"),
        outlet=data.get("sitename"),
        title=title,
        source_path=source_path,
    )
