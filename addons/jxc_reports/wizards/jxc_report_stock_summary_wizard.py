# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class JxcReportStockSummaryWizard(models.TransientModel):
    """The period, warehouses and categories of a 进销存汇总表."""

    _name = "jxc.report.stock.summary.wizard"
    _description = "Stock Summary Period"

    date_from = fields.Date(
        required=True, default=lambda self: fields.Date.context_today(self).replace(day=1)
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    warehouse_ids = fields.Many2many(
        "jxc.stock.warehouse", string="Warehouses", help="Empty: all warehouses."
    )
    categ_ids = fields.Many2many(
        "product.category", string="Categories", help="Empty: all categories."
    )
    line_ids = fields.One2many("jxc.report.stock.summary", "wizard_id", readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    _(
                        "The period starts (%(start)s) after it ends (%(end)s).",
                        start=wizard.date_from,
                        end=wizard.date_to,
                    )
                )

    def _day_start_utc(self, day):
        """Midnight of ``day`` in the user's time zone, as a naive UTC datetime (the ledger's
        dates are stored in UTC)."""
        tz = pytz.timezone(self.env.user.tz or "Asia/Shanghai")
        local = tz.localize(datetime.combine(day, time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _query_params(self):
        self.ensure_one()
        categories = (
            self.env["product.category"].search([("id", "child_of", self.categ_ids.ids)])
            if self.categ_ids
            else self.categ_ids
        )
        return {
            "date_from": self._day_start_utc(self.date_from),
            "date_to": self._day_start_utc(self.date_to + timedelta(days=1)),
            "company_id": self.company_id.id,
            "no_warehouse": not self.warehouse_ids,
            "warehouse_ids": self.warehouse_ids.ids or [0],
            "no_category": not categories,
            "categ_ids": categories.ids or [0],
        }

    def action_compute(self):
        self.ensure_one()
        self.line_ids.unlink()
        self.env["jxc.report.stock.summary"]._compute_rows(self)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_reports.jxc_report_stock_summary_action"
        )
        action["domain"] = [("wizard_id", "=", self.id)]
        action["display_name"] = _(
            "Stock Summary %(start)s – %(end)s", start=self.date_from, end=self.date_to
        )
        action["context"] = {"jxc_summary_wizard_id": self.id}
        return action

    def _xlsx(self):
        """The summary as XLSX bytes: formatted headers, frozen header row, number formats,
        totals; text cells are always written as text (no formulas from data)."""
        import xlsxwriter

        self.ensure_one()
        if not self.line_ids:
            self.env["jxc.report.stock.summary"]._compute_rows(self)
        Summary = self.env["jxc.report.stock.summary"]
        numeric = [
            n
            for n in Summary._fields
            if n.endswith(("_qty", "_value")) and Summary._fields[n].store
        ]
        output = io.BytesIO()
        book = xlsxwriter.Workbook(
            output, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
        )
        sheet = book.add_worksheet(_("Stock Summary"))
        title = book.add_format({"bold": True, "font_size": 13})
        head = book.add_format(
            {
                "bold": True,
                "bg_color": "#DDDDDD",
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
            }
        )
        qty = book.add_format({"num_format": "#,##0.00"})
        money = book.add_format({"num_format": "#,##0.00"})
        total_qty = book.add_format({"num_format": "#,##0.00", "bold": True, "top": 1})
        total_label = book.add_format({"bold": True, "top": 1})
        sheet.write_string(
            0,
            0,
            _("Stock Summary %(start)s – %(end)s", start=self.date_from, end=self.date_to),
            title,
        )
        headers = [_("Product"), _("Warehouse"), _("Category"), _("Unit")] + [
            Summary._fields[n].get_description(self.env)["string"] for n in numeric
        ]
        for col, text in enumerate(headers):
            sheet.write_string(2, col, text, head)
        sheet.freeze_panes(3, 1)
        sheet.set_row(2, 30)
        rows = self.line_ids.sorted(
            lambda r: (r.product_id.display_name, r.warehouse_id.code or "")
        )
        for number, row in enumerate(rows, start=3):
            sheet.write_string(number, 0, row.product_id.display_name or "")
            sheet.write_string(number, 1, row.warehouse_id.display_name or "")
            sheet.write_string(number, 2, row.categ_id.display_name or "")
            sheet.write_string(number, 3, row.uom_id.name or "")
            for col, name in enumerate(numeric, start=4):
                sheet.write_number(
                    number, col, row[name], money if name.endswith("_value") else qty
                )
        last = 3 + len(rows)
        sheet.write_string(last, 0, _("Total"), total_label)
        for col, name in enumerate(numeric, start=4):
            sheet.write_number(last, col, sum(rows.mapped(name)), total_qty)
        sheet.set_column(0, 0, 34)
        sheet.set_column(1, 3, 14)
        sheet.set_column(4, 3 + len(numeric), 12)
        book.close()
        return output.getvalue()

    def action_export_xlsx(self):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": _(
                    "Stock Summary %(start)s %(end)s.xlsx", start=self.date_from, end=self.date_to
                ),
                "datas": base64.b64encode(self._xlsx()),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
