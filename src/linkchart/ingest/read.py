"""read: turn files into `Document`s, and say clearly why a file cannot be read.

Readers per kind: plain text and Markdown (encoding detected, line endings normalised),
HTML (main text extracted with trafilatura, lxml fallback, a streaming tag stripper for
pages nested too deep for lxml), PDF (pypdf, text per page, running headers and footers
left out) and JSON Lines (one article per line). Mojibake is undone in every kind.
Nothing here guesses silently: a file that cannot be read raises `ReadError` with its
path and a one-line reason, whatever went wrong inside; a file that can be read with
repairs (replaced bytes, a weak encoding guess, bad jsonl lines, PDF parser complaints)
carries them in `Document.warnings`. Every text a Document holds is valid UTF-8, its
source included. Untrusted HTML and PDF content is only parsed, never executed.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import hashlib
import json
import logging
import os
import re
import stat
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import ftfy
from ftfy.badness import is_bad

from linkchart import lexicon
from linkchart.ingest.charset import guess_legacy
from linkchart.ingest.charset import score as score_text
from linkchart.ingest.pages import without_running_lines
from linkchart.ingest.tagstrip import plain_text
from linkchart.models import Document

if TYPE_CHECKING:
    from lxml.etree import _Element
    from pypdf import PageObject, PdfReader

_DOCUMENTS = lexicon.documents()
SUPPORTED = frozenset(_DOCUMENTS.kinds)
MAX_BYTES = 50 * 1024 * 1024

_KINDS = _DOCUMENTS.kinds
_MB = 1024 * 1024

# C0 control bytes that do not occur in text (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_MAX_CONTROL_RATIO = 0.05
_MIN_GUESS_BYTES = 16  # fewer bytes than this say nothing about a code page (nor about being text)
_MAX_REPLACED_SHARE = 0.1  # of the visible characters; more invalid bytes than that is not text
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Non-ASCII characters a real single-byte legacy text is made of (besides letters).
_TYPOGRAPHIC = set("\u00a0«»°£€©®§¶·–—‘’‚“”„†‡•…‰‹›™¡¿×÷±½¼¾")
_ODD_NAME = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_CHAR = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATE_OR_NUL = re.compile("[\x00\ud800-\udfff]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_LETTERS = 4  # letters in words (runs of two or more) a document must hold
_WORD_PROBE = 10_000  # characters looked at for them
_MOJIBAKE_PIECE = 10_000  # ftfy is handed long lines in pieces of this size
_SHORT_TEXT = 1024  # a text shorter than this must hold no control character
_TINY_TEXT = 256  # a text shorter than this must also read like words, not noise
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # C0 controls but tab, breaks and ESC
_MIN_WORDY_SHARE = 0.65  # letters and whitespace in a tiny text (prose has 80 % and more)
_VALID_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class ReadError(Exception):
    """A file that cannot be read at all; `str(e)` is one line, "<path>: <reason>" (path as `display_path`)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = " ".join(reason.split())  # keep the message on one line
        super().__init__(f"{display_path(path)}: {self.reason}")


def display_path(path: str) -> str:
    """Return `path` as valid, one-line UTF-8: undecodable bytes and control characters escaped.

    A file name that is not UTF-8 reaches Python with its bytes as lone surrogates; they
    become '\\xNN' (as do C0/C1 control characters, '\\n' and '\\t' included), so the name
    can be stored, printed on one line and still told apart from its neighbours.
    """
    if _ODD_NAME.search(path) is None:
        return path
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        raw = path.encode("utf-8", "surrogatepass")
    shown = raw.decode("utf-8", "backslashreplace")
    return _CONTROL_CHAR.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), shown)


# --------------------------------------------------------------------------- listing


def iter_files(paths: list[str]) -> Iterator[tuple[str, str | None]]:
    """Yield (path, notice) for every file under the given files/folders, recursively, sorted.

    notice is None for a supported file, else a one-line reason it is skipped
    (e.g. 'unsupported file type .docx'); a path that does not exist yields a notice too.
    Hidden files and folders (name starting with '.') found while walking a folder are
    skipped silently; a file named explicitly is always yielded. Paths under a folder are
    yielded as `os.path.join(folder, ...)` and sorted; the given paths keep their order.
    """
    for given in paths:
        given = os.fspath(given)
        if os.path.isdir(given):
            yield from _walk(given)
        else:
            yield given, _notice(given)


