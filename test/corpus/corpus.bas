REM The LibreOffice part of the test corpus (test/corpus/make.ts runs it headless).
REM Opens $CORPUS_IN (the seed tables), adds what officials' LibreOffice files carry,
REM and saves $CORPUS_OUT with LibreOffice's own xlsx filter, so every part is LibreOffice's.
REM With $CORPUS_LOCKED set, the appendix sheet "Phụ lục I" is protected too.
Sub Main
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden" : args(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ("CORPUS_IN")), "_blank", 0, args())
  oSheets = oDoc.Sheets

  REM A data sheet: a table (database range with an autofilter), formulas, a chart, a pivot table.
  oSheets.insertNewByName("Số liệu", oSheets.Count)
  oData = oSheets.getByName("Số liệu")
  dataIndex = oSheets.Count - 1
  Dim rows(6) As Variant
  rows(0) = Array("Nhóm", "Đơn vị", "Số chỉ tiêu", "Đạt")
  rows(1) = Array("Hạ tầng", "Phòng Văn hóa - Xã hội", 4, 3)
  rows(2) = Array("Nhân lực", "Văn phòng HĐND và UBND", 6, 5)
  rows(3) = Array("Hạ tầng", "Phòng Kinh tế", 2, 2)
  rows(4) = Array("Chính quyền số", "Văn phòng HĐND và UBND", 10, 7)
  rows(5) = Array("Kinh tế số", "Phòng Kinh tế", 5, 1)
  rows(6) = Array("Nhân lực", "Phòng Văn hóa - Xã hội", 3, 3)
  For r = 0 To 6
    For c = 0 To 3
      oCell = oData.getCellByPosition(c, r)
      If r > 0 And c >= 2 Then
        oCell.Value = rows(r)(c)
      Else
        oCell.String = rows(r)(c)
      End If
    Next c
  Next r
  oData.getCellRangeByName("E1").String = "Tỷ lệ"
  For r = 2 To 7
    oData.getCellRangeByName("E" & r).Formula = "=D" & r & "/C" & r
  Next r
  oData.getCellRangeByName("E8").Formula = "=SUM(D2:D7)/SUM(C2:C7)"
  oData.getCellRangeByName("A9").String = "Số dòng TongCong"
  oData.getCellRangeByName("B9").Formula = "=ROWS(TongCong)"

  oRange = oData.getCellRangeByName("A1:D7")
  oDoc.DatabaseRanges.addNewByName("BangSoLieu", oRange.getRangeAddress())
  oDoc.DatabaseRanges.getByName("BangSoLieu").AutoFilter = True

  Dim rect As New com.sun.star.awt.Rectangle
  rect.X = 1000 : rect.Y = 6000 : rect.Width = 12000 : rect.Height = 7000
  Dim chartRanges(0) As New com.sun.star.table.CellRangeAddress
  chartRanges(0) = oData.getCellRangeByName("B1:C7").getRangeAddress()
  oData.Charts.addNewByName("BieuDoChiTieu", rect, chartRanges(), True, True)

  oDesc = oData.DataPilotTables.createDataPilotDescriptor()
  oDesc.SourceRange = oRange.getRangeAddress()
  oField = oDesc.DataPilotFields.getByIndex(0)
  oField.Orientation = com.sun.star.sheet.DataPilotFieldOrientation.ROW
  oField = oDesc.DataPilotFields.getByIndex(2)
  oField.Orientation = com.sun.star.sheet.DataPilotFieldOrientation.DATA
  oField.Function = com.sun.star.sheet.GeneralFunction.SUM
  Dim dest As New com.sun.star.table.CellAddress
  dest.Sheet = dataIndex : dest.Column = 7 : dest.Row = 0
  oData.DataPilotTables.insertNewByName("TongHopNhom", dest, oDesc)

  REM A chart on the appendix sheet itself, below its table.
  oTable = oSheets.getByIndex(0)
  rect.X = 2000 : rect.Y = 60000 : rect.Width = 14000 : rect.Height = 8000
  oTable.Charts.addNewByName("BieuDoNhom", rect, chartRanges(), True, True)

  REM Notes on both appendix sheets.
  Dim at As New com.sun.star.table.CellAddress
  at.Sheet = 0 : at.Column = 1 : at.Row = 9
  oTable.Annotations.insertNew(at, "Số liệu do phòng Văn hóa - Xã hội cung cấp.")
  at.Sheet = 1 : at.Column = 2 : at.Row = 11
  oSheets.getByIndex(1).Annotations.insertNew(at, "Cần xác nhận lại thời hạn.")

  REM Names: workbook scope (a range, a constant), and one name on two sheets' own scopes.
  Dim origin As New com.sun.star.table.CellAddress
  oDoc.NamedRanges.addNewByName("VungSoLieu", "$'Số liệu'.$A$1:$D$7", origin, 0)
  oDoc.NamedRanges.addNewByName("TyLeMucTieu", "0.8", origin, 0)
  oData.NamedRanges.addNewByName("TongCong", "$'Số liệu'.$C$2:$C$7", origin, 0)
  oTable.NamedRanges.addNewByName("TongCong", "$'" & oTable.Name & "'.$A$1:$A$3", origin, 0)

  REM A protected sheet of notes (LibreOffice writes sheet="true").
  oSheets.insertNewByName("Ghi chú", oSheets.Count)
  oNotes = oSheets.getByName("Ghi chú")
  oNotes.getCellRangeByName("A1").String = "Trang này được bảo vệ."
  oNotes.protect("")
  If Environ("CORPUS_LOCKED") <> "" Then oTable.protect("")

  Dim sargs(1) As New com.sun.star.beans.PropertyValue
  sargs(0).Name = "FilterName" : sargs(0).Value = "Calc MS Excel 2007 XML"
  sargs(1).Name = "Overwrite" : sargs(1).Value = True
  oDoc.storeToURL(ConvertToURL(Environ("CORPUS_OUT")), sargs())
  oDoc.close(True)
End Sub
