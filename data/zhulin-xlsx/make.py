#!/usr/bin/env python3
"""Write the 竹林镇 sample data of data/zhulin/ as the workbooks villages send, with openpyxl.

The figures are exactly those of data/zhulin/{2018,2019}/*.csv (this script reads them); only
the layout is a spreadsheet user's: title rows, unit lines, a merged two-row header, one
sheet per village, 合计 rows (some as formulas with their cached values), signature lines,
numbers stored as text, prices holding the float artefacts of spreadsheet arithmetic. The
pipeline pipelines/zhulin-2019-xlsx.toml reads them and must give the CSV sample's totals.

The workbooks are made by another program than agristat's writer on purpose, so that the
reader is not only tested against its own output. openpyxl writes no cached value for a
formula, nor doubles with more than 15 digits, so both are patched into the sheets' XML
afterwards, as Excel would have saved them. Zip entry times and document dates are fixed:
the script rewrites byte-identical files.

Usage (from the repository root):  python3 data/zhulin-xlsx/make.py
Needs openpyxl (python3 -m pip install --user openpyxl).
"""

import csv
import math
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_DIR = os.path.join(os.path.dirname(HERE), "zhulin")
YEARS = (2018, 2019)
FIXED_TIME = (2020, 1, 10, 0, 0, 0)
FIXED_DATE = "2020-01-10T00:00:00Z"
SIGNATURE = ("填表人：王芳", "审核人：李明", "填报日期：2020年1月10日")


def read_csv(year, table):
    path = os.path.join(CSV_DIR, str(year), f"{table}.csv")
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return list(csv.DictReader(text.splitlines()))


def number(text):
    """A CSV figure as the number a spreadsheet stores (int where it is whole); a name
    stays text."""
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