def _walk(folder: str) -> Iterator[tuple[str, str | None]]:
    """Return (path, notice) pairs for the non-hidden files under `folder`, sorted by path."""
    found: list[tuple[str, str | None]] = []

    def on_error(err: OSError) -> None:
        found.append((err.filename or folder, f"cannot list folder: {err.strerror or err}"))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            found.append((path, _notice(path)))
    yield from sorted(found, key=lambda item: item[0])


def _notice(path: str) -> str | None:
    """Return why `path` is skipped, or None when it is a supported, existing file."""
    if not os.path.exists(path):
        if not os.path.lexists(path):
            return "does not exist"
        return "symbolic link loop" if _link_loop(path) else "broken symbolic link"
    ext = Path(path).suffix.lower()
    if ext in SUPPORTED:
        return None
    return f"unsupported file type {ext}" if ext else "unsupported file type (no extension)"


def _link_loop(path: str) -> bool:
    """Return True when following the symbolic link `path` goes round in a loop."""
    try:
        os.stat(path)
    except OSError as err:
        return err.errno == errno.ELOOP
    return False


# --------------------------------------------------------------------------- reading


def read_file(path: str) -> list[Document]:
    """Return the Documents in one file (one for txt/md/html/pdf; one per valid line for jsonl).

    `Document.source` is `path` as given, escaped by `display_path` when it is not valid
    one-line UTF-8 (jsonl: "<path>#L<lineno>"); `sha256` hashes the raw bytes (jsonl: the
    line's bytes). For HTML and PDF, `Document.text` is the text the reader extracted, and
    that text is the "original" every later offset refers to. Every text field is valid
    UTF-8: lone surrogates and NUL characters are replaced by U+FFFD, with a warning.
    Raise ReadError for a file that cannot be read at all, whatever went wrong inside.
    """
    path = os.fspath(path)
    _check_supported(path)
    return read_raw(path, load_bytes(path))


def read_raw(path: str, raw: bytes) -> list[Document]:
    """Return the Documents of a file's raw bytes `raw`, read as `read_file` reads the file at `path`.

    For a reader that gets the bytes from elsewhere (a distributed worker is handed them):
    raises ReadError as `read_file` does, except for reasons found while loading the bytes.
    """
    shown = display_path(path)
    ext = _check_supported(path)
    if not raw.strip():
        raise ReadError(path, "empty file")
    kind = _KINDS[ext]
    try:
        docs = _READERS[kind](shown, raw)
        for doc in docs:
            _make_valid_text(doc)
            if kind != "pdf":  # the PDF reader repairs page by page, keeping page_starts right
                _repair_mojibake(doc)
    except ReadError:
        raise
    except Exception as err:  # a parser's or our own unexpected failure is this file's error, not the batch's
        raise ReadError(path, f"unexpected error while reading: {type(err).__name__}: {_short(err)}") from err
    if kind != "jsonl":
        _check_reads_as_text(path, docs[0].text)
    if shown != path:
        docs[0].warnings.insert(0, f"{shown}: file name is not valid UTF-8 or holds control characters; shown escaped")
    return docs


def _check_reads_as_text(path: str, text: str) -> None:
    """Raise ReadError when a document's text has next to no words, or is short and reads like noise.

    Random bytes of a few dozen bytes can pass every decoding check. A short text holding
    a control character is not prose; a tiny one is also judged by its share of letters
    and spaces and by where its non-ASCII characters sit.
    """
    letters = sum(len(w) for w in _WORD.findall(text[:_WORD_PROBE]))
    if letters < _MIN_LETTERS:
        raise ReadError(path, f"no text to read (only {letters} letters in words; binary data or a stub)")
    if len(text) >= _SHORT_TEXT:
        return
    noise = _CONTROL_IN_TEXT.search(text) is not None
    if not noise and len(text) < _TINY_TEXT:
        wordy = sum(1 for ch in text if ch.isalpha() or ch.isspace())
        _soft, hard, scored = score_text(text, _TYPOGRAPHIC)
        noise = wordy < _MIN_WORDY_SHARE * len(text) or (hard >= 1 and hard >= 0.25 * scored)
    if noise:
        raise ReadError(path, f"binary content, not text ({len(text)} characters that do not read as words)")


