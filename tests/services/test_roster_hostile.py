"""Hostile roster files: each is refused within seconds and bounded memory, with a
translated sentence saying what is wrong with the file, and nothing is written
(a digest of every table before and after).  The files are built at test time
(tests/services/hostile/xlsx.py); the big ones are megabytes on disk that
claim or unpack to gigabytes."""

from __future__ import annotations

import os
import re
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from digests import table_digests
from hostile import xlsx as h

from app.services import households, xlsx_safety
from app.services.households import RosterError, read_roster, roster
from app.services.volunteers import roster as volunteer_roster
from app.translations import install_translators

MB = 1 << 20
Build = Callable[[Path, pytest.MonkeyPatch], Path]


def _empty_rows(count: int) -> Iterator[bytes]:
    for start in range(3, count + 3, 100_000):
        yield b"".join(b'<row r="%d"/>' % n for n in range(start, min(start + 100_000, count + 3)))


def _merges(count: int) -> Iterator[bytes]:
    yield h.SHEET_HEAD + h.header_row() + h.data_row(2) + b"</sheetData><mergeCells>"
    block = b'<mergeCell ref="A2:A3"/>'
    for start in range(0, count, 100_000):
        yield block * min(100_000, count - start)
    yield b"</mergeCells></worksheet>"


