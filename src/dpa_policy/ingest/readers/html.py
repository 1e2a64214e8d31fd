"""HTML -> blocks of visible text, with the standard library's tokenizer.

``html.parser`` never fetches anything, knows no DTD (so no entity can expand beyond one
character reference), and is not recursive; the block list below is flat. Script, style,
template and other non-visible elements are dropped unread, and nothing in the page is
executed. Nesting deeper than :data:`HTML_MAX_DEPTH` is not tracked further (text still
counts as visible), so a ten-thousand-deep ``<div>`` tower costs only its bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..document import SourceError, clean
from ..limits import HTML_MAX_DEPTH, MAX_TEXT_CHARS

_HIDDEN = {"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "head",
           "select", "textarea", "button"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary", "th", "caption"}
_BLOCKS = _HEADINGS | {"p", "div", "li", "td", "tr", "section", "article", "br", "dd", "table", "ul", "ol",
                       "header", "footer", "main", "nav", "aside", "details", "blockquote", "pre", "hr"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source", "wbr", "track", "param"}


@dataclass
class Block:
    """One run of visible text: a heading, a paragraph or a list item, with the links in it."""

    kind: str  # "heading", "item" (list item) or "text"
    text: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (visible words, href)


@dataclass
class HtmlPage:
    title: str
    blocks: list[Block]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.stack: list[str] = []
        self.hidden_depth = 0
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.kind = "text"
        self.href: str | None = None
        self.link_words: list[str] = []
        self.title_parts: list[str] = []
        self.in_title = False
        self.chars = 0

    def flush(self) -> None:
        text = clean(" ".join(self.parts))
        if text:
            self.blocks.append(Block(self.kind, text, self.links))
        self.parts, self.links, self.kind = [], [], "text"

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in _HIDDEN:
            if tag not in _VOID:
                self.hidden_depth += 1
            return
        if tag in _BLOCKS:
            self.flush()
            if tag in _HEADINGS:
                self.kind = "heading"
            elif tag == "li":
                self.kind = "item"
        if tag == "a":
            self.href = dict(attrs).get("href") or ""
            self.link_words = []
        if tag not in _VOID and len(self.stack) < HTML_MAX_DEPTH:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN:
            self.hidden_depth = max(0, self.hidden_depth - 1)
            return
        if tag == "a" and self.href is not None:
            words = clean(" ".join(self.link_words))
            if self.href.startswith(("http://", "https://")):
                self.links.append((words, self.href.strip()))
            self.href = None
        if tag in _BLOCKS:
            self.flush()
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.chars += len(data)
        if self.chars > MAX_TEXT_CHARS:
            raise SourceError(f"more than {MAX_TEXT_CHARS:,} characters of text; not a page this tool reads")
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.hidden_depth:
            return
        self.parts.append(data)
        if self.href is not None:
            self.link_words.append(data)


def read_html(data: bytes) -> HtmlPage:
    from .text import decode

    collector = _Collector()
    try:
        collector.feed(decode(data))
        collector.close()
    except SourceError:
        raise
    except (AssertionError, ValueError) as exc:  # html.parser's own complaints on broken markup
        raise SourceError(f"not readable HTML ({str(exc)[:120]})") from None
    collector.flush()
    return HtmlPage(clean(" ".join(collector.title_parts)), collector.blocks)