def _repair_mojibake(doc: Document) -> None:
    """Undo double decoding ('Hezbollahâ€™s' for 'Hezbollah’s') in `doc`'s text and title, with a warning.

    Mojibake is a decoding error made before the file reached us, so it is repaired here,
    in the text every offset refers to: evidence quoted from it reads right.
    """
    doc.text, lines = fix_mojibake(doc.text)
    if lines:
        doc.warnings.append(f"{doc.source}: mojibake repaired on {lines} line{'s' if lines > 1 else ''} "
                            "(text that had been decoded twice, e.g. 'â€™' for '’')")
    if doc.title:
        doc.title = fix_mojibake(doc.title)[0]


def fix_mojibake(text: str) -> tuple[str, int]:
    """Return `text` with ftfy's encoding repair applied to each line that shows mojibake, and how many changed."""
    if text.isascii():
        return text, 0
    lines = text.split("\n")
    changed = 0
    for k, line in enumerate(lines):
        if line.isascii() or not is_bad(line):
            continue
        fixed = "".join(ftfy.fix_encoding(piece) for piece in _pieces(line, _MOJIBAKE_PIECE))
        if fixed != line:
            lines[k] = fixed
            changed += 1
    return ("\n".join(lines), changed) if changed else (text, 0)


def _pieces(line: str, size: int) -> Iterator[str]:
    """Yield `line` in pieces of about `size` characters cut after a space (mojibake holds no ASCII space)."""
    start = 0
    while len(line) - start > size:
        cut = line.rfind(" ", start, start + size)
        cut = start + size if cut <= start else cut + 1
        yield line[start:cut]
        start = cut
    yield line[start:]


def _make_valid_text(doc: Document) -> None:
    """Replace lone surrogates and NUL characters in `doc`'s text fields by U+FFFD, warning about the text."""
    count = len(_SURROGATE_OR_NUL.findall(doc.text))
    if count:
        doc.text = _SURROGATE_OR_NUL.sub("\ufffd", doc.text)
        doc.warnings.append(f"{doc.source}: {count} lone surrogate or NUL characters replaced by U+FFFD")
    for name in ("title", "date", "url", "outlet", "encoding"):
        value = getattr(doc, name)
        if value is not None and _SURROGATE_OR_NUL.search(value):
            setattr(doc, name, _SURROGATE_OR_NUL.sub("\ufffd", value))


def content_hashes(path: str, raw: bytes) -> list[tuple[str, str]]:
    """Return (source, sha256) of every document the file's bytes `raw` may hold, as `read_file` would name
    and hash them: the whole file, or for jsonl each non-blank line (a line that proves invalid holds none).

    For telling, without reading, whether a file's content is already stored.
    """
    shown = display_path(path)
    if _KINDS.get(Path(path).suffix.lower()) != "jsonl":
        return [(shown, _sha256(raw))]
    return [(f"{shown}#L{lineno}", _sha256(line)) for lineno, line in enumerate(raw.split(b"\n"), 1) if line.strip()]


def _check_supported(path: str) -> str:
    """Return the lower-case extension of `path`; raise ReadError when it is not a supported kind."""
    ext = Path(path).suffix.lower()
    if ext not in SUPPORTED:
        raise ReadError(path, f"unsupported file type {ext}" if ext else "unsupported file type")
    return ext


def load_bytes(path: str) -> bytes:
    """Return the raw bytes of `path`, refusing non-regular and too-large files before reading (ReadError)."""
    try:
        info = os.stat(path)
    except OSError as err:
        raise ReadError(path, _os_reason(err)) from err
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        # FIFOs and devices could block or never end; refuse them before opening.
        raise ReadError(path, "not a regular file")
    if info.st_size > MAX_BYTES:
        raise ReadError(path, _too_large(info.st_size))
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # the file may have grown since stat
    except OSError as err:
        raise ReadError(path, _os_reason(err)) from err
    if len(raw) > MAX_BYTES:
        raise ReadError(path, _too_large(len(raw)))
    return raw


def _os_reason(err: OSError) -> str:
    """Return the operating system's reason for `err` without repeating the path."""
    return err.strerror or str(err)


def _too_large(size: int) -> str:
    """Return the reason for refusing a file of `size` bytes."""
    mb = size / _MB
    shown = f"{mb:.0f}" if round(mb) > MAX_BYTES // _MB else f"{mb:.1f}"
    return f"file too large ({shown} MB > {MAX_BYTES // _MB} MB)"


