"""The dossier as PDF: the HTML dossier printed by Chromium (headless, through Playwright), offline.

Chromium is Debian's (`/usr/bin/chromium`), or `LINKCHART_CHROMIUM`; Playwright comes with the
optional extra `pdf` (never `playwright install`: browsers are not downloaded). JavaScript is
off and every network request is refused: the page is self-contained.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from linkchart.export.report.base import Report, ReportError
from linkchart.export.report.dossier import Dossier
from linkchart.export.report.html import render_html

CHROMIUM_ENV = "LINKCHART_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
FOOTER = ('<div style="font: 8px Helvetica, Arial, sans-serif; color: #4a5568; width: 100%; text-align: center;">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def find_chromium() -> str:
    """Return the path of a Chromium to print with; raise ReportError when there is none."""
    given = os.environ.get(CHROMIUM_ENV)
    candidates = [given] if given else ["/usr/bin/chromium", *(shutil.which(n) for n in CHROMIUM_NAMES)]
    for path in candidates:
        if path and Path(path).exists():
            return path
    raise ReportError("PDF needs Chromium: install Debian's chromium (apt-get install chromium) or set "
                      f"{CHROMIUM_ENV} to a Chromium executable")


def html_to_pdf(html: str) -> bytes:
    """Return an HTML page printed to A4 PDF by headless Chromium (no script, no network)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        raise ReportError('PDF needs Playwright: pip install "linkchart[pdf]"') from err
    executable = find_chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(java_script_enabled=False, offline=True)
            page = context.new_page()
            page.route("**/*", lambda route: route.abort())
            page.set_content(html, wait_until="load")
            return page.pdf(format="A4", print_background=True, display_header_footer=True,
                            header_template="<span></span>", footer_template=FOOTER,
                            margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"})
        finally:
            browser.close()


class PdfReport(Report):
    """A4 PDF printed from the HTML dossier by Chromium."""

    name = "pdf"
    suffix = ".pdf"
    media_type = "application/pdf"
    description = "PDF dossier (Chromium print-to-PDF)"

    def render(self, dossier: Dossier) -> bytes:
        """Return the dossier as PDF bytes; raise ReportError without Playwright or Chromium."""
        return html_to_pdf(render_html(dossier))
