# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.jxc_stock.utils import borrowed_selection


class JxcReportPurchase(models.Model):
    """采购分析: confirmed purchase order lines with what was received, rejected, returned and
    on time, in the product's unit and company currency — by supplier, product, category,
    warehouse, buyer and date; price trend; on-time and rejection rates.

    Built like Odoo's ``purchase.report`` from :meth:`_select`, :meth:`_from`, :meth:`_where`.
    """

    _name = "jxc.report.purchase"
    _inherit = ["jxc.report.sql.view", "jxc.report.xlsx.mixin"]
    _description = "Purchase Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "order_id"
    # Grouped, the price and the rates are weighted by quantity, not averaged by row.
    _jxc_weighted_aggregates = {
        "price_average:avg": ("amount", "qty_ordered", 1.0),
        "rejection_rate:avg": ("qty_rejected", "qty_inspected", 100.0),
        "on_time_rate:avg": ("qty_on_time", "qty_inspected", 100.0),
    }

    date = fields.Datetime(string="Order Date", readonly=True)
    date_planned = fields.Datetime(string="Expected Arrival", readonly=True)
    order_id = fields.Many2one("jxc.purchase.order", string="Purchase Order", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Supplier", readonly=True)
    user_id = fields.Many2one("res.users", string="Buyer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Category", readonly=True)
    warehouse_id = fields.Many2one("jxc.stock.warehouse", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        selection=borrowed_selection("jxc.purchase.order", "state"),
        readonly=True,
    )
    qty_ordered = fields.Float(
        string="Ordered", digits="Product Unit of Measure", readonly=True, help="Product unit."
    )
    qty_received = fields.Float(string="Received", digits="Product Unit of Measure", readonly=True)
    qty_rejected = fields.Float(string="Rejected", digits="Product Unit of Measure", readonly=True)
    qty_returned = fields.Float(string="Returned", digits="Product Unit of Measure", readonly=True)
    qty_inspected = fields.Float(
        string="Delivered by Supplier",
        digits="Product Unit of Measure",
        readonly=True,
        help="Accepted + rejected on posted receipts.",
    )
    qty_on_time = fields.Float(
        string="Delivered on Time",
        digits="Product Unit of Measure",
        readonly=True,
        help="Delivered on receipts posted by the expected arrival date.",
    )
    # Purchase prices, as on the orders.
    amount = fields.Monetary(
        string="Untaxed Amount",
        readonly=True,
        groups="jxc_purchase.group_jxc_purchase_user,jxc_stock.group_jxc_cost",
        help="Ordered amount, company currency.",
    )
    price_average = fields.Monetary(
        string="Average Price",
        readonly=True,
        aggregator="avg",
        groups="jxc_purchase.group_jxc_purchase_user,jxc_stock.group_jxc_cost",
        help="Untaxed price per product unit, company currency, weighted by quantity.",
    )
    rejection_rate = fields.Float(
        string="Rejection Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Rejected / delivered by the supplier, by quantity.",
    )
    on_time_rate = fields.Float(
        string="On-Time Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Delivered on time / delivered by the supplier, by quantity.",
    )

    def _select(self):
        return """
            l.id, o.date_order AS date, o.date_planned, o.id AS order_id, o.partner_id,
            o.user_id, l.product_id, pt.categ_id, o.warehouse_id, o.company_id, o.state,
            l_base.quantity AS qty_ordered,
            COALESCE(r.received, 0) AS qty_received,
            COALESCE(r.rejected, 0) AS qty_rejected,
            COALESCE(r.returned, 0) AS qty_returned,
            COALESCE(r.inspected, 0) AS qty_inspected,
            COALESCE(r.on_time, 0) AS qty_on_time,
            ROUND((l.price_subtotal
                   * COALESCE(o.amount_total_company / NULLIF(o.amount_total, 0), 1))::numeric,
                  2) AS amount,
            l.price_subtotal * COALESCE(o.amount_total_company / NULLIF(o.amount_total, 0), 1)
                / NULLIF(l_base.quantity, 0) AS price_average,
            100.0 * COALESCE(r.rejected, 0) / NULLIF(r.inspected, 0) AS rejection_rate,
            100.0 * COALESCE(r.on_time, 0) / NULLIF(r.inspected, 0) AS on_time_rate
        """

    def _receipts(self):
        """Per order line, from posted receipts and returns, in the product's unit."""
        return """
            SELECT pl.purchase_line_id AS line_id,
                   SUM(mv.quantity) FILTER (WHERE p.picking_type = 'purchase_in') AS received,
                   -SUM(mv.quantity) FILTER (WHERE p.picking_type = 'purchase_return')
                       AS returned,
                   SUM(rej.quantity) FILTER (WHERE p.picking_type = 'purchase_in') AS rejected,
                   SUM(mv.quantity + rej.quantity)
                       FILTER (WHERE p.picking_type = 'purchase_in') AS inspected,
                   SUM(mv.quantity + rej.quantity)
                       FILTER (WHERE p.picking_type = 'purchase_in'
                                 AND (po.date_planned IS NULL OR p.date_done <= po.date_planned))
                       AS on_time
              FROM jxc_stock_picking_line pl
              JOIN jxc_stock_picking p ON p.id = pl.picking_id AND p.state = 'done'
              JOIN jxc_purchase_order po ON po.id = p.purchase_id
              JOIN product_product rpp ON rpp.id = pl.product_id
              JOIN product_template rpt ON rpt.id = rpp.product_tmpl_id
              JOIN uom_uom pl_uom ON pl_uom.id = pl.uom_id
              JOIN uom_uom pl_base ON pl_base.id = rpt.uom_id
              CROSS JOIN LATERAL (
                  SELECT COALESCE(SUM(m.quantity), 0) AS quantity
                    FROM jxc_stock_move m WHERE m.picking_line_id = pl.id
              ) mv
              LEFT JOIN product_packaging pl_pk ON pl_pk.id = pl.packaging_id
              CROSS JOIN LATERAL (
                  SELECT COALESCE(COALESCE(pl.quantity_rejected, 0) * pl_pk.qty,
                                  COALESCE(pl.quantity_rejected, 0) / pl_uom.factor
                                  * pl_base.factor) AS quantity
              ) rej
             WHERE pl.purchase_line_id IS NOT NULL
               -- A reversed (红冲) document and its reversal cancel out, rejections and
               -- punctuality included.
               AND p.is_reversal IS NOT TRUE
               AND NOT EXISTS (SELECT 1 FROM jxc_stock_picking rv
                                WHERE rv.reversal_of_id = p.id AND rv.state = 'done')
             GROUP BY pl.purchase_line_id
        """

    def _from(self):
        return f"""
            jxc_purchase_order_line l
            JOIN jxc_purchase_order o ON o.id = l.order_id
            JOIN product_product pp ON pp.id = l.product_id
            JOIN product_template pt ON pt.id = pp.product_tmpl_id
            JOIN uom_uom line_uom ON line_uom.id = l.uom_id
            JOIN uom_uom base_uom ON base_uom.id = pt.uom_id
            LEFT JOIN product_packaging l_pk ON l_pk.id = l.packaging_id
            CROSS JOIN LATERAL (
                SELECT COALESCE(l.quantity * l_pk.qty,
                                l.quantity / line_uom.factor * base_uom.factor) AS quantity
            ) l_base
            LEFT JOIN ({self._receipts()}) r ON r.line_id = l.id
        """

    def _where(self):
        return "o.state IN ('confirmed', 'done')"