def _hex(size: int) -> bytes:
    return os.urandom(size // 2).hex().encode()  # packs about 2:1, like real text


def _sheet_bomb(p: Path, mp: pytest.MonkeyPatch) -> Path:
    head = h.SHEET_HEAD + h.header_row()
    bomb = h.whitespace_bomb("xl/worksheets/sheet1.xml", head, 2 << 30, h.SHEET_TAIL)
    return h.raw_zip(p, h.standard_entries(bomb))


def _lying_header(p: Path, mp: pytest.MonkeyPatch) -> Path:
    head = h.SHEET_HEAD + h.header_row()
    bomb = h.whitespace_bomb("xl/worksheets/sheet1.xml", head, 60 * MB, h.SHEET_TAIL)
    bomb.file_size = 10_000  # the header says 10 kB; the data unpacks to 60 MB
    return h.raw_zip(p, h.standard_entries(bomb))


def _lying_small_entry(p: Path, mp: pytest.MonkeyPatch) -> Path:
    data = b"".join(h.good_sheet())
    return h.raw_zip(
        p, h.standard_entries(h.entry("xl/worksheets/sheet1.xml", data, claim_size=len(data) - 40))
    )


def _string_bomb(p: Path, mp: pytest.MonkeyPatch) -> Path:
    bomb = h.whitespace_bomb(
        "xl/sharedStrings.xml", h.SST_HEAD + b"<si><t>", 1536 * MB, b"</t></si>" + h.SST_TAIL
    )
    entries = [e for e in h.standard_entries() if e.name != b"xl/sharedStrings.xml"]
    return h.raw_zip(p, [*entries, bomb])


def _big_strings_part(p: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(xlsx_safety, "MAX_STRINGS_BYTES", 1 * MB)
    sst = h.SST_HEAD + b"<si><t>" + _hex(2 * MB) + b"</t></si>" + h.SST_TAIL
    return h.workbook(p, shared_strings=sst)


def _twenty_million_strings(p: Path, mp: pytest.MonkeyPatch) -> Path:
    return h.workbook(p, shared_strings=h.shared_strings(20_000_000))


def _many_strings(p: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(xlsx_safety, "MAX_SHARED_STRINGS", 1_000)
    return h.workbook(p, shared_strings=h.shared_strings(1_001))


def _five_million_merges(p: Path, mp: pytest.MonkeyPatch) -> Path:
    return h.workbook(p, _merges(5_000_000))


def _many_merges(p: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(xlsx_safety, "MAX_MERGES", 100)
    return h.workbook(p, _merges(101))


def _three_million_empty_rows(p: Path, mp: pytest.MonkeyPatch) -> Path:
    return h.workbook(p, h.sheet(h.header_row(), h.data_row(2), _empty_rows(3_000_000)))


def _empty_rows_over_the_count(p: Path, mp: pytest.MonkeyPatch) -> Path:
    return h.workbook(p, h.sheet(h.header_row(), h.data_row(2), _empty_rows(250_000)))


def _many_cells(p: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(xlsx_safety, "MAX_CELLS", 1_000)
    return h.workbook(p, h.sheet(h.header_row(), *(h.data_row(n) for n in range(2, 340))))


def _entity_in(part: str) -> Build:
    def build(p: Path, mp: pytest.MonkeyPatch) -> Path:
        standard = {
            "xl/worksheets/sheet1.xml": b"".join(h.good_sheet()),
            "xl/sharedStrings.xml": h.SST_HEAD + b"<si><t>&lol9;</t></si>" + h.SST_TAIL,
            "xl/workbook.xml": h.WORKBOOK,
            "[Content_Types].xml": h.CONTENT_TYPES,
        }
        body = standard[part]
        body = body.replace(h.DECL, b"").replace(
            b"<t>\xe7\x8e\x8b\xe4\xba\x94</t>", b"<t>&lol9;</t>"
        )
        return h.workbook(p, replace={part: h.BILLION_LAUGHS + body})

    return build


def _xxe(p: Path, mp: pytest.MonkeyPatch) -> Path:
    body = b"".join(h.good_sheet()).replace(h.DECL, b"").replace("王五".encode(), b"&xxe;")
    return h.workbook(p, h.XXE + body)


def _lowercase_doctype(p: Path, mp: pytest.MonkeyPatch) -> Path:
    body = b"".join(h.good_sheet()).replace(h.DECL, b"")
    return h.workbook(p, b'<?xml version="1.0"?><!doctype x []>' + body)


def _utf16_sheet(p: Path, mp: pytest.MonkeyPatch) -> Path:
    text = b"".join(h.good_sheet()).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return h.workbook(p, text.encode("utf-16"))


def _big_styles(p: Path, mp: pytest.MonkeyPatch) -> Path:
    styles = h.DECL + b"<styleSheet " + h.MAIN + b"><!--" + _hex(6 * MB) + b"--></styleSheet>"
    return h.workbook(p, extra={"xl/styles.xml": styles})


def _tightly_packed(p: Path, mp: pytest.MonkeyPatch) -> Path:
    return h.workbook(p, extra={"xl/media/image1.png": b"\0" * (10 * MB)})


def _many_entries(p: Path, mp: pytest.MonkeyPatch) -> Path:
    return h.workbook(p, extra={f"xl/media/{i}.bin": b"x" for i in range(1_001)})


def _not_a_zip(p: Path, mp: pytest.MonkeyPatch) -> Path:
    p.write_bytes(os.urandom(4096))
    return p


def _too_big_on_disk(p: Path, mp: pytest.MonkeyPatch) -> Path:
    with p.open("wb") as f:
        f.seek(51 * MB)
        f.write(b"PK")
    return p


def _long_cell(p: Path, mp: pytest.MonkeyPatch) -> Path:
    return h.workbook(p, h.sheet(h.header_row(), h.data_row(2, name="王" * 2_001)))


def _bad_string_index(p: Path, mp: pytest.MonkeyPatch) -> Path:
    row = b'<row r="2">' + h.inline("A2", "001") + b'<c r="B2" t="s"><v>99</v></c></row>'
    return h.workbook(p, h.sheet(h.header_row(), row))


def _truncated_xml(p: Path, mp: pytest.MonkeyPatch) -> Path:
    return h.workbook(p, h.SHEET_HEAD + h.header_row() + b'<row r="2"><c r="A2" t="inl')


def _slow(p: Path, mp: pytest.MonkeyPatch) -> Path:
    mp.setattr(xlsx_safety, "MAX_SECONDS", 0.0)
    return h.workbook(p)


NOT_XLSX = "is not an Excel workbook"
DAMAGED = "is damaged and cannot be read"
ENTITY = "contains XML entity or DOCTYPE declarations"
CASES: list[tuple[str, Build, str]] = [
    ("2GiB-whitespace-in-the-sheet", _sheet_bomb, "unpacks to more than 50 MB"),
    ("header-lies-about-the-size", _lying_header, DAMAGED),
    ("header-claims-less-than-the-data", _lying_small_entry, DAMAGED),
    ("1.5GiB-shared-string", _string_bomb, "unpacks to more than 50 MB"),
    ("shared-strings-over-their-limit", _big_strings_part, "unpacks to more than 1 MB"),
    ("20M-shared-strings", _twenty_million_strings, "unpacks to more than 50 MB"),
    ("shared-string-count", _many_strings, "holds more than 1000 different texts"),
    ("5M-merged-cells", _five_million_merges, "unpacks to more than 50 MB"),
    ("merged-cell-count", _many_merges, "has more than 100 merged cells"),
    ("3M-empty-rows", _three_million_empty_rows, "unpacks to more than 50 MB"),
    ("cell-count", _many_cells, "has more than 1000 cells"),
    ("250k-empty-rows", _empty_rows_over_the_count, "has more than 200000 rows, counting empty"),
    ("billion-laughs-in-the-sheet", _entity_in("xl/worksheets/sheet1.xml"), ENTITY),
    ("billion-laughs-in-shared-strings", _entity_in("xl/sharedStrings.xml"), ENTITY),
    ("billion-laughs-in-the-workbook", _entity_in("xl/workbook.xml"), ENTITY),
    ("doctype-in-content-types", _entity_in("[Content_Types].xml"), ENTITY),
    ("xxe-reads-etc-passwd", _xxe, ENTITY),
    ("lowercase-doctype", _lowercase_doctype, ENTITY),
    ("utf16-sheet", _utf16_sheet, "in an encoding Excel and WPS do not write"),
    ("6MB-styles", _big_styles, "unpacks to more than 5 MB"),
    ("packed-1000-to-1", _tightly_packed, "is packed far more tightly"),
    ("1001-parts", _many_entries, DAMAGED),
    ("random-bytes", _not_a_zip, NOT_XLSX),
    ("51MB-file", _too_big_on_disk, "is larger than 50 MB"),
    ("2001-character-cell", _long_cell, "Cell B2 holds more than 2000 characters"),
    ("shared-string-index-out-of-range", _bad_string_index, DAMAGED),
    ("truncated-sheet-xml", _truncated_xml, DAMAGED),
    ("over-the-time-limit", _slow, "took longer than 0 seconds"),
]


@pytest.mark.parametrize(("build", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
@pytest.mark.parametrize(
    "spec",
    [households.HOUSEHOLDS, volunteer_roster.VOLUNTEERS],
    ids=["households", "volunteers"],
)
def test_a_hostile_roster_is_refused_quickly_clearly_and_changes_nothing(
    qapp, station_db, tmp_path: Path, monkeypatch, build: Build, expected: str, spec
) -> None:  # type: ignore[no-untyped-def]
    db, _admin = station_db
    path = build(tmp_path / "花名册.xlsx", monkeypatch)
    assert path.stat().st_size < 60 * MB
    before = table_digests(db.path)
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(RosterError) as refused:
            read_roster(path, spec=spec)
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert expected in refused.value.untranslated
    assert elapsed < 5, f"refused after {elapsed:.1f} s"
    assert peak < 100 * MB, f"peak {peak / MB:.0f} MB"
    assert table_digests(db.path) == before
    install_translators(qapp, "zh_CN")
    try:
        text = str(refused.value)
    finally:
        install_translators(qapp, "en")
    assert re.search("[\u4e00-\u9fff]", text.replace("花名册", "")), text
    assert text != refused.value.untranslated


def test_rows_a_file_only_claims_are_not_read(tmp_path: Path) -> None:
    """A <dimension> of a million rows and a row numbered 1,000,000 read as what is there."""
    dimension = h.SHEET_HEAD.replace(b"<sheetData>", b'<dimension ref="A1:CV1048576"/><sheetData>')
    path = h.workbook(
        tmp_path / "x.xlsx",
        h.sheet(
            h.header_row(), h.data_row(2), h.data_row(1_000_000, "002", "李四"), head=dimension
        ),
    )
    started = time.monotonic()
    preview = read_roster(path)
    assert time.monotonic() - started < 3
    assert [(r.row_no, r.values[:2]) for r in preview.rows] == [
        (2, ("001", "王五")),
        (1_000_000, ("002", "李四")),
    ]


def test_a_sound_roster_still_reads(tmp_path: Path) -> None:
    path = h.workbook(
        tmp_path / "x.xlsx",
        h.sheet(h.header_row(), h.data_row(2), h.data_row(3, "001", "王小五", "子")),
    )
    preview = read_roster(path)
    assert preview.mapping == {"number": 0, "name": 1, "relation": 2}
    assert [r.values[:3] for r in preview.rows] == [
        ("001", "王五", "户主"),
        ("001", "王小五", "子"),
    ]


# --- openpyxl itself parses with defusedxml ------------------------------------------------


@pytest.mark.parametrize(
    "part", ["xl/workbook.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]
)
def test_openpyxl_refuses_entities_on_every_parse_path_we_use(tmp_path: Path, part: str) -> None:
    """The second wall: even a file that skipped the byte scan cannot expand entities."""
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    path = _entity_in(part)(tmp_path / "x.xlsx", pytest.MonkeyPatch())

    def defused(error: BaseException | None) -> bool:
        while error is not None and not isinstance(error, DefusedXmlException):
            error = error.__cause__ or error.__context__
        return error is not None

    started = time.monotonic()
    with pytest.raises((RosterError, ValueError)) as caught:  # DefusedXmlException: ValueError
        book = roster._open(path, xlsx_safety.Deadline(path))
        try:
            list(roster._rows(book[book.sheetnames[0]], xlsx_safety.Deadline(path)))
        finally:
            book.close()
    assert time.monotonic() - started < 2
    assert defused(caught.value), caught.value
    # and openpyxl's own loader, for any other caller
    with pytest.raises(ValueError) as caught_too:
        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            for ws in wb.worksheets:
                list(ws.iter_rows())
        finally:
            wb.close()
    assert defused(caught_too.value), caught_too.value


def test_texts_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    """The fast text reading gives what openpyxl's own reader gives (rich runs joined,
    the phonetic guide left out, Excel's _x005F_ escape undone)."""
    from openpyxl import load_workbook

    sst = (
        h.SST_HEAD
        + b"<si><t>\xe5\xa7\x93\xe5\x90\x8d</t></si>"  # 姓名
        + b"<si><r><t>\xe5\xbc\xa0</t></r><r><rPr><b/></rPr><t>\xe4\xb8\x89</t></r>"
        + b"<rPh sb='0' eb='1'><t>zhang</t></rPh></si>"
        + b"<si><t xml:space='preserve'> a_x005F_x0041_ </t></si>"
        + h.SST_TAIL
    )
    rows = (
        b'<row r="1">' + h.inline("A1", "户号") + b'<c r="B1" t="s"><v>0</v></c></row>'
        b'<row r="2">' + h.inline("A2", "001") + b'<c r="B2" t="s"><v>1</v></c>'
        b'<c r="C2" t="s"><v>2</v></c>'
        b'<c r="D2" t="inlineStr"><is><r><t>\xe7\x8e\x8b</t></r><r><t>\xe4\xba\x94</t></r></is></c>'
        b'<c r="E2"><f>1+1</f></c><c r="F2"><f>1+1</f><v>2</v></c></row>'
    )
    path = h.workbook(tmp_path / "x.xlsx", h.sheet(rows), sst)
    preview = read_roster(path)
    ours = preview.rows[0].values[:6]
    wb = load_workbook(path, read_only=True, data_only=True)
    theirs = next(wb.worksheets[0].iter_rows(min_row=2, max_col=6, values_only=True))
    wb.close()
    assert ours == theirs == ("001", "张三", " a_x0041_ ", "王五", None, 2)
    assert preview.rows[0].formulas == frozenset({4})  # the formula nobody computed
