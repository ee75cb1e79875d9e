"""The text of a Word document (.docx): Microsoft Teams' "Download as .docx" and a
Google Meet transcript exported from Google Docs.

Read straight from the zip and its XML with the standard library: a transcript needs
only the paragraphs' text, in document order, including paragraphs inside tables and
content controls, which python-docx's ``Document.paragraphs`` leaves out.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from fasit.engine.transcripts.model import TranscriptError

ZIP_MAGIC = b"PK\x03\x04"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TAB, _BR, _CR = (f"{_W}{tag}" for tag in ("p", "t", "tab", "br", "cr"))
# The XML of a three-hour meeting is a few MB; a larger part is a zip bomb.
MAX_XML_BYTES = 100 * 1024 * 1024


def is_docx(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def docx_text(data: bytes) -> str:
    """The document's paragraphs, one per line. Raises ``TranscriptError`` for a zip
    that is not a readable Word document."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, EOFError):
        raise TranscriptError(
            "a zip archive but not a Word document (.docx): no word/document.xml"
        ) from None
    if info.file_size > MAX_XML_BYTES:
        raise TranscriptError("the Word document's text is too large (over 100 MB unpacked)")
    try:
        xml = archive.read(info)
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as exc:
        raise TranscriptError(f"the Word document is damaged ({exc})") from None
    if b"<!DOCTYPE" in xml[:4096]:
        # Word never writes a DTD; one here could only expand entities.
        raise TranscriptError("the Word document holds a DTD, which Word never writes")
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise TranscriptError(
            f"the Word document's XML is damaged (word/document.xml, line {line})"
        ) from None
    paragraphs: list[str] = []
    _walk(root, [], paragraphs)
    return "\n".join(paragraphs)


def _walk(element: ElementTree.Element, buffer: list[str], paragraphs: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _P:
            inner: list[str] = []
            _walk(child, inner, paragraphs)
            paragraphs.append("".join(inner))
        elif tag == _T:
            buffer.append(child.text or "")
        elif tag == _TAB:
            buffer.append("\t")
        elif tag in (_BR, _CR):
            buffer.append("\n")
        else:
            _walk(child, buffer, paragraphs)