def _sha256(raw: bytes) -> str:
    """Return the hex SHA-256 of `raw`."""
    return hashlib.sha256(raw).hexdigest()


# --------------------------------------------------------------------------- decoding


def _check_not_binary(path: str, raw: bytes) -> None:
    """Raise ReadError when `raw` looks like binary data rather than text."""
    encoding = _bom_encoding(raw) or _utf16_without_bom(raw)
    if encoding and encoding.startswith(("utf-16", "utf-32")):
        return  # NUL bytes are part of these encodings
    if b"\x00" in raw:
        raise ReadError(path, "binary content, not text")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(raw):
        raise ReadError(path, "binary content, not text")


def _bom_encoding(raw: bytes) -> str | None:
    """Return the codec named by a byte-order mark at the start of `raw`, if any."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """Return 'utf-16-le'/'utf-16-be' when `raw` looks like UTF-16 text without a byte-order mark.

    Mostly-ASCII UTF-16 has a NUL in every other byte. Text in one other script (Arabic,
    Cyrillic) has that script's block there instead, and NULs for its spaces and
    punctuation: either way one byte of each pair takes very few values.
    """
    sample = raw[:4096]
    sample = sample[: len(sample) - len(sample) % 2]  # a truncated file may end on half a character
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    orders = (("utf-16-le", sample[1::2], sample[0::2]), ("utf-16-be", sample[0::2], sample[1::2]))
    for encoding, high, low in orders:
        if high.count(0) > 0.9 * half and low.count(0) < 0.1 * half:
            return encoding
    for encoding, high, low in orders:
        top = Counter(high).most_common(2)
        if (
            half >= 16
            and 0 in dict(top)
            and sum(n for _, n in top) > 0.95 * half
            and low.count(0) < 0.05 * half
            and len(set(low)) >= 8
            and _decodes(sample, encoding)
        ):
            return encoding
    return None


def _decodes(raw: bytes, encoding: str) -> bool:
    """Return True when `raw` decodes strictly in `encoding`."""
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _decode(path: str, raw: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings) for text bytes, with \\r\\n normalised to \\n.

    Order: byte-order mark, strict UTF-8, a declared charset (HTML meta), charset-normalizer
    when it is confident, and last UTF-8 with replacement characters plus a warning.
    """
    text, encoding, warnings = _decode_raw(path, raw, declared)
    return text.replace("\r\n", "\n"), encoding, warnings


