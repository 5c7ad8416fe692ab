"""Tests for linkchart.ingest.read: one reader per file kind, and every way a file can fail."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
from pathlib import Path

import pytest
from fpdf import FPDF

from linkchart.ingest.read import MAX_BYTES, SUPPORTED, ReadError, display_path, iter_files, read_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "read"
CORPUS = Path("/work/shared/corpus")


def _text_pdf(path: Path, pages: list[str], title: str | None = None) -> bytes:
    """Write a PDF with one text page per item of `pages`; return its bytes."""
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    data = bytes(pdf.output())
    path.write_bytes(data)
    return data


def _reason(path: Path) -> str:
    """Return the reason of the ReadError that reading `path` raises."""
    with pytest.raises(ReadError) as info:
        read_file(str(path))
    assert str(info.value) == f"{path}: {info.value.reason}"
    assert "\n" not in str(info.value)
    return info.value.reason


# --------------------------------------------------------------------------- text


def test_txt_keeps_text_and_normalises_crlf(tmp_path: Path) -> None:
    raw = b"Line one\r\nLine  two\ttabbed\r\n\r\nLast line"
    path = tmp_path / "note.txt"
    path.write_bytes(raw)
    [doc] = read_file(str(path))
    assert doc.text == "Line one\nLine  two\ttabbed\n\nLast line"
    assert doc.source == str(path)
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.kind == "txt"
    assert doc.warnings == []


def test_md_with_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_bytes(b"\xef\xbb\xbf# Heading\n\nCaf\xc3\xa9 text.\n")
    [doc] = read_file(str(path))
    assert doc.kind == "md"
    assert doc.text == "# Heading\n\nCafé text.\n"


def test_latin1_text_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Le café de la gare a fermé. Élodie était très déçue.\n".encode("latin-1"))
    [doc] = read_file(str(path))
    assert doc.text == "Le café de la gare a fermé. Élodie était très déçue.\n"
    assert doc.warnings == []


CP1252_TEXT = "The minister said “we will not retreat” — the budget is €4 million, and that’s final.\n"
LATIN1_TEXT = "The naïve façade of the Zürich office hid the talks from the press until the spring.\n"


@pytest.mark.parametrize(
    ("text", "encoding", "reported"),
    [
        (CP1252_TEXT, "cp1252", "cp1252"),  # was read as cp850: '“' -> 'ô', '€' -> 'Ç'
        (LATIN1_TEXT, "latin-1", "cp1252"),  # was read as cp1250: 'naïve' -> 'naďve'; cp1252 reads latin-1 text alike
        ("Министр иностранных дел заявил, что переговоры продолжатся в Москве.\n", "cp1251", "cp1251"),
        ("قال وزير الخارجية إن المفاوضات ستستمر في بغداد الأسبوع المقبل.\n", "cp1256", "cp1256"),
        ("Dışişleri Bakanı görüşmelerin İstanbul'da süreceğini söyledi.\n", "cp1254", "cp1254"),
        ("Zażółć gęślą jaźń, powiedział minister w Łodzi.\n", "cp1250", "cp1250"),
    ],
)
def test_legacy_encodings_read_right(tmp_path: Path, text: str, encoding: str, reported: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = read_file(str(path))
    assert doc.text == text
    assert doc.encoding == reported
    assert doc.warnings == []


def test_weak_encoding_guess_is_warned(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes("Résumé of the café meeting, with one stray \u00ac sign in it.\n".encode("cp1252"))
    [doc] = read_file(str(path))
    assert doc.text.startswith("Résumé of the café")
    [warning] = doc.warnings
    assert warning.startswith(f"{path}: encoding guessed as cp1252; weak guess: ")
    assert "out of place" in warning


def test_mojibake_is_repaired_in_the_read_text(tmp_path: Path) -> None:
    path = tmp_path / "twice.txt"
    path.write_text("Hezbollah\u00e2\u20ac\u2122s man inside Khazali's network.\nA clean second line.\n")
    [doc] = read_file(str(path))
    assert doc.text == "Hezbollah\u2019s man inside Khazali's network.\nA clean second line.\n"
    assert doc.warnings == [f"{path}: mojibake repaired on 1 line (text that had been decoded twice, e.g. "
                            "'\u00e2\u20ac\u2122' for '\u2019')"]


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Wide text, naïve.\r\n".encode("utf-16"))
    [doc] = read_file(str(path))
    assert doc.text == "Wide text, naïve.\n"


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide-le.txt"
    path.write_bytes("Plain words in UTF-16 without a byte-order mark.".encode("utf-16-le"))
    [doc] = read_file(str(path))
    assert doc.text == "Plain words in UTF-16 without a byte-order mark."


def test_invalid_utf8_is_replaced_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("Café au lait ".encode() + b"\xff\xfe" + b" and more text.\n")
    [doc] = read_file(str(path))
    assert doc.text == "Café au lait \ufffd\ufffd and more text.\n"
    assert doc.warnings == [f"{path}: invalid UTF-8 bytes replaced (2)"]


def test_invalid_bytes_after_bom_keep_real_replacement_chars(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfkept \xef\xbf\xbd and bad \xc3\x28 here\n")
    [doc] = read_file(str(path))
    assert doc.text == "kept \ufffd and bad \ufffd( here\n"
    assert doc.warnings == [f"{path}: invalid UTF-8 bytes replaced (1)"]


def test_stray_byte_in_ascii_text_is_replaced_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(b"Plain ascii text with one bad byte here: \xff and more text after it.\n")
    [doc] = read_file(str(path))
    assert "\ufffd" in doc.text
    assert doc.warnings == [f"{path}: invalid UTF-8 bytes replaced (1)"]


WIDE_TEXTS = ["قال وزير الخارجية إن المفاوضات ستستمر في بغداد.", "Министр заявил, что переговоры идут."]


@pytest.mark.parametrize("text", WIDE_TEXTS)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_other_scripts(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = read_file(str(path))
    assert (doc.text, doc.encoding) == (text, encoding)


def test_truncated_utf16_without_bom_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("Plain words in UTF-16 without a byte-order mark.".encode("utf-16-le")[:-1])
    [doc] = read_file(str(path))
    assert doc.text.startswith("Plain words in UTF-16")
    assert doc.warnings == [f"{path}: invalid UTF-16-LE bytes replaced (1)"]


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert _reason(path) == "empty file"


@pytest.mark.parametrize("ext", [".txt", ".md", ".html", ".jsonl"])
def test_binary_content_with_text_extension(tmp_path: Path, ext: str) -> None:
    path = tmp_path / f"image{ext}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert _reason(path) == "binary content, not text"


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 20 + b"some words")
    assert _reason(path) == "binary content, not text"


@pytest.mark.parametrize("ext", [".txt", ".md", ".html"])
def test_random_bytes_are_refused(tmp_path: Path, ext: str) -> None:
    rng = random.Random(10)
    for size in (2, 3, 5, 8, 13, 16, 20, 32, 64, 200, 1000, 5000):
        for k in range(6):
            path = tmp_path / f"r{size}-{k}{ext}"
            path.write_bytes(rng.randbytes(size))
            reason = _reason(path)
            assert reason.startswith(("binary content, not text", "no text to read", "empty file")), reason


def test_text_without_words_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "stub.txt"
    path.write_text("-- 12 | 7 --\n")
    assert _reason(path) == "no text to read (only 0 letters in words; binary data or a stub)"


# --------------------------------------------------------------------------- failures


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.mkdir()
    assert _reason(path) == "is a directory, not a file"


def test_dangling_symlink(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    path.symlink_to(tmp_path / "missing-target.txt")
    assert _reason(path) == "No such file or directory"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert _reason(path) == "not a regular file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden words")
    path.chmod(0)
    try:
        assert _reason(path) == "Permission denied"
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("raw_name", [b"caf\xe9 \xff.txt", b"two\nlines.txt", b"esc\x1b]0;title\x07.txt"])
def test_odd_file_names_are_shown_escaped(tmp_path: Path, raw_name: bytes) -> None:
    path = os.path.join(os.fsencode(tmp_path), raw_name)
    with open(path, "wb") as handle:
        handle.write(b"Some words of a short report.\n")
    [(listed, notice)] = list(iter_files([str(tmp_path)]))
    assert notice is None
    [doc] = read_file(listed)
    shown = display_path(listed)
    assert doc.source == shown and shown.encode("utf-8") and "\n" not in shown and "\x1b" not in shown
    assert doc.warnings == [f"{shown}: file name is not valid UTF-8 or holds control characters; shown escaped"]
    bad = os.path.join(os.fsencode(tmp_path), b"x" + raw_name.replace(b".txt", b".docx"))
    with pytest.raises(ReadError) as info:
        read_file(os.fsdecode(bad))
    assert "\n" not in str(info.value) and str(info.value).encode("utf-8")


def test_display_path_leaves_ordinary_names_alone() -> None:
    assert display_path("/data/reports/Zürich notes - draft.txt") == "/data/reports/Zürich notes - draft.txt"
    assert display_path("a\udcffb\tc") == "a\\xffb\\tc"


def test_symlink_loop_is_named(tmp_path: Path) -> None:
    link = tmp_path / "loop.txt"
    link.symlink_to(link)
    assert list(iter_files([str(tmp_path)])) == [(str(link), "symbolic link loop")]
    assert _reason(link) == "Too many levels of symbolic links"


def test_unexpected_reader_failure_is_a_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import linkchart.ingest.read as read

    def broken(path: str, raw: bytes) -> list:
        raise KeyError("surprise")

    monkeypatch.setitem(read._READERS, "txt", broken)
    path = tmp_path / "fine.txt"
    path.write_text("Perfectly good words.")
    assert _reason(path) == "unexpected error while reading: KeyError: 'surprise'"


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: fast and takes no disk space
    assert os.path.getsize(path) > MAX_BYTES
    assert _reason(path) == "file too large (51 MB > 50 MB)"


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04")
    assert _reason(path) == "unsupported file type .docx"


# --------------------------------------------------------------------------- html


def test_html_main_text_and_metadata() -> None:
    path = FIXTURES / "article.html"
    [doc] = read_file(str(path))
    assert doc.kind == "html"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.title == "Harbour board names new chair"
    assert doc.date == "2021-03-14"
    assert doc.url == "https://ledger.example/news/harbour-chair"
    assert doc.outlet == "The Coastal Ledger"
    assert "appointed Mara Olsen, a former ferry engineer" in doc.text
    assert "welcomed the appointment" in doc.text
    for boilerplate in ("cookies", "Sport", "All rights reserved", "tracking", "font-family"):
        assert boilerplate not in doc.text
    # paragraphs are separated by a blank line, so later stages can tell them from wraps
    assert "nine members.\n\nOlsen replaces" in doc.text


def test_html_fallback_when_no_main_text(tmp_path: Path) -> None:
    path = tmp_path / "table.htm"
    path.write_text(
        "<html><head><title>Statement</title><style>td{color:red}</style></head><body>"
        "<nav>Home | About</nav><table><tr><td>The quay reopens on Monday after repairs"
        " to the crane rails.</td></tr><tr><td>Second cell.</td></tr></table>"
        "<script>document.write('injected')</script><footer>Legal notice</footer></body></html>"
    )
    [doc] = read_file(str(path))
    assert doc.text == "The quay reopens on Monday after repairs to the crane rails.\n\nSecond cell."
    assert any("main-text extraction found nothing" in w for w in doc.warnings)


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    body = "<p>" + "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss. " * 4 + "</p>"
    head = '<head><meta charset="iso-8859-1"><title>Brücke</title></head>'
    path.write_bytes(f"<html>{head}<body><article>{body}</article></body></html>".encode("latin-1"))
    [doc] = read_file(str(path))
    assert "Der Bürgermeister eröffnete" in doc.text
    assert doc.warnings == []


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body><div> </div><img></body></html>")
    assert _reason(path) == "no readable text in HTML"


@pytest.mark.parametrize("depth", [300, 20_000])
def test_deeply_nested_html_still_yields_its_text(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    inner = "<p>The deep paragraph names Qais al-Khazali.</p><script>var hidden = 1;</script>"
    path.write_text("<html><head><title>Deep page</title></head><body><p>An opening paragraph of the page.</p>"
                    + "<div>" * depth + inner + "</div>" * depth + "</body></html>")
    [doc] = read_file(str(path))
    assert doc.text == "An opening paragraph of the page.\n\nThe deep paragraph names Qais al-Khazali."
    assert doc.title == "Deep page"
    [warning] = doc.warnings
    assert warning.startswith(f"{path}: HTML nested deeper than 256 elements; read with a plain tag stripper")


# --------------------------------------------------------------------------- pdf


def test_pdf_text_pages_and_title(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    raw = _text_pdf(path, ["The board met on Tuesday.", "Dredging resumes in May."], title="Harbour report")
    [doc] = read_file(str(path))
    assert doc.kind == "pdf"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.title == "Harbour report"
    assert len(doc.page_starts) == 2 and doc.page_starts[0] == 0
    second = doc.page_starts[1]
    assert doc.text[second - 2 : second] == "\n\n"
    assert doc.text[:second].strip() == "The board met on Tuesday."
    assert doc.text[second:].strip() == "Dredging resumes in May."
    assert doc.date is None or len(doc.date) == 10


@pytest.mark.parametrize(("created", "expected"), [((2021, 3, 14), "2021-03-14"), ((2999, 1, 1), None)])
def test_pdf_creation_date(tmp_path: Path, created: tuple[int, int, int], expected: str | None) -> None:
    pdf = FPDF()
    pdf.set_creation_date(dt.datetime(*created, tzinfo=dt.UTC))
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 8, "Dated page.")
    path = tmp_path / "dated.pdf"
    path.write_bytes(bytes(pdf.output()))
    [doc] = read_file(str(path))
    assert doc.date == expected


def test_scanned_pdf_without_text(tmp_path: Path) -> None:
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 100, 150, style="F")
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert _reason(path) == "scanned PDF with no text layer (2 pages); run OCR first"


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = _text_pdf(tmp_path / "whole.pdf", ["Some text on a page. " * 20])
    path = tmp_path / "half.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    assert _reason(path).startswith("corrupt PDF: ")


@pytest.mark.parametrize("cut", [8, 30])
def test_pdf_missing_its_last_bytes_is_recovered(tmp_path: Path, cut: int) -> None:
    whole = _text_pdf(tmp_path / "whole.pdf", ["Some text on a page. " * 20, "A second page of words."])
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[:-cut])
    [doc] = read_file(str(path))
    assert doc.text.startswith("Some text on a page.") and "A second page of words." in doc.text
    assert any("damaged PDF" in w and "rebuilding its cross-reference table" in w for w in doc.warnings)


def test_not_a_pdf_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("This is plain text with a .pdf name.")
    assert _reason(path).startswith("corrupt PDF: ")


# --------------------------------------------------------------------------- jsonl


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    good1 = json.dumps({"text": "First article.", "title": "One", "date": "2020-05-01T10:00:00Z",
                        "url": "https://a.example/1", "source": "Gazette"})  # fmt: skip
    good2 = json.dumps({"text": "Second\r\narticle.", "date": "14 March 2021"})
    lines = [good1, "{not json", "", json.dumps({"title": "no text"}), good2, "   "]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    first, second = read_file(str(path))
    assert first.source == f"{path}#L1"
    assert first.sha256 == hashlib.sha256(good1.encode()).hexdigest()
    assert (first.text, first.title, first.date, first.url, first.outlet) == (
        "First article.", "One", "2020-05-01", "https://a.example/1", "Gazette",
    )  # fmt: skip
    assert first.kind == "jsonl"
    assert second.source == f"{path}#L5"
    assert second.text == "Second\narticle."
    assert second.date == "2021-03-14"
    assert len(first.warnings) == 2
    assert first.warnings[0].startswith(f"{path}:2: not JSON (")
    assert first.warnings[1] == f"{path}:4: missing 'text'"
    assert second.warnings == []


def test_jsonl_ambiguous_date_is_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    rows = [
        {"text": "a", "date": "03/04/2021"},
        {"text": "b", "date": "25/12/2021"},
        {"text": "c", "date": 7},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    docs = read_file(str(path))
    assert [d.date for d in docs] == [None, "2021-12-25", None]
    assert len(docs[0].warnings) == 2 and "ambiguous" in docs[0].warnings[0]


def test_jsonl_without_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"title": "x"}\n[1, 2]\n')
    reason = _reason(path)
    assert reason.startswith("no valid lines (2 bad)")
    assert "missing 'text'" in reason


def test_jsonl_lines_that_break_the_parser_are_warnings(tmp_path: Path) -> None:
    good = json.dumps({"text": "A good article about the talks."})
    deep, huge = "[" * 100_000 + "]" * 100_000, '{"text": "x", "n": ' + "9" * 5000 + "}"
    lines = [good, deep, huge, good.replace("talks", "truce")]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    first, second = read_file(str(path))
    assert (first.text, second.text) == ("A good article about the talks.", "A good article about the truce.")
    assert first.warnings == [
        f"{path}:2: not read (JSON nested too deeply)",
        f"{path}:3: not read (a JSON number has too many digits)",
    ]


def test_jsonl_lone_surrogates_and_nuls_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text('{"text": "bad \\ud800 half and \\u0000 nul", "title": "t\\udfff"}\n')
    [doc] = read_file(str(path))
    assert doc.text == "bad \ufffd half and \ufffd nul"
    assert doc.title == "t\ufffd"
    assert doc.warnings == [f"{path}#L1: 2 lone surrogate or NUL characters replaced by U+FFFD"]
    doc.text.encode("utf-8")


# --------------------------------------------------------------------------- listing


def test_iter_files_walks_sorted_and_reports_skips(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.HTML").write_text("<p>a</p>")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "README").write_text("r")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("c")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    missing = str(tmp_path / "nope.txt")
    result = list(iter_files([str(tmp_path), missing]))
    assert result == [
        (str(tmp_path / "README"), "unsupported file type (no extension)"),
        (str(tmp_path / "b" / "a.HTML"), None),
        (str(tmp_path / "b" / "z.txt"), None),
        (str(tmp_path / "c.pdf"), None),
        (str(tmp_path / "notes.docx"), "unsupported file type .docx"),
        (missing, "does not exist"),
    ]


def test_iter_files_given_file_and_broken_link(tmp_path: Path) -> None:
    file = tmp_path / "one.md"
    file.write_text("# one")
    link = tmp_path / "dead.txt"
    link.symlink_to(tmp_path / "absent")
    result = list(iter_files([str(file), str(link)]))
    assert result == [(str(file), None), (str(link), "broken symbolic link")]


def test_supported_extensions() -> None:
    assert SUPPORTED == {".txt", ".md", ".html", ".htm", ".pdf", ".jsonl"}


# --------------------------------------------------------------------------- corpus


def test_every_corpus_file_reads() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"sample corpus {CORPUS} is absent")
    files = [p for p, notice in iter_files([str(CORPUS)]) if notice is None]
    assert files
    for path in files:
        docs = read_file(path)
        assert docs and all(d.text.strip() for d in docs)
        if not path.endswith(".jsonl"):
            assert docs[0].sha256 == hashlib.sha256(Path(path).read_bytes()).hexdigest()
