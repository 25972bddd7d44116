# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class JxcReportStockAnalysis(models.TransientModel):
    """库存分析: per product over a period — average stock value, cost of goods sold, turnover
    and days of stock, ABC class by value of outgoing goods, and slow-moving / dead stock.

    One set-based SQL statement over the ledger (:meth:`_query`); the move types behind each
    measure come from :meth:`_cogs_move_types`, :meth:`_outgoing_move_types` and
    :meth:`_demand_move_types`, which other addons may extend.
    """

    _name = "jxc.report.stock.analysis"
    _inherit = ["jxc.report.row.mixin", "jxc.report.xlsx.mixin"]
    _description = "Stock Analysis"
    _auto = False  # no table: rows are read from the ledger (jxc.report.row.mixin)
    _log_access = True  # a TransientModel's: its wizard's, selected by the query
    _order = "abc_rank, product_id"
    _rec_name = "product_id"
    _jxc_row_keys = (
        "product_id",
        "categ_id",
        "company_id",
        "abc_class",
        "last_outgoing_date",
        "days_idle",
        "days_of_stock",
        "stock_status",
    )

    wizard_id = fields.Many2one(
        "jxc.report.stock.analysis.wizard", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Category", readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    opening_qty = fields.Float(digits="Product Unit of Measure", readonly=True)
    closing_qty = fields.Float(digits="Product Unit of Measure", readonly=True)
    outgoing_qty = fields.Float(
        string="Outgoing Quantity",
        digits="Product Unit of Measure",
        readonly=True,
        help="Sold (less returns) and other issues in the period.",
    )
    opening_value = fields.Monetary(readonly=True, groups="jxc_stock.group_jxc_cost")
    closing_value = fields.Monetary(readonly=True, groups="jxc_stock.group_jxc_cost")
    average_value = fields.Monetary(
        string="Average Stock Value",
        readonly=True,
        groups="jxc_stock.group_jxc_cost",
        help="(Opening value + closing value) / 2.",
    )
    cogs = fields.Monetary(
        string="Cost of Goods Sold",
        readonly=True,
        groups="jxc_stock.group_jxc_cost",
        help="Cost of what was shipped to customers, less what they returned.",
    )
    outgoing_value = fields.Monetary(
        readonly=True,
        groups="jxc_stock.group_jxc_cost",
        help="Cost of the outgoing quantity: what the ABC classes rank.",
    )
    turnover = fields.Float(
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
        help="Cost of goods sold / average stock value, over the period.",
    )
    days_of_stock = fields.Float(
        string="Days of Stock",
        digits=(16, 1),
        readonly=True,
        aggregator="avg",
        help="Days in the period / turnover: how many days the average stock lasts at the "
        "period's rate of sales. Empty when nothing was sold.",
    )
    outgoing_share = fields.Float(
        string="Share of Outgoing (%)",
        digits=(16, 2),
        readonly=True,
        groups="jxc_stock.group_jxc_cost",
        help="This product's share of the outgoing value of all products in the report.",
    )
    cumulative_share = fields.Float(
        string="Cumulative Share (%)",
        digits=(16, 2),
        readonly=True,
        groups="jxc_stock.group_jxc_cost",
        aggregator=None,
        help="Share of outgoing value of this product and every product ranked before it.",
    )
    abc_rank = fields.Integer(string="Rank", readonly=True, aggregator=None)
    abc_class = fields.Selection(
        [("a", "A"), ("b", "B"), ("c", "C")],
        string="ABC Class",
        readonly=True,
        help="A: the products that make the first part of the outgoing value (80% by "
        "default); B: the next part (up to 95%); C: the rest, and products with no outgoing.",
    )
    last_outgoing_date = fields.Date(
        string="Last Outgoing",
        readonly=True,
        help="The last day this product was sold or issued, up to the end of the period.",
    )
    days_idle = fields.Integer(
        string="Days Without Outgoing",
        readonly=True,
        aggregator="max",
        help="Days from the last outgoing (or, when it never went out, from its first "
        "receipt) to the end of the period.",
    )
    stock_status = fields.Selection(
        [
            ("active", "Moving"),
            ("slow", "Slow-Moving"),
            ("dead", "Dead Stock"),
            ("no_stock", "No Stock"),
        ],
        readonly=True,
        help="For products in stock at the end of the period: dead when nothing went out for "
        "the dead-stock days, slow-moving when nothing went out for the slow-moving days.",
    )

    @api.model
    def _cogs_move_types(self):
        """Cost of goods sold: deliveries, their returns and the share of cost corrections
        (landed cost, invoice price difference) of goods already gone out."""
        return ("sale_out", "sale_return", "cogs_adjust")

    @api.model
    def _outgoing_move_types(self):
        return ("sale_out", "sale_return", "out")

    @api.model
    def _demand_move_types(self):
        """Movements that show the product is wanted: its last one dates the idle days."""
        return ("sale_out", "out")

    @api.model
    def _query(self):
        return f"""
            WITH base AS (
                SELECT m.product_id, m.company_id,
                       SUM(m.quantity) FILTER (WHERE m.date < %(date_from)s) AS opening_qty,
                       SUM(m.value) FILTER (WHERE m.date < %(date_from)s) AS opening_value,
                       SUM(m.quantity) AS closing_qty,
                       SUM(m.value) AS closing_value,
                       -SUM(m.quantity) FILTER (WHERE m.date >= %(date_from)s
                                                  AND m.move_type IN %(outgoing)s)
                           AS outgoing_qty,
                       -SUM(m.value) FILTER (WHERE m.date >= %(date_from)s
                                               AND m.move_type IN %(outgoing)s)
                           AS outgoing_value,
                       -SUM(m.value) FILTER (WHERE m.date >= %(date_from)s
                                               AND m.move_type IN %(cogs)s) AS cogs,
                       MIN(m.date) FILTER (WHERE m.quantity > 0) AS first_in
                  FROM jxc_stock_move m
                 WHERE m.date < %(date_to)s
                   AND {self.env["jxc.report.filter.mixin"]._filter_where("m")}
                 GROUP BY m.product_id, m.company_id
            ), demand AS (
                -- The last outgoing that was not reversed (红冲).
                SELECT m.product_id, MAX(m.date) AS last_outgoing
                  FROM jxc_stock_move m
                 WHERE m.date < %(date_to)s AND m.move_type IN %(demand)s AND m.quantity < 0
                   AND {self.env["jxc.report.filter.mixin"]._filter_where("m")}
                   AND NOT EXISTS (SELECT 1 FROM jxc_stock_move rv
                                    WHERE rv.origin_move_id = m.id AND rv.is_reversal)
                 GROUP BY m.product_id
            ), ranked AS (
                SELECT b.*, d.last_outgoing,
                       (COALESCE(b.opening_value, 0) + b.closing_value) / 2 AS average_value,
                       GREATEST(COALESCE(b.outgoing_value, 0), 0) AS rank_value,
                       SUM(GREATEST(COALESCE(b.outgoing_value, 0), 0)) OVER () AS total_value,
                       SUM(GREATEST(COALESCE(b.outgoing_value, 0), 0)) OVER (
                           ORDER BY GREATEST(COALESCE(b.outgoing_value, 0), 0) DESC,
                                    b.product_id
                           ROWS UNBOUNDED PRECEDING) AS running_value,
                       ROW_NUMBER() OVER (
                           ORDER BY GREATEST(COALESCE(b.outgoing_value, 0), 0) DESC,
                                    b.product_id) AS abc_rank,
                       ((COALESCE(d.last_outgoing, b.first_in) AT TIME ZONE 'UTC')
                            AT TIME ZONE %(tz)s)::date AS idle_since
                  FROM base b
                  LEFT JOIN demand d ON d.product_id = b.product_id
            )
            SELECT r.product_id, pt.categ_id, r.company_id,
                   r.opening_qty, r.closing_qty, r.outgoing_qty,
                   r.opening_value, r.closing_value, r.average_value, r.cogs, r.outgoing_value,
                   CASE WHEN r.average_value > 0 THEN COALESCE(r.cogs, 0) / r.average_value
                        ELSE 0 END AS turnover,
                   CASE WHEN r.average_value > 0 AND r.cogs > 0
                        THEN %(period_days)s * r.average_value / r.cogs END AS days_of_stock,
                   CASE WHEN r.total_value > 0 THEN 100.0 * r.rank_value / r.total_value
                        ELSE 0 END AS outgoing_share,
                   CASE WHEN r.total_value > 0 THEN 100.0 * r.running_value / r.total_value
                        ELSE 0 END AS cumulative_share,
                   r.abc_rank,
                   CASE WHEN r.rank_value <= 0 THEN 'c'
                        WHEN 100.0 * (r.running_value - r.rank_value) / r.total_value
                             < %(abc_a)s THEN 'a'
                        WHEN 100.0 * (r.running_value - r.rank_value) / r.total_value
                             < %(abc_b)s THEN 'b'
                        ELSE 'c' END AS abc_class,
                   ((r.last_outgoing AT TIME ZONE 'UTC') AT TIME ZONE %(tz)s)::date
                       AS last_outgoing_date,
                   %(day_to)s - r.idle_since AS days_idle,
                   CASE WHEN r.closing_qty <= 0 THEN 'no_stock'
                        WHEN %(day_to)s - r.idle_since >= %(dead_days)s THEN 'dead'
                        WHEN %(day_to)s - r.idle_since >= %(slow_days)s THEN 'slow'
                        ELSE 'active' END AS stock_status
              FROM ranked r
              JOIN product_product pp ON pp.id = r.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
        """

    @api.model
    def _rows_params(self, wizard):
        return dict(
            super()._rows_params(wizard),
            cogs=self._cogs_move_types(),
            outgoing=self._outgoing_move_types(),
            demand=self._demand_move_types(),
        )
