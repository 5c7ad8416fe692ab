"""Dossiers: an entity's report as one self-contained HTML page, Markdown or PDF."""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from linkchart.api import render_dossier, report_media_type
from linkchart.web import schemas as s
from linkchart.web.deps import Shared

router = APIRouter(tags=["entities"])
REPORT_PATH = re.compile(r"^/api/entities/\d+/report$")  # served with REPORT_CSP (linkchart.web.app)


def file_name(name: str, fmt: str) -> str:
    """Return a download name made of an entity's name (letters, digits, '-', '_' only) and the format."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_") or "dossier"
    return f"{stem[:80]}.{fmt}"


@router.get("/api/entities/{entity_id}/report", response_class=Response,
            responses={200: {"content": {"text/html": {}, "text/markdown": {}, "application/pdf": {}}}})
def report(shared: Shared, entity_id: s.RowId,
           format: str = Query("html", pattern="^(html|md|pdf)$", description="html, md or pdf")) -> Response:
    """Return the entity's dossier: names with why each was merged, summary, network and timeline pictures,
    relations with quoted evidence, conflicts, footnoted sources. HTML is one self-contained page."""
    with shared.use() as ws:
        dossier = ws.dossier(f"#{entity_id}")
    try:
        data = render_dossier(dossier, format)  # PDF printing takes seconds: outside the workspace lock
    except RuntimeError as err:  # ReportError: no Chromium or Playwright for PDF
        raise HTTPException(503, str(err)) from err
    disposition = "attachment" if format == "md" else "inline"
    return Response(data, media_type=report_media_type(format),
                    headers={"Content-Disposition": f'{disposition}; filename="{file_name(dossier.name, format)}"'})
