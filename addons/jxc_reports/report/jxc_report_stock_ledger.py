# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools

from odoo.addons.jxc_stock.utils import borrowed_selection


class JxcReportStockLedger(models.Model):
    """商品收发明细: the stock ledger of each product and warehouse with its running balance."""

    _name = "jxc.report.stock.ledger"
    _inherit = ["jxc.report.xlsx.mixin"]
    _description = "Product Movements with Running Balance"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "reference"

    date = fields.Datetime(readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Category", readonly=True)
    warehouse_id = fields.Many2one("jxc.stock.warehouse", readonly=True)
    lot_id = fields.Many2one("jxc.stock.lot", string="Lot / Serial", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    move_type = fields.Selection(
        selection=borrowed_selection("jxc.stock.move", "move_type"),
        readonly=True,
    )
    reference = fields.Char(string="Document", readonly=True)
    quantity_in = fields.Float(string="In", digits="Product Unit of Measure", readonly=True)
    quantity_out = fields.Float(string="Out", digits="Product Unit of Measure", readonly=True)
    balance = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        aggregator=None,
        help="On hand in the warehouse after this movement.",
    )
    unit_cost = fields.Float(digits=(16, 4), readonly=True, groups="jxc_stock.group_jxc_cost")
    value = fields.Monetary(readonly=True, groups="jxc_stock.group_jxc_cost")
    balance_value = fields.Monetary(readonly=True, groups="jxc_stock.group_jxc_cost")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(f"""
            CREATE VIEW {self._table} AS (
                SELECT m.id, m.move_type, m.date, m.product_id, m.categ_id,
                       m.warehouse_id, m.lot_id, m.company_id, m.reference, m.unit_cost,
                       m.value,
                       GREATEST(m.quantity, 0) AS quantity_in,
                       GREATEST(-m.quantity, 0) AS quantity_out,
                       SUM(m.quantity) OVER w AS balance,
                       SUM(m.value) OVER w AS balance_value
                  FROM jxc_stock_move m
                WINDOW w AS (PARTITION BY m.product_id, m.warehouse_id ORDER BY m.date, m.id)
            )
        """)
