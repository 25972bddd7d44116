# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcReportSale(models.Model):
    """Sales analysis: revenue, cost of goods sold and gross profit of what was shipped (and
    returned), from the stock ledger, by product, customer, salesperson, warehouse and date.

    Built like Odoo's ``sale.report`` from :meth:`_select`, :meth:`_from` and :meth:`_where`.
    """

    _name = "jxc.report.sale"
    _inherit = ["jxc.report.sql.view", "jxc.report.xlsx.mixin"]
    _description = "Sales Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "order_id"
    # Grouped, the margin is the group's gross profit / revenue.
    _jxc_weighted_aggregates = {"margin_percent:avg": ("gross_profit", "revenue", 100.0)}

    date = fields.Datetime(readonly=True)
    order_id = fields.Many2one("jxc.sale.order", string="Sale Order", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Category", readonly=True)
    warehouse_id = fields.Many2one("jxc.stock.warehouse", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    quantity = fields.Float(
        string="Quantity Sold",
        digits="Product Unit of Measure",
        readonly=True,
        help="Shipped less returned, in the product's unit.",
    )
    revenue = fields.Monetary(readonly=True, help="Untaxed, after discount, company currency.")
    cogs = fields.Monetary(
        string="Cost of Goods Sold", readonly=True, groups="jxc_stock.group_jxc_cost"
    )
    gross_profit = fields.Monetary(readonly=True, groups="jxc_stock.group_jxc_cost")
    margin_percent = fields.Float(
        string="Margin (%)",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
        groups="jxc_stock.group_jxc_cost",
        help="Gross profit / revenue; grouped rows weigh it by revenue.",
    )

    def _select(self):
        return """
            m.id, m.date, so.id AS order_id, so.partner_id, so.user_id, m.product_id,
            m.categ_id, m.warehouse_id, m.company_id,
            -m.quantity AS quantity,
            rev.amount AS revenue,
            -m.value AS cogs,
            rev.amount + m.value AS gross_profit,
            100.0 * (rev.amount + m.value) / NULLIF(rev.amount, 0) AS margin_percent
        """

    def _from(self):
        return """
            jxc_stock_move m
            JOIN jxc_stock_picking_line pl ON pl.id = m.picking_line_id
            JOIN jxc_sale_order_line sol ON sol.id = pl.sale_line_id
            JOIN jxc_sale_order so ON so.id = sol.order_id
            JOIN product_product pp ON pp.id = m.product_id
            JOIN product_template pt ON pt.id = pp.product_tmpl_id
            JOIN uom_uom line_uom ON line_uom.id = sol.uom_id
            JOIN uom_uom base_uom ON base_uom.id = pt.uom_id
            LEFT JOIN product_packaging sol_pk ON sol_pk.id = sol.packaging_id
            CROSS JOIN LATERAL (
                SELECT COALESCE(sol.quantity * sol_pk.qty,
                                sol.quantity / line_uom.factor * base_uom.factor) AS quantity
            ) sol_base
            CROSS JOIN LATERAL (
                -- To the cent on each delivery, like the ledger's values, so that gross
                -- profit is revenue − cost of goods sold exactly on every row.
                SELECT ROUND((-m.quantity * sol.price_subtotal / NULLIF(sol_base.quantity, 0)
                              * COALESCE(so.amount_total_company / NULLIF(so.amount_total, 0), 1)
                             )::numeric, 2) AS amount
            ) rev
        """

    def _where(self):
        return "m.move_type IN ('sale_out', 'sale_return')"
