# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from odoo import _, api, models

from odoo.addons.jxc_stock.utils import download_action

# Cell formats by column kind; `_formats()` may be extended.
NUMBER_FORMATS = {
    "float": "#,##0.00",
    "monetary": "#,##0.00",
    "integer": "#,##0",
    "percent": "0.00",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}


class JxcReportXlsx(models.AbstractModel):
    """Writes the XLSX files of every JXC report the same way: a title, a bold frozen header
    row, number formats, a total row of plain numbers, and text that is always text (a cell
    from the data that starts with = + - @ never becomes a formula)."""

    _name = "jxc.report.xlsx"
    _description = "JXC XLSX Export"

    @api.model
    def _formats(self, book):
        formats = {
            "title": book.add_format({"bold": True, "font_size": 13}),
            "subtitle": book.add_format({"italic": True, "font_color": "#555555"}),
            "header": book.add_format(
                {
                    "bold": True,
                    "bg_color": "#DDDDDD",
                    "border": 1,
                    "text_wrap": True,
                    "valign": "vcenter",
                }
            ),
            "text": None,
            "total_label": book.add_format({"bold": True, "top": 1}),
        }
        for kind, number_format in NUMBER_FORMATS.items():
            formats[kind] = book.add_format({"num_format": number_format})
            formats[f"total_{kind}"] = book.add_format(
                {"num_format": number_format, "bold": True, "top": 1}
            )
        return formats

    @api.model
    def _workbook(self, sheets):
        """XLSX bytes of ``sheets``: a list of dicts with ``name``, ``title``, optional
        ``subtitle``, ``columns`` (dicts with ``label``, ``kind`` — text, float, monetary,
        integer, percent, date, datetime — optional ``width``, ``total`` and ``per_unit``)
        and ``rows`` (lists of cell values in column order), and for ``per_unit`` columns
        ``units``: the units of the rows. A ``per_unit`` column (a quantity) is totalled only
        when every row is in the same unit: kilograms do not add to pieces."""
        import xlsxwriter

        output = io.BytesIO()
        book = xlsxwriter.Workbook(
            output,
            {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False},
        )
        formats = self._formats(book)
        for sheet_spec in sheets:
            self._write_sheet(book, formats, sheet_spec)
        book.close()
        return output.getvalue()

    @api.model
    def _write_sheet(self, book, formats, spec):
        # Sheet names: at most 31 characters, none of []:*?/\
        name = "".join(c for c in spec["name"] if c not in "[]:*?/\\")[:31]
        sheet = book.add_worksheet(name or None)
        columns, rows = spec["columns"], spec["rows"]
        sheet.write_string(0, 0, spec.get("title") or "", formats["title"])
        if spec.get("subtitle"):
            sheet.write_string(1, 0, spec["subtitle"], formats["subtitle"])
        header_row = 2
        for col, column in enumerate(columns):
            sheet.write_string(header_row, col, column["label"], formats["header"])
            kind = column.get("kind", "text")
            width = column.get("width") or (30 if kind == "text" else 14)
            sheet.set_column(col, col, width)
        sheet.set_row(header_row, 30)
        sheet.freeze_panes(header_row + 1, 1)
        one_unit = len(set(spec.get("units") or ())) == 1
        totalled = [
            bool(column.get("total")) and (one_unit or not column.get("per_unit"))
            for column in columns
        ]
        totals = [0.0] * len(columns)
        for number, row in enumerate(rows, start=header_row + 1):
            for col, (column, value) in enumerate(zip(columns, row, strict=True)):
                self._write_cell(sheet, number, col, column.get("kind", "text"), value, formats)
                if totalled[col] and isinstance(value, int | float):
                    totals[col] += value
        if any(column.get("total") for column in columns):
            last = header_row + 1 + len(rows)
            sheet.write_string(last, 0, _("Total"), formats["total_label"])
            for col, column in enumerate(columns):
                if totalled[col]:
                    kind = column.get("kind", "float")
                    sheet.write_number(last, col, totals[col], formats[f"total_{kind}"])
        return sheet

    @api.model
    def _write_cell(self, sheet, row, col, kind, value, formats):
        if value is None or value is False:
            sheet.write_blank(row, col, None)
        elif kind in ("date", "datetime") and not isinstance(value, str):
            sheet.write_datetime(row, col, value, formats[kind])
        elif kind != "text" and isinstance(value, int | float):
            sheet.write_number(row, col, value, formats[kind])
        else:
            sheet.write_string(row, col, str(value), formats["text"])

    @api.model
    def _download(self, filename, content):
        """An action that downloads ``content`` as ``filename`` (see jxc_stock's
        ``download_action``: attached to no record, vacuumed after a day)."""
        return download_action(self.env, filename, content)
