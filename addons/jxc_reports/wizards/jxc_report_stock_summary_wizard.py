# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
        """The summary as XLSX bytes (see ``jxc.report.xlsx``)."""
        self.ensure_one()
        if not self.line_ids:
            self.env["jxc.report.stock.summary"]._compute_rows(self)
        Summary = self.env["jxc.report.stock.summary"]
        numeric = [
            n
            for n in Summary._fields
            if n.endswith(("_qty", "_value")) and Summary._fields[n].store
        ]
        columns = [
            {"label": _("Product"), "kind": "text", "width": 34},
            {"label": _("Warehouse"), "kind": "text", "width": 14},
            {"label": _("Category"), "kind": "text", "width": 14},
            {"label": _("Unit"), "kind": "text", "width": 8},
        ] + [
            {
                "label": Summary._fields[n].get_description(self.env)["string"],
                "kind": "monetary" if n.endswith("_value") else "float",
                "width": 12,
                "total": True,
            }
            for n in numeric
        ]
        rows = self.line_ids.sorted(
            lambda r: (r.product_id.display_name, r.warehouse_id.code or "")
        )
        spec = {
            "name": _("Stock Summary"),
            "title": _("Stock Summary %(start)s – %(end)s", start=self.date_from, end=self.date_to),
            "columns": columns,
            "rows": [
                [
                    row.product_id.display_name,
                    row.warehouse_id.display_name,
                    row.categ_id.display_name,
                    row.uom_id.name,
                ]
                + [row[n] for n in numeric]
                for row in rows
            ],
        }
        return self.env["jxc.report.xlsx"]._workbook([spec])

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env["jxc.report.xlsx"]._download(
            _("Stock Summary %(start)s %(end)s.xlsx", start=self.date_from, end=self.date_to),
            self._xlsx(),
            self,
        )
