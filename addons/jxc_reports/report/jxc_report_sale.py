# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import time, timedelta

import pytz

from odoo import api, fields, models
from odoo.models import parse_read_group_spec
from odoo.osv import expression
from odoo.tools import SQL

from .jxc_report_sale_period import PERIOD_KEYS, PERIOD_TZ, SALE_MOVE_TYPES

# The context key under which the report's rows are the monthly sums (jxc.report.sale.period).
PERIOD_CONTEXT = "jxc_report_sale_period"
# What a grouping read from the monthly sums may ask for.
PERIOD_GRANULARITIES = ("month", "quarter", "year")
PERIOD_AGGREGATES = frozenset(
    ("__count", "quantity:sum", "revenue:sum", "cogs:sum", "gross_profit:sum", "margin_percent:avg")
)


class JxcReportSale(models.Model):
    """Sales analysis: revenue, cost of goods sold and gross profit of what was shipped (and
    returned), from the stock ledger, by product, customer, salesperson, warehouse and date.

    Built like Odoo's ``sale.report`` from :meth:`_select`, :meth:`_from` and :meth:`_where`.
    A grouping by month, quarter or year (and by company, warehouse, category or salesperson)
    reads the monthly sums of ``jxc.report.sale.period`` instead of the ledger's rows: same
    figures, a few thousand rows a year (:meth:`_jxc_reads_months`).
    """

    _name = "jxc.report.sale"
    _inherit = ["jxc.report.sql.view", "jxc.report.xlsx.mixin"]
    _description = "Sales Analysis"
    _auto = False
    _order = "date desc"
    _rec_name = "order_id"
    # Grouped, the margin is the group's gross profit / revenue.
    _jxc_weighted_aggregates = {"margin_percent:avg": ("gross_profit", "revenue", 100.0)}
    # What the view reads (:meth:`_select`, :meth:`_from`, :meth:`_where`): Odoo flushes
    # these fields, and only these, before it reads the view.
    _depends = {
        "jxc.stock.move": [
            *("date", "product_id", "categ_id", "warehouse_id", "company_id"),
            *("quantity", "value", "move_type", "picking_line_id"),
        ],
        "jxc.stock.picking.line": ["sale_line_id"],
        "jxc.sale.order.line": ["order_id", "uom_id", "packaging_id", "quantity", "price_subtotal"],
        "jxc.sale.order": ["partner_id", "user_id", "amount_total", "amount_total_company"],
        "product.product": ["product_tmpl_id"],
        "product.template": ["uom_id"],
        "uom.uom": ["factor"],
        "product.packaging": ["qty"],
    }

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
        return f"m.move_type IN ({', '.join(repr(t) for t in SALE_MOVE_TYPES)})"

    # ------------------------------------------------------------------
    # Groupings by month, from the monthly sums
    # ------------------------------------------------------------------
    @property
    def _table_query(self):
        # The monthly sums named as the report's columns; otherwise the view.
        if not self.env.context.get(PERIOD_CONTEXT):
            return None
        return """
            SELECT p.id, p.date, p.company_id, p.warehouse_id, p.categ_id, p.user_id,
                   NULL::int4 AS order_id, NULL::int4 AS partner_id, NULL::int4 AS product_id,
                   p.quantity, p.revenue, p.cogs, p.revenue - p.cogs AS gross_profit,
                   100.0 * (p.revenue - p.cogs) / NULLIF(p.revenue, 0) AS margin_percent,
                   p.move_count
              FROM jxc_report_sale_period p
        """

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        report = self
        if not self.env.context.get(PERIOD_CONTEXT) and self._jxc_reads_months(
            domain, groupby, aggregates, having, order
        ):
            report = self.with_context(**{PERIOD_CONTEXT: True})
        return super(JxcReportSale, report)._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec == "__count" and self.env.context.get(PERIOD_CONTEXT):
            # A monthly row counts the ledger rows it sums.
            return SQL("COALESCE(SUM(%s), 0)", SQL.identifier(self._table, "move_count"))
        return super()._read_group_select(aggregate_spec, query)

    @api.model
    def _jxc_reads_months(self, domain, groupby, aggregates, having, order):
        """Whether this grouping gives the same result from the monthly sums: it groups by
        month, quarter or year and by their keys only, sums (or counts), filters on their
        keys and on whole months (this user's record rules included) and, if it uses dates,
        in the months' time zone."""
        dated = False
        for spec in groupby:
            name, _property, granularity = parse_read_group_spec(spec)
            if name == "date" and granularity in PERIOD_GRANULARITIES:
                dated = True
            elif name not in PERIOD_KEYS or granularity:
                return False
        if not PERIOD_AGGREGATES.issuperset(aggregates):
            return False
        if any(leaf[0] not in PERIOD_AGGREGATES for leaf in self._jxc_leaves(having)):
            return False
        orders = {term.split()[0] for term in (order or "").split(",") if term.strip()}
        if not orders <= set(groupby) | PERIOD_AGGREGATES:
            return False
        rules = [] if self.env.su else self.env["ir.rule"]._compute_domain(self._name, "read")
        for path, operator, value in self._jxc_leaves(list(domain or []) + list(rules or [])):
            if str(path).split(".")[0] in PERIOD_KEYS:
                continue
            if path == "date" and self._jxc_month_bound(operator, value):
                dated = True
                continue
            return False
        return not dated or self.env.context.get("tz") == PERIOD_TZ

    @api.model
    def _jxc_leaves(self, domain):
        """The conditions of ``domain`` (neither operators nor constant leaves)."""
        return [
            tuple(leaf)
            for leaf in expression.normalize_domain(list(domain or []))
            if expression.is_leaf(leaf)
            and tuple(leaf) not in (expression.TRUE_LEAF, expression.FALSE_LEAF)
        ]

    @api.model
    def _jxc_month_bound(self, operator, value):
        """Whether ``date <operator> value`` keeps whole months (of :data:`PERIOD_TZ`)."""
        if operator not in (">=", "<", "<=", ">") or not value:
            return False
        try:
            instant = fields.Datetime.to_datetime(value)
        except ValueError:
            return False
        if not instant:
            return False
        if operator in ("<=", ">"):
            # "Up to 23:59:59" (the web client's date filters): up to the next month.
            instant += timedelta(seconds=1)
        local = pytz.utc.localize(instant).astimezone(pytz.timezone(PERIOD_TZ))
        return local.day == 1 and local.time() == time(0)
