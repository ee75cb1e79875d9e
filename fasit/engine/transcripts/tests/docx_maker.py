"""Builds Word documents (.docx) for tests: the paragraphs of a transcript as Teams and
Google Docs write them, one ``w:p`` per line, a tab as ``w:tab``. Enough of the Office
Open XML package (content types, relationships, the main part) for Word to open it."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph(line: str) -> str:
    runs = []
    for i, part in enumerate(line.split("\t")):
        if i:
            runs.append("<w:r><w:tab/></w:r>")
        if part:
            runs.append(f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
    return f"<w:p>{''.join(runs)}</w:p>"


def make_docx(lines: list[str], *, table_from: int | None = None) -> bytes:
    """A .docx whose paragraphs are ``lines``; from line ``table_from`` on they sit in
    one table cell, as some exports do."""
    body = [_paragraph(line) for line in lines]
    if table_from is not None:
        cell = "".join(body[table_from:])
        body = [*body[:table_from], f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>"]
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()
