from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from fasit.engine.transfer.reading import ReadError, estimate_rows, open_table
from fasit.engine.transfer.records import (
    AccountRecord,
    PartialDate,
    PersonRecord,
    parse_amount,
    parse_partial_date,
    parse_rows,
)
from fasit.engine.transfer.sources import Entity, Source, recognise

HUBSPOT = (
    "Record ID,First Name,Last Name,Email,Phone Number,Job Title,Associated Company,"
    "Contact owner\n"
    '1,Kari,Nordmann,kari@fjord.no,22 33 44 55,"Innkjøpssjef, drift",Fjord Energi AS,Maja\n'
    '2,Åsa,"Lind\nBerg",asa@fjord.no,,CFO,Fjord Energi AS,Maja\n'
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [
        ("utf-8", b"", ","),
        ("utf-8", b"\xef\xbb\xbf", ";"),
        ("utf-16-le", b"\xff\xfe", "\t"),
        ("cp1252", b"", ";"),
    ],
)
def test_encodings_and_dialects_of_real_files(
    tmp_path: Path, encoding: str, bom: bytes, delimiter: str
) -> None:
    text = HUBSPOT.replace(",", delimiter) if delimiter != "," else HUBSPOT
    # The quoted title keeps its comma in every dialect.
    text = text.replace(f'"Innkjøpssjef{delimiter} drift"', '"Innkjøpssjef, drift"')
    path = _write(tmp_path, "contacts.csv", bom + text.encode(encoding))
    table = open_table(path)
    assert table.header[:3] == ("Record ID", "First Name", "Last Name")
    assert table.layout.delimiter == delimiter
    rows = list(table.rows())
    assert [r.line for r in rows] == [2, 3]  # the quoted newline keeps line 3 for row 2
    assert rows[0].values[5] == "Innkjøpssjef, drift"
    assert rows[1].values[1] == "Åsa" and rows[1].values[2] == "Lind\nBerg"
    assert estimate_rows(table) >= 2


def test_a_byte_outside_the_encoding_names_its_line(tmp_path: Path) -> None:
    # UTF-8 in the first megabyte, a stray cp1252 byte far below it.
    data = b"Name,Email\n" + b"Kari,kari@x.no\n" * 80000 + b"Ol\xe9,ole@x.no\n"
    path = _write(tmp_path, "bad.csv", data)
    table = open_table(path)
    with pytest.raises(ReadError) as caught:
        list(table.rows())
    assert caught.value.code == "encoding"
    assert caught.value.line == 80002


def test_empty_and_duplicate_headers_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        open_table(_write(tmp_path, "e.csv", b"  \n"))
    assert caught.value.code == "empty"
    with pytest.raises(ReadError) as caught:
        open_table(_write(tmp_path, "d.csv", b"Name,name\nA,B\n"))
    assert caught.value.code == "duplicate_header"


def test_excel_sheet(tmp_path: Path) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    path = tmp_path / "accounts.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Kunder")
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["Firmanavn", "Organisasjonsnummer", "Land", "Kunde siden"])
    sheet.write_row(1, 0, ["Fjord Energi AS", 923609016, "Norge"])
    sheet.write_datetime(1, 3, dt.datetime(2019, 3, 1), date_format)
    book.close()
    table = open_table(path)
    assert table.layout.kind == "sheet"
    rows = list(table.rows())
    assert rows[0].line == 2
    assert rows[0].values == ("Fjord Energi AS", "923609016", "Norge", "2019-03-01")
    mapping = recognise(table.header)
    assert mapping.entity == Entity.ACCOUNT
    assert mapping.columns == ("name", "org_number", "country", "customer_since")
    (parsed,) = parse_rows(rows, table.header, mapping)
    assert parsed.record == AccountRecord(
        line=2,
        name="Fjord Energi AS",
        org_number="923 609 016",
        country="NO",
        customer_since=dt.date(2019, 3, 1),
    )


def _ods(path: Path, rows: list[list[str]]) -> None:
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
            for c in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Ark1">'
        f"{cells}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)


def test_opendocument_sheet(tmp_path: Path) -> None:
    path = tmp_path / "people.ods"
    _ods(
        path,
        [["Förnamn", "Efternamn", "E-post", "Företag"], ["Sofia", "Lind", "s@l.se", "Lind AB"]],
    )
    table = open_table(path)
    mapping = recognise(table.header)
    assert mapping.entity == Entity.PERSON
    (parsed,) = parse_rows(table.rows(), table.header, mapping, default_country="SE")
    assert parsed.record == PersonRecord(
        line=2, name="Sofia Lind", email="s@l.se", account_name="Lind AB"
    )


VCARDS = """BEGIN:VCARD
VERSION:3.0
N:Nordmann;Kari;;;
FN:Kari Nordmann
ORG:Fjord Energi AS;Innkjøp
TITLE:Innkjøpssjef
EMAIL;TYPE=INTERNET,WORK:kari@fjord.no
TEL;TYPE=CELL:+47 912 34 567
TEL;TYPE=WORK,VOICE:22 33 44 55
BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17
NOTE:Liker fjellturer
UID:abc-1
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Lars Holm
N:Holm;Lars;;;
BDAY:19800229
ANNIVERSARY:--0612
EMAIL:lars@holm.dk
ADR;TYPE=work:;;Strøget 1;København;;1000;Danmark
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Broken
END:VCARD
"""