def _decode_raw(path: str, raw: bytes, declared: str | None) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings) for `raw` before line-ending normalisation."""
    encoding = _bom_encoding(raw) or _utf16_without_bom(raw)
    candidates = [encoding] if encoding else ["utf-8"]
    if declared and not encoding:
        candidates.append(declared)
    for candidate in candidates:
        try:
            return raw.decode(candidate), candidate, []
        except (UnicodeDecodeError, LookupError):
            continue
    replaced = raw.decode(encoding or "utf-8", errors="replace")
    if not encoding and len(raw) >= _MIN_GUESS_BYTES and not _mostly_utf8(replaced):
        guess = guess_legacy(raw, _TYPOGRAPHIC)
        if guess:
            weak = [f"{path}: encoding guessed as {guess.encoding}; weak guess: {guess.weak}"] if guess.weak else []
            return guess.text, guess.encoding, weak
    base = "utf-8" if encoding in (None, "utf-8-sig") else encoding
    genuine = raw.decode(encoding or "utf-8", errors="ignore").count("\ufffd")  # U+FFFD in the file itself
    count = replaced.count("\ufffd") - genuine
    if count >= 2 and count > _MAX_REPLACED_SHARE * len("".join(replaced.split())):
        raise ReadError(path, f"binary content, not text ({count} invalid {base.upper()} sequences in "
                              f"{len(raw)} bytes, and no legacy encoding reads it)")
    warning = f"{path}: invalid {base.upper()} bytes replaced ({count})"
    return replaced, encoding or "utf-8", [warning]


def _mostly_utf8(replaced: str) -> bool:
    """Return True when a UTF-8 decode produced real non-ASCII characters, not (almost) only U+FFFD.

    Valid multi-byte UTF-8 sequences rarely occur by chance in legacy text, and then only
    a few among many invalid bytes (Shift-JIS); one for every four invalid bytes or more
    means the file is UTF-8 with some damaged bytes.
    """
    valid = len(_VALID_NON_ASCII.findall(replaced))
    return valid > 0 and 4 * valid >= replaced.count("\ufffd")


def _declared_charset(raw: bytes) -> str | None:
    """Return the charset an HTML page declares in a <meta> tag near its start, if any."""
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# --------------------------------------------------------------------------- text / md


def _read_text(path: str, raw: bytes, kind: str) -> list[Document]:
    """Return the one Document of a plain-text or Markdown file."""
    _check_not_binary(path, raw)
    text, encoding, warnings = _decode(path, raw)
    if not text.strip():
        raise ReadError(path, "empty file")
    doc = Document(source=path, text=text, sha256=_sha256(raw), kind=kind, encoding=encoding)
    doc.warnings.extend(warnings)
    return [doc]


# --------------------------------------------------------------------------- html

# Block elements of trafilatura's XML body; each becomes its own paragraph.
_LXML_MAX_DEPTH = 256
_TRAF_BLOCKS = _DOCUMENTS.trafilatura_blocks
_DROP_HTML = _DOCUMENTS.dropped_elements
_HTML_BLOCKS = _DOCUMENTS.html_blocks


def _read_html(path: str, raw: bytes) -> list[Document]:
    """Return the one Document of an HTML page: its main text plus title, date, url, outlet.

    Paragraphs of the extracted text are separated by a blank line; that extracted text is
    the document's original text for all offsets.
    """
    _check_not_binary(path, raw)
    html, encoding, warnings = _decode(path, raw, _declared_charset(raw))
    if _nested_too_deep(html):
        # lxml, and trafilatura with it, silently drop everything below 256 nested elements.
        meta = _metadata_only(html, {"title": None, "date": None, "url": None, "outlet": None})
        text = plain_text(html, drop=(*_DROP_HTML, "head"), blocks=_HTML_BLOCKS)
        warnings.append(f"{path}: HTML nested deeper than {_LXML_MAX_DEPTH} elements; read with a plain tag "
                        "stripper instead of main-text extraction (page furniture may be included)")
    else:
        text, meta = _trafilatura_text(html)
    if not text:
        text = _lxml_text(html)
        if text:
            warnings.append(f"{path}: main-text extraction found nothing; used all visible text")
    if not text:
        raise ReadError(path, "no readable text in HTML")
    doc = Document(source=path, text=text, sha256=_sha256(raw), kind="html", encoding=encoding, **meta)
    doc.warnings.extend(warnings)
    return [doc]


def _nested_too_deep(html: str) -> bool:
    """Return True when lxml hits its nesting limit on `html` (and would lose the text below it)."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True)
    try:
        lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):
        return False
    return any(err.type_name == "ERR_RESOURCE_LIMIT" for err in parser.error_log)


def _trafilatura_text(html: str) -> tuple[str, dict[str, str | None]]:
    """Return (main text, metadata fields for Document) as extracted by trafilatura."""
    import trafilatura

    meta: dict[str, str | None] = {"title": None, "date": None, "url": None, "outlet": None}
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception:  # a parser failure means "use the fallback", not a crash
        result = None
    if result is None:
        return "", _metadata_only(html, meta)
    meta.update(title=result.title, date=result.date, url=result.url, outlet=result.sitename)
    body = getattr(result, "body", None)
    text = "\n\n".join(_traf_blocks(body)) if body is not None else ""
    return text or (result.text or "").strip(), meta


def _metadata_only(html: str, meta: dict[str, str | None]) -> dict[str, str | None]:
    """Return `meta` filled from trafilatura's metadata extractor (used when no main text)."""
    from trafilatura import extract_metadata
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        found = extract_metadata(tree) if tree is not None else None
    except Exception:  # metadata is optional; never fail the file over it
        found = None
    if found is not None:
        meta.update(title=found.title, date=found.date, url=found.url, outlet=found.sitename)
    return meta


def _traf_blocks(el: _Element) -> list[str]:
    """Return the paragraphs of a trafilatura XML element, one string per block element."""
    if not any(child.tag in _TRAF_BLOCKS for child in el):
        return _nonblank([_inline_text(el)])
    # A container: its own loose text and each child's tail are paragraphs of their own.
    blocks = _nonblank([el.text])
    for child in el:
        blocks += _traf_blocks(child) if child.tag in _TRAF_BLOCKS else _nonblank([_inline_text(child)])
        blocks += _nonblank([child.tail])
    return blocks