class Book:
    """An openpyxl workbook plus the cell values to patch into its XML after saving."""

    def __init__(self):
        self.wb = openpyxl.Workbook()
        self.wb.remove(self.wb.active)
        # sheet index (1-based, as openpyxl names the XML) -> {cell: (type, value)}
        self.patches = {}

    def sheet(self, title):
        return self.wb.create_sheet(title)

    def cached(self, ws, cell, formula, value, kind="n"):
        """A formula cell with the value Excel would have cached for it."""
        ws[cell] = formula
        index = self.wb.sheetnames.index(ws.title) + 1
        self.patches.setdefault(index, {})[cell] = ("formula", kind, value)

    def artefact(self, ws, cell, value):
        """A number stored as the next double above `value`: 2.6000000000000005 for 2.6,
        what a spreadsheet's own arithmetic leaves; Excel shows 15 digits, so 2.6."""
        above = math.nextafter(value, math.inf)
        assert repr(above) != repr(value) and float(f"{above:.15g}") == value
        ws[cell] = value
        index = self.wb.sheetnames.index(ws.title) + 1
        self.patches.setdefault(index, {})[cell] = ("number", "n", repr(above))

    def save(self, path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.wb.save(path)
        rewrite(path, self.patches)


def rewrite(path, patches):
    """Fixes the zip's times and the document dates, and writes the patched cells."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", FIXED_DATE.encode(), data)
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", name)
            if m and int(m.group(1)) in patches:
                data = patch_sheet(data.decode(), patches[int(m.group(1))]).encode()
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def patch_sheet(xml, cells):
    for cell, (what, kind, value) in cells.items():
        if what == "formula":
            pattern = rf'<c r="{cell}"([^>]*)><f>([^<]*)</f><v\s*/>'
            t = ' t="e"' if kind == "e" else ""
            new = rf'<c r="{cell}"{t}><f>\2</f><v>{value}</v>'
        else:
            pattern = rf'<c r="{cell}"([^>]*)><v>[^<]*</v>'
            new = rf'<c r="{cell}"\1><v>{value}</v>'
        xml, n = re.subn(pattern, new, xml)
        assert n == 1, (cell, pattern)
    return xml


def title(ws, text, width):
    ws.cell(1, 1, text).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")


def header(ws, row, names):
    for c, name in enumerate(names, 1):
        ws.cell(row, c, name).font = Font(bold=True)


def signature(ws, row):
    ws.cell(row, 1, SIGNATURE[0])
    ws.cell(row, 3, SIGNATURE[1])
    ws.cell(row, 5, SIGNATURE[2])


def col(c):
    return openpyxl.utils.get_column_letter(c)


def total_row(book, ws, row, first, last, columns, label_column=1):
    """A 合计 row: SUM formulas over rows first..last, with their cached sums."""
    ws.cell(row, label_column, "合计")
    for c in columns:
        cells = [ws.cell(r, c).value for r in range(first, last + 1)]
        total = sum(int(v.replace(",", "")) if isinstance(v, str) else v for v in cells if v is not None)
        book.cached(ws, f"{col(c)}{row}", f"=SUM({col(c)}{first}:{col(c)}{last})", total)


def villages(year):
    rows = read_csv(year, "villages")
    book = Book()
    ws = book.sheet("村基本情况")
    names = list(rows[0])
    title(ws, f"竹林镇{year}年各村基本情况", len(names))
    header(ws, 2, names)
    for r, row in enumerate(rows, 3):
        for c, name in enumerate(names, 1):
            text = row[name]
            # Codes are text, as they keep their leading zeros; counts are numbers.
            value = number(text) if name in ("年份", "户数", "人口", "建档立卡贫困户") else text
            ws.cell(r, c, value)
    last = 2 + len(rows)
    total_row(book, ws, last + 1, 3, last, [8, 9, 10])
    signature(ws, last + 3)
    book.save(os.path.join(HERE, str(year), "villages.xlsx"))


def crops(year, names_by_code):
    """One sheet per village, each with a title, a unit line, a merged two-row header
    (播种面积 over 亩 and 公顷, 产量 over 公斤), a 合计 row and a signature line."""
    rows = read_csv(year, "crops")
    book = Book()
    notes = book.sheet("填表说明")
    notes["A1"] = "每村一张表；面积单位亩，产量单位公斤；合计行由公式计算。"
    for code, name in names_by_code.items():
        ws = book.sheet(name)
        title(ws, f"{name}{year}年农作物播种面积和产量", 6)
        ws["F2"] = "单位：亩、公斤"
        for c, text in [(1, "年份"), (2, "村代码"), (3, "作物"), (4, "播种面积"), (6, "产量")]:
            ws.cell(3, c, text).font = Font(bold=True)
        for c, text in [(4, "亩"), (5, "公顷"), (6, "公斤")]:
            ws.cell(4, c, text).font = Font(bold=True)
        for c in (1, 2, 3):
            ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
        ws.merge_cells("D3:E3")
        mine = [r for r in rows if r["村代码"] == code]
        for r, row in enumerate(mine, 5):
            mu = number(row["播种面积(亩)"])
            ws.cell(r, 1, int(row["年份"]))
            ws.cell(r, 2, code)
            ws.cell(r, 3, row["作物"])
            ws.cell(r, 4, mu)
            ws.cell(r, 5, round(mu / 15, 2))
            ws.cell(r, 6, number(row["产量(公斤)"]))
        last = 4 + len(mine)
        total_row(book, ws, last + 1, 5, last, [4, 6])
        signature(ws, last + 3)
    book.save(os.path.join(HERE, str(year), "竹林镇村报表.xlsx"))


def simple(year, table, header_names, sheet_title, text_columns=(), unit_line=None,
           total_columns=(), thousands=(), artefacts=(), formulas=()):
    """One sheet: a title, perhaps a unit line, a one-row header, the rows, perhaps a 合计
    row, a signature line. `thousands`: columns stored as text with separators (1,699)."""
    rows = read_csv(year, table)
    source = list(rows[0])
    book = Book()
    ws = book.sheet(sheet_title)
    title(ws, f"竹林镇{year}年{sheet_title}", len(header_names))
    top = 2
    if unit_line:
        ws.cell(2, len(header_names), unit_line)
        top = 3
    header(ws, top, header_names)
    for r, row in enumerate(rows, top + 1):
        for c, name in enumerate(source, 1):
            text = row[name]
            cell = f"{col(c)}{r}"
            if text == "" or name in text_columns:
                ws.cell(r, c, text if text else None)
            elif name in thousands:
                ws.cell(r, c, f"{int(text):,}")
            elif name in artefacts and isinstance(number(text), float):
                book.artefact(ws, cell, float(text))
            elif name in formulas and r % 3 == 0 and int(text) >= 1000:
                # A figure computed in the sheet: =68000+400, cached 68400.
                value = int(text)
                book.cached(ws, cell, f"={value - value % 1000}+{value % 1000}", value)
            else:
                ws.cell(r, c, number(text))
    last = top + len(rows)
    if total_columns:
        total_row(book, ws, last + 1, top + 1, last, total_columns)
    signature(ws, last + 3)
    book.save(os.path.join(HERE, str(year), f"{table}.xlsx"))


def main():
    for year in YEARS:
        names = {r["村代码"]: r["村名"] for r in read_csv(year, "villages")}
        villages(year)
        crops(year, names)
        codes = ("村代码",)
        simple(year, "livestock", ["年份", "村代码", "畜种", "年末存栏(头)"], "畜禽存栏",
               text_columns=codes, total_columns=[4])
        simple(year, "slaughter", ["年份", "村代码", "产品", "出栏数", "产量(公斤)"], "畜产品产量",
               text_columns=codes, thousands=("出栏数",))
        simple(year, "dividends", ["年份", "村代码", "项目", "分红户数", "贫困户户数", "分红金额"],
               "产业分红", text_columns=codes, unit_line="单位：户、元", total_columns=[4, 5, 6])
        simple(year, "income", ["年份", "村代码", "工资性收入", "经营净收入", "财产净收入", "转移净收入"],
               "农民收入", text_columns=codes, unit_line="单位：元")
        simple(year, "prices", ["年份", "产品", "单价(元/公斤)"], "农产品价格",
               artefacts=("单价(元/公斤)",))
        simple(year, "other_output", ["年份", "村代码", "行业", "产值(元)"], "其他产值",
               text_columns=codes, formulas=("产值(元)",))
    print(f"wrote {HERE}/{{2018,2019}}/*.xlsx", file=sys.stderr)


if __name__ == "__main__":
    main()
