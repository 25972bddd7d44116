# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class JxcReportStockValuation(models.TransientModel):
    """库存估值: quantity and value of each product in each warehouse at the end of a day,
    from the ledger (so any past date works), in one set-based SQL statement."""

    _name = "jxc.report.stock.valuation"
    _inherit = ["jxc.report.row.mixin", "jxc.report.xlsx.mixin"]
    _description = "Stock Valuation at Date"
    _order = "product_id, warehouse_id"
    _rec_name = "product_id"

    wizard_id = fields.Many2one(
        "jxc.report.stock.valuation.wizard", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Category", readonly=True)
    warehouse_id = fields.Many2one("jxc.stock.warehouse", readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    quantity = fields.Float(digits="Product Unit of Measure", readonly=True)
    value = fields.Monetary(readonly=True, groups="jxc_reports.group_jxc_reports_cost")
    unit_cost = fields.Float(
        string="Average Unit Cost",
        digits="Product Price",
        readonly=True,
        groups="jxc_reports.group_jxc_reports_cost",
    )

    @api.model
    def _query(self):
        return f"""
            SELECT m.product_id, m.warehouse_id, MAX(m.categ_id) AS categ_id, m.company_id,
                   SUM(m.quantity) AS quantity, SUM(m.value) AS value,
                   CASE WHEN SUM(m.quantity) <> 0 THEN SUM(m.value) / SUM(m.quantity) END
                       AS unit_cost
              FROM jxc_stock_move m
             WHERE m.date < %(date_to)s
               AND {self.env["jxc.report.filter.mixin"]._filter_where("m")}
             GROUP BY m.product_id, m.warehouse_id, m.company_id
            HAVING SUM(m.quantity) <> 0 OR SUM(m.value) <> 0
        """

    @api.model
    def _compute_rows(self, wizard):
        keys = ["product_id", "warehouse_id", "categ_id", "company_id"]
        return wizard._insert_rows(self._name, self._query(), keys, wizard._query_params())