def _nonblank(texts: list[str | None]) -> list[str]:
    """Return the stripped texts that are not empty."""
    return [t.strip() for t in texts if t and t.strip()]


def _inline_text(el: _Element) -> str:
    """Return the text inside `el` (not its tail), with <lb/> as a line break."""
    parts = ["\n" if el.tag == "lb" else (el.text or "")]
    for child in el:
        parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lxml_text(html: str) -> str:
    """Return the body's visible text minus script/style/nav/footer, paragraphs split by blank lines."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    body = root.find("body")
    body = body if body is not None else root
    for el in list(body.iter(*_DROP_HTML)):
        el.drop_tree()
    for el in body.iter(*_HTML_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
        el.text = "\n\n" + (el.text or "")
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", body.text_content()))
    return "\n\n".join(p for p in paragraphs if p)


# --------------------------------------------------------------------------- pdf


def _read_pdf(path: str, raw: bytes) -> list[Document]:
    """Return the one Document of a PDF: page texts (running headers and footers left out) joined by a blank line."""
    with _pdf_log(path) as log:
        reader = _open_pdf(path, raw, log)
        try:
            _unlock(path, reader)
            pages = list(reader.pages)
        except ReadError:
            raise
        except Exception as err:  # pypdf raises many types on broken files; all mean "corrupt"
            raise ReadError(path, f"corrupt PDF: {_pdf_failure(err)}") from err
        if not pages:
            raise ReadError(path, "corrupt PDF: no pages")
        texts: list[str] = []
        failures: list[str] = []
        repaired = 0
        for number, page in enumerate(pages, 1):
            text, failure = _page_text(page)
            text, lines = fix_mojibake(text)
            repaired += lines
            texts.append(text)
            if failure:
                failures.append(failure)
                log.note(f"{path}: page {number}: text extraction failed ({failure})")
        title, date = _pdf_metadata(reader)
    texts, _dropped = without_running_lines(texts)
    if not any(t.strip() for t in texts):
        pages_n = f"{len(texts)} page" + ("" if len(texts) == 1 else "s")
        if failures:
            raise ReadError(path, f"no text extracted: extraction failed on {len(failures)} of {pages_n} "
                                  f"({failures[0]})")
        raise ReadError(path, f"scanned PDF with no text layer ({pages_n}); run OCR first")
    starts, offset = [], 0
    for t in texts:
        starts.append(offset)
        offset += len(t) + 2
    doc = Document(source=path, text="\n\n".join(texts), sha256=_sha256(raw), kind="pdf", title=title, date=date)
    doc.page_starts = starts
    doc.warnings.extend(log.lines())
    if repaired:
        doc.warnings.append(f"{path}: mojibake repaired on {repaired} line{'s' if repaired > 1 else ''}")
    return [doc]


def _open_pdf(path: str, raw: bytes, log: _PdfLog) -> PdfReader:
    """Return a PdfReader on `raw`, rebuilding a damaged end of file (a truncated trailer) when pypdf can."""
    from pypdf import PdfReader

    try:
        return PdfReader(BytesIO(raw), strict=False)
    except Exception as err:  # pypdf raises many types on broken files; all mean "corrupt"
        first = err
    for patched in _trailer_patches(raw):
        try:
            reader = PdfReader(BytesIO(patched), strict=False)
            if len(reader.pages):
                log.note(f"{path}: damaged PDF (its end is missing or broken, e.g. a truncated file); "
                         "read after rebuilding its cross-reference table")
                return reader
        except Exception:  # this repair did not work; try the next or report the first error
            continue
    raise ReadError(path, f"corrupt PDF: {_pdf_failure(first)}") from first


_PDF_CATALOG = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*<<\s*/Type\s*/Catalog\b")


def _trailer_patches(raw: bytes) -> Iterator[bytes]:
    """Yield `raw` with a fresh end of file appended: a bare one, then one naming the catalog object.

    A start-of-xref offset of 0 is wrong on purpose: pypdf (not strict) then rebuilds the
    cross-reference table by scanning the file for objects.
    """
    yield raw + b"\nstartxref\n0\n%%EOF\n"
    catalog = _PDF_CATALOG.search(raw)
    if catalog:
        number, generation = catalog.group(1).decode(), catalog.group(2).decode()
        yield raw + f"\ntrailer\n<< /Root {number} {generation} R >>\nstartxref\n0\n%%EOF\n".encode()


def _pdf_failure(err: BaseException) -> str:
    """Return a one-line reason for a pypdf exception, saying plainly when a safety limit was hit."""
    from pypdf.errors import LimitReachedError

    if isinstance(err, LimitReachedError):
        return "a compressed stream expands past pypdf's safety limit: a decompression bomb or an oversized page"
    return _short(err)


def _unlock(path: str, reader: PdfReader) -> None:
    """Open an encrypted PDF with the empty password, or raise ReadError."""
    if not reader.is_encrypted:
        return
    try:
        ok = reader.decrypt("")
    except Exception as err:  # e.g. a missing crypto library for AES
        raise ReadError(path, f"encrypted PDF: {_short(err)}") from err
    if not ok:
        raise ReadError(path, "encrypted PDF (password required)")


def _page_text(page: PageObject) -> tuple[str, str | None]:
    """Return (text, None) for one PDF page, or ('', why extraction failed)."""
    try:
        text = page.extract_text() or ""
    except Exception as err:  # one bad page must not lose the others
        return "", _pdf_failure(err)
    return text.replace("\r\n", "\n"), None


def _pdf_metadata(reader: PdfReader) -> tuple[str | None, str | None]:
    """Return (title, ISO creation date) from the PDF's document information, None if absent."""
    try:
        info = reader.metadata
        title = info.get("/Title") if info else None
        created = info.get("/CreationDate") if info else None
    except Exception:  # metadata is optional; a broken /Info is not a broken PDF
        return None, None
    title = " ".join(str(title).split()) if title else None
    return title or None, _pdf_date(str(created)) if created else None


