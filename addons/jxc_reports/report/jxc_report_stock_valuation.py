# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class JxcReportStockValuation(models.TransientModel):
    """库存估值: quantity and value of each product in each warehouse at the end of a day,
    from the ledger (so any past date works), in one set-based SQL statement."""

    _name = "jxc.report.stock.valuation"
    _inherit = ["jxc.report.row.mixin", "jxc.report.xlsx.mixin"]
    _description = "Stock Valuation at Date"
    _auto = False  # no table: rows are read from the ledger (jxc.report.row.mixin)
    _log_access = True  # a TransientModel's: its wizard's, selected by the query
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
    value = fields.Monetary(readonly=True, groups="jxc_stock.group_jxc_cost")
    unit_cost = fields.Float(
        string="Average Unit Cost",
        digits="Product Price",
        readonly=True,
        groups="jxc_stock.group_jxc_cost",
    )

    @api.model
    def _query(self):
        """Forward: the ledger before the date. Backward (recent dates): the stock on hand
        (quants) less the ledger from the date on. Same figures, fewer rows read. Whole
        months are read from the period balances, the ledger only for the month of the
        date (see ``jxc.report.row.mixin._ledger_sql``)."""
        Filter = self.env["jxc.report.filter.mixin"]
        ledger = self._ledger_sql(Filter._filter_where("m"))
        return f"""
            SELECT product_id, warehouse_id, MAX(categ_id) AS categ_id, company_id,
                   SUM(quantity) AS quantity, SUM(value) AS value,
                   CASE WHEN SUM(quantity) <> 0 THEN SUM(value) / SUM(quantity) END
                       AS unit_cost
              FROM (
                SELECT m.product_id, m.warehouse_id, m.categ_id, m.company_id,
                       CASE WHEN %(backward)s THEN -m.quantity ELSE m.quantity END
                           AS quantity,
                       CASE WHEN %(backward)s THEN -m.value ELSE m.value END AS value
                  FROM {ledger} m
                UNION ALL
                SELECT q.product_id, q.warehouse_id, q.categ_id, q.company_id,
                       q.quantity, q.value
                  FROM jxc_stock_quant q
                 WHERE %(backward)s AND {Filter._filter_where("q")}
              ) ledger
             GROUP BY product_id, warehouse_id, company_id
            HAVING SUM(quantity) <> 0 OR SUM(value) <> 0
        """
