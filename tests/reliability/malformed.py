"""Malformed inputs of every kind issue 10 lists, mixed with good files: the reading campaign's material.

`write_mix(folder)` writes the mix and returns one `Case` per file saying what reading it
must give: 'good' (its documents, no warning needed), 'partial' (its documents, with a
warning about what was repaired or left out), 'refused' (a one-line reason naming the
file) or 'any' (a damaged file that may or may not be recoverable: either outcome is
fine, as long as nothing escapes). Run as a script it writes the mix to a folder, for a
campaign through the CLI, and prints the counts:

    .venv/bin/python tests/reliability/malformed.py OUT_DIR [--seed N] [--random-files N] [--manifest FILE]

Without --seed the random-byte files come from os.urandom.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ARTICLE = (
    "Iraqi officials said on Tuesday that Qais al-Khazali, the leader of Asaib Ahl al-Haq, met "
    "envoys of the Quds Force in Baghdad to discuss the withdrawal of foreign troops.\n\n"
    "The meeting followed weeks of protest in the capital. A spokesman for the group declined "
    "to comment, but two members of parliament confirmed that the talks had taken place.\n"
)
LEGACY = {
    "cp1252": "The minister said “we will not retreat” — the budget is €4 million, and that’s final.\n",
    "latin-1": "The naïve façade of the Zürich office hid the talks from the press until the spring.\n",
    "cp1251": "Министр иностранных дел заявил, что переговоры продолжатся в Москве на следующей неделе.\n",
    "cp1256": "قال وزير الخارجية إن المفاوضات ستستمر في بغداد الأسبوع المقبل بحضور الوفود.\n",
}
RANDOM_SIZES = (1, 2, 3, 5, 8, 13, 16, 20, 32, 64, 128, 256, 1000, 4096, 20000, 100000)
RANDOM_EXTS = (".txt", ".md", ".html", ".jsonl", ".pdf")


@dataclass(frozen=True)
class Case:
    """One file of the mix: its path (relative to the folder, as bytes-safe text), what is odd, what must happen."""

    name: str  # path inside the folder; non-UTF-8 bytes as surrogate escapes (os.fsdecode)
    kind: str  # what is wrong with it ('good', 'deep-jsonl', 'random-bytes', ...)
    expect: str  # 'good' | 'partial' | 'refused' | 'any'
    documents: int = 0  # documents a good or partial file must produce


# --------------------------------------------------------------------------- PDF bytes


def minimal_pdf(
    pages: list[bytes], *, compress: bool = False, packed: bool = False, junk_objects: int = 0, shift_xref: int = 0
) -> bytes:
    """Return a small PDF with one page per content stream in `pages` (Helvetica as /F1).

    `compress` deflates the streams; `packed` says they are deflated already. `junk_objects`
    adds unused objects and `shift_xref` moves every cross-reference entry off its object,
    so a parser warns once per object.
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages)))
        + b"] /Count %d >>" % len(pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
                       b" /Contents %d 0 R >>" % (5 + 2 * i))
        data = zlib.compress(content) if compress else content
        flate = b" /Filter /FlateDecode" if compress or packed else b""
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), flate, data))
    objects += [b"<< /Junk %d >>" % k for k in range(junk_objects)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % (offset + shift_xref) for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_page(text: str) -> bytes:
    """Return a PDF content stream printing `text` line by line in /F1."""
    ops = [b"BT /F1 11 Tf 72 720 Td 14 TL"]
    for line in text.splitlines():
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(%s) Tj T*" % escaped.encode("latin-1", "replace"))
    ops.append(b"ET")
    return b"\n".join(ops)


def bomb_pdf(expanded_mb: int = 100) -> bytes:
    """Return a one-page PDF whose content stream inflates to `expanded_mb` MB of spaces (about 100 KB on disk)."""
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(b" " * (1 << 20)) for _ in range(expanded_mb)) + packer.flush()
    return minimal_pdf([data], packed=True)


# --------------------------------------------------------------------------- the mix


