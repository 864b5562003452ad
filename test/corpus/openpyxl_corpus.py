"""The openpyxl part of the test corpus (test/corpus/make.ts runs it with Debian's python3-openpyxl).

usage: python3 openpyxl_corpus.py SEEDS_DIR OUT.xlsx [--1904]

Writes the Tân Lợi seed tables as an official's openpyxl-made workbook: notes, defined
names (workbook and sheet scope, a constant), a list validation, conditional formats,
merged cells, frozen panes, a hidden column, real dates, a table, two charts, print
titles, and a protected side sheet (openpyxl writes sheet="1" with a legacy password).
With --1904 the workbook counts dates from 1904 (openpyxl converts the dates itself).
"""
import datetime
import json
import os
import sys

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

seeds, out = sys.argv[1], sys.argv[2]
mac = "--1904" in sys.argv[3:]
seed = json.load(open(os.path.join(seeds, "001-tan-loi.json"), encoding="utf-8"))

wb = Workbook()
if mac:
    wb.epoch = CALENDAR_MAC_1904
wb.remove(wb.active)
for s in seed["sheets"]:
    ws = wb.create_sheet(s["name"])
    for r, row in enumerate(s["values"], start=1):
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(row=r, column=c, value=v)
    for addr, fmt in (s.get("numberFormats") or {}).items():
        ws[addr].number_format = fmt
    for m in s.get("merges") or []:
        ws.merge_cells(m)
    ws.column_dimensions["B"].width = 60
    ws.freeze_panes = "A8" if s["name"] != "Chỉ tiêu" else "A5"

ind, tasks = wb["Chỉ tiêu"], wb["Phụ lục nhiệm vụ"]
ind["B6"].comment = Comment("Số liệu của Viettel Đồng Nai.", "Nguyễn Văn An")
tasks["B9"].comment = Comment("Đã có dự toán.", "Trần Thị Bình")

# Real dates in the tasks' deadline column (the seed writes them as text).
for r, d in ((9, datetime.date(2026, 6, 30)), (10, datetime.date(2026, 9, 15)), (12, datetime.date(2026, 3, 31))):
    tasks.cell(row=r, column=6, value=d).number_format = "dd/mm/yyyy"

tasks.column_dimensions["D"].hidden = True
dv = DataValidation(type="list", formula1='"%,người,hồ sơ"', allow_blank=True)
ind.add_data_validation(dv)
dv.add("C5:C40")
ind.conditional_formatting.add("D5:D40", CellIsRule(operator="equal", formula=['"100%"'], fill=PatternFill("solid", bgColor="C6EFCE"), font=Font(color="006100")))
ind.print_title_rows = "4:4"

data = wb.create_sheet("Số liệu")
data.append(["Nhóm", "Số chỉ tiêu", "Đạt"])
for row in (["Hạ tầng", 2, 2], ["Nhân lực", 4, 3], ["Khoa học", 1, 1], ["Chính quyền số", 10, 7], ["Kinh tế số", 7, 4]):
    data.append(row)
data["E1"] = "Tổng"
data["E2"] = "=SUM(B2:B6)"
data["E3"] = "=ROWS(TongCong)"
data.add_table(Table(displayName="BangSoLieu", ref="A1:C6", tableStyleInfo=TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)))
chart = BarChart()
chart.title = "Số chỉ tiêu theo nhóm"
chart.add_data(Reference(data, min_col=2, min_row=1, max_row=6), titles_from_data=True)
chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=6))
data.add_chart(chart, "G2")
chart2 = BarChart()
chart2.add_data(Reference(data, min_col=3, min_row=1, max_row=6), titles_from_data=True)
ind.add_chart(chart2, "H45")

wb.defined_names.append(DefinedName("TyLeMucTieu", attr_text="0.8"))
wb.defined_names.append(DefinedName("VungSoLieu", attr_text="'Số liệu'!$A$1:$C$6"))
wb.defined_names.append(DefinedName("TongCong", localSheetId=2, attr_text="'Số liệu'!$B$2:$B$6"))

side = wb.create_sheet("Ghi chú")
side["A1"] = "Trang được bảo vệ bằng mật khẩu."
side.protection.sheet = True
side.protection.password = "nq57"

wb.save(out)