def test_vcards_from_phones_and_mail_programs(tmp_path: Path) -> None:
    path = _write(tmp_path, "contacts.vcf", VCARDS.replace("\n", "\r\n").encode())
    table = open_table(path)
    mapping = recognise(table.header)
    assert (mapping.source, mapping.entity) == (Source.VCARD, Entity.PERSON)
    kari, lars, broken = parse_rows(table.rows(), table.header, mapping)
    assert kari.record == PersonRecord(
        line=1,
        name="Kari Nordmann",
        source_id="abc-1",
        email="kari@fjord.no",
        phone="+47 22 33 44 55",
        mobile="+47 91 23 45 67",
        title="Innkjøpssjef",
        account_name="Fjord Energi AS",
        birthday=PartialDate(5, 17, None),
        notes="Liker fjellturer",
    )
    assert isinstance(lars.record, PersonRecord)
    assert lars.record.line == 14
    assert lars.record.birthday == PartialDate(2, 29, 1980)
    assert lars.record.anniversary == PartialDate(6, 12, None)
    assert lars.record.country == "DK"
    assert broken.record is not None and broken.record.name == "Broken"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1980-04-15", PartialDate(4, 15, 1980)),
        ("--04-15", PartialDate(4, 15)),
        ("15.04.1980", PartialDate(4, 15, 1980)),
        ("15.04.", PartialDate(4, 15)),
        ("15/04/1980", PartialDate(4, 15, 1980)),
        ("04/15/1980", PartialDate(4, 15, 1980)),
        ("1604-04-15", PartialDate(4, 15)),
        ("2023-02-29", None),
        ("soon", None),
    ],
)
def test_dates_with_or_without_a_year(text: str, expected: PartialDate | None) -> None:
    assert parse_partial_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234 567,89", "1234567.89"),
        ("1.234.567", "1234567"),
        ("1,234,567.5", "1234567.5"),
        ("NOK 900", "900"),
    ],
)
def test_amounts_in_nordic_and_english_forms(text: str, expected: str) -> None:
    assert str(parse_amount(text)) == expected


def test_known_exports_are_recognised_from_their_headers() -> None:
    salesforce = recognise(
        ("Id", "IsDeleted", "AccountId", "FirstName", "LastName", "Email", "Birthdate", "OwnerId")
    )
    assert (salesforce.source, salesforce.entity) == (Source.SALESFORCE, Entity.PERSON)
    assert salesforce.columns[1] == "deleted" and salesforce.columns[6] == "birthday"
    accounts = recognise(("Id", "Name", "ParentId", "BillingCountry", "AnnualRevenue", "OwnerId"))
    assert (accounts.source, accounts.entity) == (Source.SALESFORCE, Entity.ACCOUNT)
    assert accounts.columns == ("id", "name", "parent_id", "country", "", "owner")
    pipedrive = recognise(
        (
            "Person - ID",
            "Person - Name",
            "Person - Email - Work",
            "Person - Organization",
            "Person - Owner",
        )
    )
    assert (pipedrive.source, pipedrive.columns) == (
        Source.PIPEDRIVE,
        ("id", "name", "email", "account_name", "owner"),
    )
    organizations = recognise(
        ("Organization - ID", "Organization - Name", "Organization - Address - Country")
    )
    assert (organizations.source, organizations.entity) == (Source.PIPEDRIVE, Entity.ACCOUNT)
    companies = recognise(
        (
            "Record ID",
            "Company name",
            "Company Domain Name",
            "Country/Region",
            "Annual Revenue",
            "Company owner",
        )
    )
    assert (companies.source, companies.entity) == (Source.HUBSPOT, Entity.ACCOUNT)
    assert companies.columns == ("id", "name", "domain", "country", "", "owner")
    other = recognise(("Navn", "E-post", "Mobil", "Bedrift"))
    assert (other.source, other.columns) == (
        Source.CSV,
        ("name", "email", "mobile", "account_name"),
    )


def test_row_problems_name_line_and_column(tmp_path: Path) -> None:
    header = ("Name", "Email", "Phone", "Country", "Birthday")
    mapping = recognise(header)
    path = _write(
        tmp_path,
        "p.csv",
        b"Name,Email,Phone,Country,Birthday\n,kari@x,123,Germany,31.02.1980\n",
    )
    table = open_table(path)
    (parsed,) = parse_rows(table.rows(), table.header, mapping)
    assert parsed.record is None
    assert [(p.line, p.column, p.code) for p in parsed.problems] == [
        (2, "Name", "required"),
        (2, "Email", "email"),
        (2, "Country", "country"),
        (2, "Phone", "invalid_phone"),
        (2, "Birthday", "date"),
    ]
