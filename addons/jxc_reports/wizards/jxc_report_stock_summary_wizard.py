# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models


class JxcReportStockSummaryWizard(models.TransientModel):
    """The period, warehouses and categories of a 进销存汇总表."""

    _name = "jxc.report.stock.summary.wizard"
    _inherit = ["jxc.report.period.mixin"]
    _description = "Stock Summary Period"
    _jxc_rows_model = "jxc.report.stock.summary"
    _jxc_rows_action = "jxc_reports.jxc_report_stock_summary_action"

    line_ids = fields.One2many("jxc.report.stock.summary", compute="_compute_line_ids")

    def _title(self):
        return _("Stock Summary %(start)s – %(end)s", start=self.date_from, end=self.date_to)

    def _xlsx(self):
        """The summary as XLSX bytes (see ``jxc.report.xlsx``)."""
        self.ensure_one()
        Summary = self.env["jxc.report.stock.summary"]
        hide_costs = self.env.context.get("jxc_report_hide_costs")
        numeric = [
            n
            for n in Summary._fields
            if n.endswith(("_qty", "_value"))
            and Summary._fields[n].store
            and Summary._fields[n].is_accessible(self.env)
            and not (hide_costs and Summary._fields[n].groups)
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
                "per_unit": n.endswith("_qty"),
            }
            for n in numeric
        ]
        rows = self._rows().sorted(lambda r: (r.product_id.display_name, r.warehouse_id.code or ""))
        spec = {
            "name": _("Stock Summary"),
            "title": self._title(),
            "columns": columns,
            "units": rows.uom_id.ids,
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
