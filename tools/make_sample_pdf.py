"""Build src/linkchart/sample/sample_report.pdf, the bundled sample PDF.

The brief below was written for linkchart's sample corpus from facts in public
reporting; the institute and author are invented. The PDF is generated with fpdf2's
core Helvetica font (latin-1 only, so the text is plain ASCII) and a fixed creation
date, so re-running this script reproduces the same bytes.

    .venv/bin/python tools/make_sample_pdf.py [output.pdf]
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parents[1] / "src" / "linkchart" / "sample" / "sample_report.pdf"

INSTITUTE = "Cedar & Tigris Policy Institute"
SERIES = "Research Brief No. 14"
TITLE = "After the Baghdad strike: the Quds Force, Asaib Ahl al-Haq and Hezbollah"
BYLINE = "Elias Warda, Senior Fellow"
DATE = "10 January 2020"

# (heading or None, paragraph text)
SECTIONS: list[tuple[str | None, list[str]]] = [
    (
        "Summary",
        [
            "In the early hours of 3 January 2020, an American drone strike on a convoy leaving "
            "Baghdad International Airport killed Major General Qassem Soleimani, the commander of "
            "the Quds Force of Iran's Islamic Revolutionary Guard Corps (IRGC). Abu Mahdi "
            "al-Muhandis, the deputy chairman of Iraq's Popular Mobilization Units and the founder "
            "of Kataib Hezbollah, died in the same car.",
            "This brief asks what the loss of both men means for the web of partner forces that "
            "Soleimani spent two decades assembling, and looks in particular at Asaib Ahl al-Haq "
            "(AAH) and its long association with Lebanon's Hezbollah.",
        ],
    ),
    (
        "1. How the Quds Force works",
        [
            "Soleimani took over the Quds Force in the late 1990s and turned it into Iran's main "
            "instrument abroad. Its method is to work through local partners rather than Iranian "
            "troops: Hezbollah in Lebanon, a family of militias in Iraq, the Houthis in Yemen and "
            "a mix of Iraqi, Afghan and Pakistani volunteers in Syria. Hezbollah alone is thought "
            "to receive about $700 million a year from Tehran.",
            "Soleimani was the personal link that held these groups together. During the Iraqi "
            "protests of October and November 2019 he flew to Baghdad several times to steer the "
            "country's Shia parties, and he was returning from a visit to Damascus when he was "
            "killed. Iran named his deputy, Esmail Qaani, as his successor within hours.",
        ],
    ),
    (
        "2. Asaib Ahl al-Haq and Hezbollah",
        [
            "AAH was born of a split in Muqtada al-Sadr's Mahdi Army and took its present form in "
            "2006. Hezbollah was involved from the beginning. Yusuf Hashim, who ran the party's "
            "Iraq portfolio, offered Qais al-Khazali support in Tehran, and a Hezbollah veteran, "
            "Ali Musa Daqduq, reorganised Khazali's fighters into specialised cells. Daqduq was "
            "captured with Khazali in Basra in March 2007.",
            "The relationship outlived the American occupation. AAH set up an office in Beirut, "
            "and in December 2017 Khazali appeared in uniform at the Fatima Gate on Lebanon's "
            "border with Israel, declaring that he stood with Hezbollah. The episode was meant to "
            "show that Iran's partners now act as a single front.",
        ],
    ),
    (
        "3. The American response",
        [
            "Washington has been moving against AAH for months. In December 2019 the US Treasury "
            "sanctioned Qais al-Khazali and his brother Laith over the killing of Iraqi protesters. "
            "On 3 January 2020, the same day as the airport strike, the State Department announced "
            "that it would list AAH as a Foreign Terrorist Organization and name both brothers as "
            "Specially Designated Global Terrorists.",
            "Iran answered on 8 January with a missile attack on bases in Iraq hosting US troops. "
            "Three days earlier the Iraqi parliament had voted, in a non-binding resolution, to "
            "ask foreign forces to leave the country.",
        ],
    ),
    (
        "4. Outlook",
        [
            "Three points stand out. First, no successor can easily replace Soleimani's personal "
            "authority over commanders such as Khazali and Hadi al-Ameri of the Badr Organization. "
            "Second, Muhandis's death removes the figure who kept the Popular Mobilization Units "
            "in line, and rivalry among the factions is likely to grow. Third, Hezbollah's "
            "standing rises: Hassan Nasrallah is now the most senior and experienced leader in the "
            "network, and Iraqi groups such as AAH may look to Beirut as much as to Tehran.",
            "We expect AAH to use the designation to present itself as a victim of American "
            "pressure, to push in parliament for the departure of US troops, and to keep its "
            "armed wing intact inside the Hashd al-Shaabi.",
        ],
    ),
]


class Brief(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{INSTITUTE} | {SERIES}", new_x="LMARGIN", new_y="NEXT", align="L")
        self.ln(3)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def build(out: Path) -> Path:
    pdf = Brief(format="A4")
    pdf.set_creation_date(datetime(2020, 1, 10, 9, 0, 0, tzinfo=UTC))
    pdf.set_title(TITLE)
    pdf.set_author(BYLINE.split(",")[0])
    pdf.set_subject(SERIES)
    pdf.set_creator("linkchart tools/make_sample_pdf.py")
    pdf.set_producer("fpdf2")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(0, 6, BYLINE, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, DATE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    for heading, paragraphs in SECTIONS:
        if heading:
            pdf.set_font("Helvetica", "B", 12)
            pdf.cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        pdf.set_font("Helvetica", "", 11)
        for para in paragraphs:
            pdf.multi_cell(0, 5.6, para, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
        pdf.ln(1.5)

    pdf.ln(2)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(
        0,
        4.5,
        "This brief draws on public reporting. The views expressed are the author's own.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(build(target))