def _pdf_date(value: str) -> str | None:
    """Return 'YYYY-MM-DD' from a PDF date string ('D:20210314093000+01'00''), or None."""
    match = re.match(r"\s*(?:D:)?(\d{4})(\d{2})(\d{2})", value)
    if not match:
        return None
    try:
        day = dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
    # A date before PDF existed or after today is a broken clock, not a publication date.
    if day.year < 1993 or day > dt.date.today() + dt.timedelta(days=1):
        return None
    return day.isoformat()


class _PdfLog(logging.Handler):
    """pypdf's log warnings from one thread, repeats folded: 'message (and 5502 more like it)'.

    Messages that differ only in their numbers ('Ignoring wrong pointing object 12 0')
    are one kind; at most `_MAX_PDF_WARNING_KINDS` kinds are kept, the rest counted.
    """

    def __init__(self, path: str) -> None:
        super().__init__(level=logging.WARNING)
        self.path = path
        self.thread = threading.get_ident()
        self.kinds: dict[str, list] = {}  # kind -> [first message, count]
        self.dropped = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.note(f"{self.path}: pdf: {record.getMessage()}")

    def note(self, message: str) -> None:
        """Record one warning line."""
        kind = _NUMBER.sub("#", message)
        if kind in self.kinds:
            self.kinds[kind][1] += 1
        elif len(self.kinds) < _MAX_PDF_WARNING_KINDS:
            self.kinds[kind] = [message, 1]
        else:
            self.dropped += 1

    def lines(self) -> list[str]:
        """Return one warning line per kind, with its repeat count, and a last line for kinds left out."""
        out = [m if n == 1 else f"{m} (and {n - 1} more like it)" for m, n in self.kinds.values()]
        if self.dropped:
            out.append(f"{self.path}: pdf: {self.dropped} more parser warnings of other kinds")
        return out


_NUMBER = re.compile(r"\d+")
_MAX_PDF_WARNING_KINDS = 20