def write_mix(
    folder: Path,
    seed: int | None = 0,
    random_files: int = 180,
    long_line_chars: int = 1_200_000,
    html_depths: tuple[int, ...] = (300, 100_000),
) -> list[Case]:
    """Write the malformed-and-good mix into `folder` (created) and return its cases, in writing order."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    random_bytes: Callable[[int], bytes] = os.urandom if seed is None else rng.randbytes
    cases: list[Case] = []

    def put(name: str | bytes, data: bytes, kind: str, expect: str, documents: int = 0) -> Path:
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        cases.append(Case(os.fsdecode(name), kind, expect, documents))
        return path

    good_pdf = minimal_pdf([text_page(ARTICLE), text_page(ARTICLE.replace("Tuesday", "Friday"))])
    jsonl_line = json.dumps({"text": ARTICLE, "title": "Talks in Baghdad", "date": "2020-01-07"})

    # good files of every kind
    put("good/article.txt", ARTICLE.encode(), "good", "good", 1)
    put("good/article.md", b"# Talks in Baghdad\n\n" + ARTICLE.encode(), "good", "good", 1)
    put("good/article.html", b"<html><head><title>Talks</title></head><body><article><p>"
        + ARTICLE.replace("\n\n", "</p><p>").encode() + b"</p></article></body></html>", "good", "good", 1)
    put("good/feed.jsonl", (jsonl_line + "\n" + jsonl_line.replace("Tuesday", "Monday") + "\n").encode(),
        "good", "good", 2)
    put("good/report.pdf", good_pdf, "good", "good", 1)
    for encoding, text in LEGACY.items():
        put(f"good/legacy-{encoding}.txt", (text + ARTICLE).encode(encoding), f"encoding-{encoding}", "good", 1)
    put("good/utf16-bom.txt", ARTICLE.encode("utf-16"), "utf-16-bom", "good", 1)
    put("good/utf16-le-no-bom.txt", ARTICLE.encode("utf-16-le"), "utf-16-without-bom", "good", 1)
    put("good/utf16-be-no-bom.txt", LEGACY["cp1256"].encode("utf-16-be"), "utf-16-without-bom", "good", 1)

    # odd file names holding good text
    put("names/name with spaces.txt", ARTICLE.encode(), "name-spaces", "good", 1)
    put("names/-leading-dash.txt", ARTICLE.encode(), "name-leading-dash", "good", 1)
    put(b"names/new\nline.txt", ARTICLE.encode(), "name-newline", "partial", 1)
    put(b"names/latin1-caf\xe9.txt", ARTICLE.encode(), "name-not-utf8", "partial", 1)
    put(b"names/esc\x1b]0;title\x07.txt", ARTICLE.encode(), "name-terminal-escape", "partial", 1)

    # files read with a warning
    deep = "[" * 100_000 + "]" * 100_000
    put("partial/deep.jsonl", f"{jsonl_line}\n{deep}\n".encode(), "deep-jsonl", "partial", 1)
    put("partial/huge-int.jsonl", f'{jsonl_line}\n{{"text": "x", "n": {"9" * 5000}}}\n'.encode(),
        "huge-int-jsonl", "partial", 1)
    put("partial/surrogate.jsonl", b'{"text": "A lone \\ud800 surrogate in an otherwise fine article."}\n'
        + jsonl_line.encode() + b"\n", "lone-surrogate", "partial", 2)
    put("partial/nul-escape.jsonl", b'{"text": "A NUL \\u0000 inside the text of a fine article."}\n',
        "nul-in-json", "partial", 1)
    put("partial/invalid-utf8.txt", ARTICLE.encode()[:200] + b"\xff\xfe\xc3(" + ARTICLE.encode()[200:],
        "invalid-utf8", "partial", 1)
    put("partial/mojibake.txt", ARTICLE.replace("Iraqi", "Iraqâ€™s").encode(), "mojibake", "partial", 1)
    put("partial/utf16-odd-length.txt", ARTICLE.encode("utf-16-le")[:-1], "utf-16-truncated", "partial", 1)
    for depth in html_depths:
        put(f"partial/deep-{depth}.html", b"<html><body><p>Opening words of the page.</p>" + b"<div>" * depth
            + ARTICLE.encode() + b"</div>" * depth + b"</body></html>", "deep-html", "partial", 1)
    put("partial/truncated-8.pdf", good_pdf[:-8], "truncated-pdf", "partial", 1)
    put("partial/warning-flood.pdf", minimal_pdf([text_page(ARTICLE)], junk_objects=3000, shift_xref=7),
        "pdf-warning-flood", "partial", 1)
    put("partial/long-line.txt", _long_line(long_line_chars).encode(), "long-line", "good", 1)

    # files that must be refused with a reason
    put("refused/empty.txt", b"", "empty", "refused")
    put("refused/blank.md", b"  \n\t\n", "blank", "refused")
    put("refused/nul-bytes.txt", ARTICLE.encode()[:100] + b"\x00" * 40 + ARTICLE.encode()[100:], "nul-bytes",
        "refused")
    put("refused/only-script.html", b"<html><body><script>var a = 1;</script></body></html>", "no-text-html",
        "refused")
    put("refused/all-bad.jsonl", f"{deep}\n{{not json\n".encode(), "no-valid-jsonl", "refused")
    put("refused/truncated-half.pdf", good_pdf[: len(good_pdf) // 2], "truncated-pdf", "any", 1)
    put("refused/not-a-pdf.pdf", ARTICLE.encode(), "not-pdf", "refused")
    put("refused/bomb.pdf", bomb_pdf(), "decompression-bomb", "refused")
    put("refused/scanned.pdf", minimal_pdf([b"0 0 1 rg 72 72 400 600 re f"]), "no-text-layer", "refused")
    corrupt = bytearray(good_pdf)
    corrupt[200:600] = rng.randbytes(400)
    put("refused/corrupt-middle.pdf", bytes(corrupt), "corrupt-pdf", "any", 1)
    put("refused/report.docx", b"PK\x03\x04" + rng.randbytes(64), "unsupported-type", "refused")

    for k in range(random_files):
        size = RANDOM_SIZES[k % len(RANDOM_SIZES)]
        ext = RANDOM_EXTS[k % len(RANDOM_EXTS)]
        put(f"random/r{k:03d}-{size}{ext}", random_bytes(size), "random-bytes", "refused")

    cases += _special_files(folder)
    return cases


def _long_line(chars: int) -> str:
    """Return one line of `chars` characters of prose with a few accents (no line break at all)."""
    unit = ARTICLE.replace("\n", " ").replace("Baghdad", "Baġdād")
    return (unit * (chars // len(unit) + 1))[:chars]


def _special_files(folder: Path) -> list[Case]:
    """Write what is not a plain readable file: a symlink loop, a dangling link, a FIFO, an unreadable file."""
    special = folder / "special"
    special.mkdir(exist_ok=True)
    cases = []
    (special / "loop.txt").symlink_to("loop.txt")
    cases.append(Case("special/loop.txt", "symlink-loop", "refused"))
    (special / "dangling.txt").symlink_to("no-such-target.txt")
    cases.append(Case("special/dangling.txt", "dangling-symlink", "refused"))
    (special / "loop-a").mkdir()
    (special / "loop-a" / "up").symlink_to("..")  # a folder loop: walking must not follow it
    if hasattr(os, "mkfifo"):
        os.mkfifo(special / "pipe.txt")
        cases.append(Case("special/pipe.txt", "fifo", "refused"))
    locked = special / "unreadable.txt"
    locked.write_bytes(ARTICLE.encode())
    locked.chmod(0)
    root = hasattr(os, "geteuid") and os.geteuid() == 0  # root reads it whatever its mode
    cases.append(Case("special/unreadable.txt", "unreadable", "good" if root else "refused", 1 if root else 0))
    return cases


def unlock(folder: Path) -> None:
    """Give the unreadable file of a mix its mode back, so the folder can be deleted."""
    locked = folder / "special" / "unreadable.txt"
    if locked.exists():
        locked.chmod(0o600)


# --------------------------------------------------------------------------- script


def main(argv: list[str] | None = None) -> int:
    """Write the mix to a folder and print how many files of each kind and expectation it holds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the mix into (created)")
    parser.add_argument("--seed", type=int, default=None, help="make the random-byte files reproducible")
    parser.add_argument("--random-files", type=int, default=180)
    parser.add_argument("--long-line", type=int, default=1_200_000, help="characters of the one-line text file")
    parser.add_argument("--manifest", type=Path, help="also write the cases as JSON to this file")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    cases = write_mix(args.out, seed=args.seed, random_files=args.random_files, long_line_chars=args.long_line)
    if args.manifest:
        args.manifest.write_text(json.dumps([asdict(c) for c in cases], indent=1, ensure_ascii=False,
                                            default=str).encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    by_expect = Counter(c.expect for c in cases)
    print(f"wrote {len(cases)} files to {args.out}: " + ", ".join(f"{n} {e}" for e, n in sorted(by_expect.items())))
    print(f"documents the good and partial files must give: {sum(c.documents for c in cases if c.expect != 'any')}")
    for kind, n in sorted(Counter(c.kind for c in cases).items()):
        print(f"  {kind:24} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
