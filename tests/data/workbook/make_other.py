#!/usr/bin/env python3
"""The mini fixture's crops as an Excel 97-2003 workbook (crops.xls, written with xlwt) and as
an OpenDocument spreadsheet (crops.ods, written with odfpy): the same layout as crops.xlsx
(make.py) without its artefacts, so that the reader is tested on the two other formats
villages send, made by other programs than agristat's writer. One sheet per village (甲村,
乙村), a title, a unit line, a two-row header (播种面积 merged over 亩 and 公顷, 产量 over
公斤), a 合计 row and a signature line. The tests read each in place of crops.xlsx and expect
the CSV fixture's totals.

Usage (from the repository root):  python3 tests/data/workbook/make_other.py
Needs xlwt and odfpy (python3 -m pip install --user xlwt odfpy).
"""

import os

import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableRow
from odf.text import P

HERE = os.path.dirname(os.path.abspath(__file__))
VILLAGES = {
    "甲村": ("01", [("杂交水稻", 100, 50000), ("红薯", 50, 75000)]),
    "乙村": ("02", [("杂交水稻", 300, 150000), ("玉米", 200, 80000)]),
}


def rows_of(village, code, crops):
    """The sheet as rows of (value, span): value None for an empty cell."""
    rows = [
        [(f"{village}2019年农作物播种面积和产量", 1)],
        [None, None, None, None, None, ("单位：亩、公斤", 1)],
        [("年份", 1), ("村代码", 1), ("作物", 1), ("播种面积", 2), "covered", ("产量", 1)],
        [None, None, None, ("亩", 1), ("公顷", 1), ("公斤", 1)],
    ]
    for crop, mu, kg in crops:
        rows.append([(2019, 1), (code, 1), (crop, 1), (mu, 1), (round(mu / 15, 2), 1), (kg, 1)])
    total = ("合计", 1), None, None, (sum(c[1] for c in crops), 1), None, (sum(c[2] for c in crops), 1)
    rows.append(list(total))
    rows.append([])
    rows.append([("填表人：王芳", 1), None, None, ("审核人：李明", 1)])
    return rows


def xls():
    book = xlwt.Workbook(encoding="utf-8")
    for village, (code, crops) in VILLAGES.items():
        sheet = book.add_sheet(village)
        for r, row in enumerate(rows_of(village, code, crops)):
            for c, cell in enumerate(row):
                if cell is None or cell == "covered":
                    continue
                value, span = cell
                if span > 1:
                    sheet.write_merge(r, r, c, c + span - 1, value)
                else:
                    sheet.write(r, c, value)
    book.save(os.path.join(HERE, "crops.xls"))


def ods():
    doc = OpenDocumentSpreadsheet()
    for village, (code, crops) in VILLAGES.items():
        table = Table(name=village)
        for row in rows_of(village, code, crops):
            tr = TableRow()
            for cell in row:
                if cell == "covered":
                    tr.addElement(CoveredTableCell())
                    continue
                if cell is None:
                    tr.addElement(TableCell())
                    continue
                value, span = cell
                attrs = {"numbercolumnsspanned": span} if span > 1 else {}
                if isinstance(value, (int, float)):
                    tc = TableCell(valuetype="float", value=value, **attrs)
                else:
                    tc = TableCell(valuetype="string", **attrs)
                tc.addElement(P(text=str(value)))
                tr.addElement(tc)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(os.path.join(HERE, "crops.ods"))


if __name__ == "__main__":
    xls()
    ods()