@contextmanager
def _pdf_log(path: str) -> Iterator[_PdfLog]:
    """Collect pypdf's log warnings from this thread while the block runs."""
    handler = _PdfLog(path)
    logger = logging.getLogger("pypdf")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def _short(err: BaseException) -> str:
    """Return a short one-line description of an exception."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."


# --------------------------------------------------------------------------- jsonl


def _read_jsonl(path: str, raw: bytes) -> list[Document]:
    """Return one Document per valid line; bad-line warnings go on the first good Document."""
    _check_not_binary(path, raw)
    docs: list[Document] = []
    warnings: list[str] = []
    for lineno, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            doc = _jsonl_line(path, lineno, line, warnings)
        except Exception as err:  # one bad line must not cost the rest of the file
            warnings.append(f"{path}:{lineno}: {_line_failure(err)}")
            continue
        if doc is not None:
            docs.append(doc)
    if not docs:
        first = f"; first: {warnings[0].removeprefix(path + ':')}" if warnings else ""
        raise ReadError(path, f"no valid lines ({len(warnings)} bad){first}")
    docs[0].warnings = warnings + docs[0].warnings
    return docs


def _jsonl_line(path: str, lineno: int, line: bytes, warnings: list[str]) -> Document | None:
    """Return the Document of one jsonl line, or None after appending a warning for a bad line."""
    where = f"{path}:{lineno}"
    data = line.rstrip(b"\r")
    text = data.decode("utf-8-sig" if lineno == 1 else "utf-8", errors="replace")
    if "\ufffd" in text and "\ufffd".encode() not in data:
        warnings.append(f"{where}: invalid UTF-8 bytes replaced ({text.count(chr(0xFFFD))})")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        warnings.append(f"{where}: not JSON ({err.msg} at column {err.colno})")
        return None
    if not isinstance(obj, dict):
        warnings.append(f"{where}: not a JSON object")
        return None
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        problem = "missing 'text'" if body is None else "'text' is empty or not a string"
        warnings.append(f"{where}: {problem}")
        return None
    date, date_warning = _iso_date(obj.get("date"))
    if date_warning:
        warnings.append(f"{where}: {date_warning}")
    return Document(
        source=f"{path}#L{lineno}",
        text=body.replace("\r\n", "\n"),
        sha256=_sha256(line),
        kind="jsonl",
        title=_str_field(obj.get("title")),
        date=date,
        url=_str_field(obj.get("url")),
        outlet=_str_field(obj.get("source")),
        encoding="utf-8",
    )


def _line_failure(err: Exception) -> str:
    """Return why a jsonl line could not be read, for an exception the JSON parser or reader raised."""
    if isinstance(err, RecursionError):
        return "not read (JSON nested too deeply)"
    if isinstance(err, ValueError) and "digits" in str(err):
        return "not read (a JSON number has too many digits)"
    return f"not read ({type(err).__name__}: {_short(err)})"


def _str_field(value: object) -> str | None:
    """Return a stripped non-empty string, or None for anything else."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T ]\d)")


def _iso_date(value: object) -> tuple[str | None, str | None]:
    """Return (ISO date or None, warning or None) for a feed's date field.

    ISO 8601 values keep their precision ('2021', '2021-03', '2021-03-14'; a time is
    dropped). Other forms are parsed only when unambiguous: '14 March 2021' is read,
    '03/04/2021' (day or month first?) is refused with a warning rather than guessed.
    """
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        return None, f"date {value!r} ignored (not a string)"
    match = _ISO_DATE.match(value.strip())
    if match:
        year, month, day = match.groups()
        try:
            dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None, f"date {value!r} ignored (not a calendar date)"
        return "-".join(g for g in (year, month, day) if g), None
    parsed = _parse_loose_date(value)
    if parsed is None:
        return None, f"date {value!r} ignored (ambiguous or not a date)"
    return parsed, None


def _parse_loose_date(value: str) -> str | None:
    """Return an ISO date for a non-ISO date string when every reading agrees, else None."""
    from dateutil import parser

    # Parse against two different defaults: a field that changes with the default was
    # not in the string, so the result keeps only the precision the string really has.
    defaults = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))
    readings = set()
    for dayfirst in (False, True):
        try:
            a, b = (parser.parse(value, default=d, dayfirst=dayfirst) for d in defaults)
        except (ValueError, OverflowError):
            return None
        if a.year != b.year:
            return None
        iso = f"{a.year:04d}" + (f"-{a.month:02d}" if a.month == b.month else "")
        if a.month == b.month and a.day == b.day:
            iso += f"-{a.day:02d}"
        readings.add(iso)
    return readings.pop() if len(readings) == 1 else None


_READERS: dict[str, Callable[[str, bytes], list[Document]]] = {
    "txt": lambda path, raw: _read_text(path, raw, "txt"),
    "md": lambda path, raw: _read_text(path, raw, "md"),
    "html": _read_html,
    "pdf": _read_pdf,
    "jsonl": _read_jsonl,
}
