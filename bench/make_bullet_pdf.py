"""The example page as people save it: printed to PDF by a real renderer with "•" bullets.

Writes fixtures/ketamine-clinic-pain-bullets.html from the example page's text (its
paragraphs, and its references as a bulleted <ul>), then has LibreOffice print it to
fixtures/ketamine-clinic-pain-bullets.pdf. Needs LibreOffice (Debian: libreoffice-writer
or libreoffice-writer-nogui). Run from the checkout: python bench/make_bullet_pdf.py
"""

from __future__ import annotations

import html
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "fixtures" / "ketamine-clinic-pain.txt"
OUT = ROOT / "fixtures" / "ketamine-clinic-pain-bullets.html"


def page(text: str) -> str:
    """The page's blocks as HTML: short lines are headings, "•" lines are list items."""
    body: list[str] = []
    items: list[str] = []
    for block in (b.strip() for b in text.split("\n")):
        if not block:
            continue
        if block.startswith("•"):
            items.append(f"<li>{html.escape(block.lstrip('• ').strip())}</li>")
            continue
        if items:
            body.append("<ul>" + "".join(items) + "</ul>")
            items = []
        tag = "h2" if len(block) < 80 and not block.endswith(".") else "p"
        body.append(f"<{tag}>{html.escape(block)}</{tag}>")
    if items:
        body.append("<ul>" + "".join(items) + "</ul>")
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Ketamine Therapy for Pain'
        "</title></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def main() -> int:
    OUT.write_text(page(TEXT.read_text(encoding="utf-8")), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf:writer_web_pdf_Export",
                "--outdir",
                str(OUT.parent),
                str(OUT),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    print(done.stdout.strip() or done.stderr.strip())
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
