"""A plain-text release rendered as a newsroom would send it: PDF, web page, Word file, e-mail.

The renderings carry what the real ones do around the text (running headers, page numbers, justified
lines that wrap mid-sentence, menus and cookie banners, Word headers and footers), so a test can check
that a reader keeps the text and drops the rest. The words that only the frame carries are in
:data:`FRAME_WORDS`: none of them may reach ``documents.text``.
"""

from __future__ import annotations

import html
from email.message import EmailMessage
from pathlib import Path

#: Text of the frames around a release: none of it is in a release, all of it must be dropped.
PDF_HEADER = "Newsroom Digest - Communiqué officiel"
PDF_FOOTER = "Page {page} of {total}"
HTML_FRAME = (
    "Accueil",
    "Nos actualités",
    "We use cookies to improve your experience",
    "Share on LinkedIn",
    "Copyright Newsroom Digest",
)
DOCX_HEADER = "Confidential draft - do not forward"
DOCX_FOOTER = "Newsroom Digest footer line"
EML_SIGNATURE = "Sam Okafor | Press officer, Harrow & Vane Communications | +44 20 7946 0000"
EML_QUOTED = ("Priya Natarajan", "Could you send us the release before Friday? Thanks, Priya")
FRAME_WORDS = (
    PDF_HEADER, "Page 1 of", "Page 2 of", DOCX_HEADER, DOCX_FOOTER, *HTML_FRAME, EML_SIGNATURE, *EML_QUOTED
)  # fmt: skip

_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: Latin-1 stand-ins for the characters the PDF core fonts lack, when no Unicode font is installed.
_LATIN1 = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
    "\u2014": "-", "\u2026": "...", "\u0153": "oe", "\u2009": " ", "\u202f": " ",
})  # fmt: skip


def paragraphs(text: str) -> list[str]:
    """The lines of a release that hold text: each is a paragraph or a heading of its own."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def is_heading(line: str) -> bool:
    """A short line without a sentence's end: a title, a kicker or a dateline."""
    return len(line) < 120 and not line.rstrip().endswith((".", ":", '"', "»", "”"))


def headed(lines: list[str]) -> list[tuple[str, bool]]:
    """Each line, and whether it is set as a heading: a short line that a paragraph of prose follows.

    Runs of short lines (a contact block, a list of links) stay body text, as a page sets them.
    """
    follows = [*lines[1:], ""]
    pairs = zip(lines, follows, strict=True)
    return [(line, is_heading(line) and not is_heading(after)) for line, after in pairs]


def render_pdf(text: str, path: Path) -> Path:
    """An A5 PDF: running header, "Page N of M" footer, headings in bold, justified wrapped body."""
    import warnings

    from fpdf import FPDF

    warnings.filterwarnings("ignore", message="Dimensions for page format A5")

    unicode_font = (_FONT_DIR / "DejaVuSans.ttf").exists()

    class Release(FPDF):
        def header(self) -> None:
            self.set_font(family, "", 8)
            self.set_xy(15, 8)
            self.cell(0, 5, PDF_HEADER)
            self.set_xy(15, 22)

        def footer(self) -> None:
            self.set_font(family, "", 8)
            self.set_xy(15, -14)
            self.cell(0, 5, PDF_FOOTER.format(page=self.page_no(), total="{nb}"), align="C")

    pdf = Release(format="A5")
    if unicode_font:
        pdf.add_font("body", "", str(_FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("body", "B", str(_FONT_DIR / "DejaVuSans-Bold.ttf"))
        family = "body"
    else:
        family = "helvetica"
    pdf.set_margins(15, 22, 15)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line, heading in headed(paragraphs(text)):
        shown = line if unicode_font else line.translate(_LATIN1).encode("latin-1", "replace").decode()
        if heading:
            pdf.set_font(family, "B", 10)
            pdf.multi_cell(0, 5, shown, align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font(family, "", 9)
            pdf.multi_cell(0, 4.5, shown, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))
    return path


def render_html(text: str, path: Path) -> Path:
    """A saved web page: navigation, cookie banner, the release as <h1>/<p>, share links, footer."""
    lines = paragraphs(text)
    body = [f"<h1>{html.escape(lines[0])}</h1>"]
    for line, heading in headed(lines)[1:]:
        tag = "h2" if heading else "p"
        body.append(f"<{tag}>{html.escape(line)}</{tag}>")
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(lines[0])}</title></head>
<body>
<nav><ul><li><a href="/">{HTML_FRAME[0]}</a></li><li><a href="/news">{HTML_FRAME[1]}</a></li>
<li><a href="/contact">Contact</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent"><p>{HTML_FRAME[2]}. <a href="/cookies">Accept</a></p></div>
<main><article>
{chr(10).join(body)}
</article>
<div class="share"><a href="https://linkedin.com/share">{HTML_FRAME[3]}</a>
<a href="https://x.com/share">Share on X</a></div>
</main>
<footer><p>{HTML_FRAME[4]} 2024. All rights reserved.</p><a href="/legal">Legal notice</a></footer>
</body></html>"""
    path.write_text(page, encoding="utf-8")
    return path


def render_docx(text: str, path: Path) -> Path:
    """A Word file: the first line as its heading, the rest as paragraphs, with a header and a footer."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = DOCX_HEADER
    section.footer.paragraphs[0].text = DOCX_FOOTER
    lines = paragraphs(text)
    document.add_heading(lines[0], level=1)
    for line, heading in headed(lines)[1:]:
        if heading:
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def render_forward(text: str, path: Path) -> Path:
    """A release e-mailed: the text as its body, a signature and a quoted reply under it, its PDF attached."""
    attached = render_pdf(text, path.with_suffix(".pdf"))
    data = attached.read_bytes()
    attached.unlink()
    body = (
        f"{text.strip()}\n\n-- \n{EML_SIGNATURE}\n\n"
        f"On Mon, 4 Nov 2024 at 09:12, {EML_QUOTED[0]} wrote:\n> {EML_QUOTED[1]}\n"
    )
    return render_eml(paragraphs(text)[0], body, path, {"release.pdf": data})


def render_eml(subject: str, body: str, path: Path, attachments: dict[str, bytes] | None = None) -> Path:
    """An e-mail with a plain-text body and files attached."""
    message = EmailMessage()
    message["From"] = "press@example.org"
    message["To"] = "desk@example.com"
    message["Subject"] = subject
    message.set_content(body)
    for name, data in (attachments or {}).items():
        maintype, subtype = _MIME.get(Path(name).suffix, ("application", "octet-stream"))
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    path.write_bytes(bytes(message))
    return path


_MIME = {
    ".pdf": ("application", "pdf"),
    ".docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".html": ("text", "html"),
}
