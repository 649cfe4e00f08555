#!/usr/bin/env python3
"""Tiny workbooks for the workbook tests, one case each, over the mini fixture's crops
(tests/data/mini/crops/*.csv): written with openpyxl, cached formula values and float
artefacts patched in as Excel saves them (see data/zhulin-xlsx/make.py, whose helpers this
uses). Read by mini-xlsx.toml; tests copy a case over crops.xlsx.

- crops.xlsx: the good one. A notes sheet, then one sheet per village (甲村, 乙村), each with
  a title, a unit line, a merged two-row header (播种面积 over 亩 and 公顷, 产量 over 公斤), a
  合计 row (甲村's as SUM formulas with cached values), a signature line; 甲村's 杂交水稻 area
  is the float artefact 100.00000000000001, its output the text "50,000".
- total-differs.xlsx: 乙村's 合计 gives 230500 kg for rows that sum to 230000.
- error-cell.xlsx: 甲村's 红薯 output is a formula whose cached value is #DIV/0!.
- date-year.xlsx: 乙村's first year cell is 2019 formatted as a date.

Usage (from the repository root):  python3 tests/data/workbook/make.py
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, "data", "zhulin-xlsx"))

from make import Book, signature, title  # noqa: E402
from openpyxl.styles import Font  # noqa: E402

VILLAGES = {
    "甲村": ("01", [("杂交水稻", 100, 50000), ("红薯", 50, 75000)]),
    "乙村": ("02", [("杂交水稻", 300, 150000), ("玉米", 200, 80000)]),
}


def crops(name, case=None):
    book = Book()
    book.sheet("说明")["A1"] = "每村一张表。"
    for village, (code, rows) in VILLAGES.items():
        ws = book.sheet(village)
        title(ws, f"{village}2019年农作物播种面积和产量", 6)
        ws["F2"] = "单位：亩、公斤"
        for c, text in [(1, "年份"), (2, "村代码"), (3, "作物"), (4, "播种面积"), (6, "产量")]:
            ws.cell(3, c, text).font = Font(bold=True)
        for c, text in [(4, "亩"), (5, "公顷"), (6, "公斤")]:
            ws.cell(4, c, text)
        for c in (1, 2, 3):
            ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
        ws.merge_cells("D3:E3")
        for r, (crop, mu, kg) in enumerate(rows, 5):
            ws.cell(r, 1, 2019)
            ws.cell(r, 2, code)
            ws.cell(r, 3, crop)
            ws.cell(r, 4, mu)
            ws.cell(r, 5, round(mu / 15, 2))
            ws.cell(r, 6, kg)
        total = 5 + len(rows)
        ws.cell(total, 1, "合计")
        area, output = sum(r[1] for r in rows), sum(r[2] for r in rows)
        if village == "甲村":
            book.artefact(ws, "D5", 100.0)
            ws["F5"] = "50,000"
            book.cached(ws, f"D{total}", "=SUM(D5:D6)", area)
            book.cached(ws, f"F{total}", "=SUM(F5:F6)", output)
            if case == "error-cell":
                book.cached(ws, "F6", "=E6/0", "#DIV/0!", kind="e")
        else:
            ws.cell(total, 4, area)
            ws.cell(total, 6, output + (500 if case == "total-differs" else 0))
            if case == "date-year":
                ws["A5"].number_format = "yyyy-mm-dd"
        signature(ws, total + 2)
    book.save(os.path.join(HERE, name))


def main():
    crops("crops.xlsx")
    for case in ("total-differs", "error-cell", "date-year"):
        crops(f"{case}.xlsx", case)


if __name__ == "__main__":
    main()
