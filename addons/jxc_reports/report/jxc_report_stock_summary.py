# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

COST = "jxc_stock.group_jxc_cost"
OPENING_CLOSING = ("opening_qty", "opening_value", "closing_qty", "closing_value")

# Ledger move types by summary column; downstream addons extend `_get_columns()`.
COLUMNS = {
    "purchase_in": ("purchase_in",),
    "purchase_return": ("purchase_return",),
    "sale_out": ("sale_out",),
    "sale_return": ("sale_return",),
    "transfer_in": ("internal_in",),
    "transfer_out": ("internal_out",),
    "adjustment": ("count_gain", "count_loss"),
    "other_in": ("in",),
    "other_out": ("out",),
    "cost_adjust": ("cost_adjust",),
    "cogs_adjust": ("cogs_adjust",),
}


class JxcReportStockSummary(models.TransientModel):
    """进销存汇总表: per product and warehouse, for a period: opening, each kind of movement,
    closing — quantities and values, computed in one set-based SQL statement.

    Rows are read for the wizard in the context, never written (see ``jxc.report.row.mixin``).
    Like Odoo's ``sale.report``, the query is built from :meth:`_select`, :meth:`_from`,
    :meth:`_where` and :meth:`_group_by`, so that other addons can add columns.
    """

    _name = "jxc.report.stock.summary"
    _inherit = ["jxc.report.row.mixin"]
    _description = "Stock Summary (进销存汇总)"
    _auto = False  # no table: rows are read from the ledger (jxc.report.row.mixin)
    _log_access = True  # a TransientModel's: its wizard's, selected by the query
    _order = "product_id, warehouse_id"
    _rec_name = "product_id"
    # Up to this many months of period balances read, the columns sum them directly;
    # over it, they are summed by zone and move type first (see :meth:`_from`).
    _jxc_direct_months = 10

    wizard_id = fields.Many2one(
        "jxc.report.stock.summary.wizard", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one("product.product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Category", readonly=True)
    warehouse_id = fields.Many2one("jxc.stock.warehouse", readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    opening_qty = fields.Float(digits="Product Unit of Measure")
    opening_value = fields.Monetary(groups=COST)
    purchase_in_qty = fields.Float(string="Purchased", digits="Product Unit of Measure")
    purchase_in_value = fields.Monetary(string="Purchased Value", groups=COST)
    purchase_return_qty = fields.Float(string="Purchase Returns", digits="Product Unit of Measure")
    purchase_return_value = fields.Monetary(string="Purchase Returns Value", groups=COST)
    sale_out_qty = fields.Float(string="Sold", digits="Product Unit of Measure")
    sale_out_value = fields.Monetary(string="Sold Value (Cost)", groups=COST)
    sale_return_qty = fields.Float(string="Sale Returns", digits="Product Unit of Measure")
    sale_return_value = fields.Monetary(string="Sale Returns Value", groups=COST)
    transfer_in_qty = fields.Float(string="Transfers In", digits="Product Unit of Measure")
    transfer_in_value = fields.Monetary(string="Transfers In Value", groups=COST)
    transfer_out_qty = fields.Float(string="Transfers Out", digits="Product Unit of Measure")
    transfer_out_value = fields.Monetary(string="Transfers Out Value", groups=COST)
    adjustment_qty = fields.Float(string="Count Adjustments", digits="Product Unit of Measure")
    adjustment_value = fields.Monetary(string="Count Adjustments Value", groups=COST)
    other_in_qty = fields.Float(string="Other Receipts", digits="Product Unit of Measure")
    other_in_value = fields.Monetary(string="Other Receipts Value", groups=COST)
    other_out_qty = fields.Float(string="Other Issues", digits="Product Unit of Measure")
    other_out_value = fields.Monetary(string="Other Issues Value", groups=COST)
    # Cost corrections move value, never quantity (their _qty columns stay 0).
    cost_adjust_qty = fields.Float(string="Cost Adjustments", digits="Product Unit of Measure")
    cost_adjust_value = fields.Monetary(
        string="Cost Adjustments Value",
        groups=COST,
        help="Cost adjustments and landed costs added to (or taken from) the stock value.",
    )
    cogs_adjust_qty = fields.Float(
        string="Cost Corrections to COGS (Qty)", digits="Product Unit of Measure"
    )
    cogs_adjust_value = fields.Monetary(
        string="Cost Corrections to COGS",
        groups=COST,
        help="The share of cost corrections of goods already gone out, moved from the stock "
        "value to cost of goods sold.",
    )
    closing_qty = fields.Float(digits="Product Unit of Measure")
    closing_value = fields.Monetary(groups=COST)

    @api.model
    def _jxc_sql_settings(self):
        """Grouped sorted, not hashed: a hash table keeps the ~35 numeric sums of every
        (product, warehouse) at once, and building it costs more than sorting the rows (a
        month at 10,000,000 ledger rows: 0.37 s hashed, 0.28 s sorted).

        The rows are read and given their zone (:meth:`_zone`) by parallel workers, the
        sums stay in one process: PostgreSQL's default cost of passing a row between
        processes (0.1) keeps it from reading in parallel at all, though at 10,000,000
        ledger rows that saves a sixth of two years' summary (1.13 s → 0.94 s, with the
        sort in memory: 650,000 rows take ~80 MB). Summing in parallel too was slower:
        merging the workers' ~30 ``numeric`` sums costs what they save."""
        return {
            **super()._jxc_sql_settings(),
            "enable_hashagg": "off",
            "parallel_tuple_cost": 0.01,
            "work_mem": "128MB",
        }

    @api.model
    def _get_columns(self):
        """{column prefix: ledger move types}: what each movement column sums. A move type
        is summed in one column: the first that lists it."""
        return dict(COLUMNS)

    @api.model
    def _get_opening_move_types(self):
        """Ledger move types that are a period's opening, not its movements: the opening
        stock of a go-live (期初), dated on the cut-over day, opens the period that holds it."""
        return ("opening",)

    @api.model
    def _column_numbers(self):
        """{column prefix: number}: the zone (:meth:`_zone`) of the period's rows that each
        movement column (:meth:`_get_columns`) sums, from 2 on."""
        return {column: number for number, column in enumerate(self._get_columns(), start=2)}

    @api.model
    def _zone(self):
        """SQL: where a ledger row (alias ``m``) falls, as a number — ``0`` before the
        period, ``-1`` after it, and in it the number of the column that sums its move type
        (:meth:`_column_numbers`), ``1`` for a move type that no column sums. Opening moves
        (:meth:`_get_opening_move_types`) of the period count as before it. One number
        compared per filtered sum, where comparing the zone and the move types for each of
        the ~30 sums cost a third of the query (two years at 10,000,000 ledger rows: 1.52 s
        → 1.15 s)."""
        opening = ", ".join(f"'{t}'" for t in self._get_opening_move_types())
        move_types = self._get_columns()
        in_column = "\n".join(
            "WHEN m.move_type IN ({}) THEN {}".format(
                ", ".join(f"'{t}'" for t in move_types[column]), number
            )
            for column, number in self._column_numbers().items()
            if move_types[column]
        )
        in_period = f"CASE {in_column} ELSE 1 END" if in_column else "1"
        return f"""CASE WHEN m.date < %(date_from)s
                             OR (m.date < %(date_to)s AND m.move_type IN ({opening}))
                        THEN 0
                        WHEN m.date < %(date_to)s
                        THEN {in_period}
                        ELSE -1 END"""

    @api.model
    def _select(self):
        """The ledger sums of a (product, warehouse): before the period, in it (in total and
        by column) and after it, from the sums by zone and move type (:meth:`_from`).
        Which of these the scanned rows can contain depends on the direction (see
        :meth:`_query`)."""
        parts = [
            "m.product_id",
            "m.warehouse_id",
            "m.categ_id",
            "m.company_id",
            "SUM(m.quantity) FILTER (WHERE m.zone = 0) AS before_qty",
            "SUM(m.value) FILTER (WHERE m.zone = 0) AS before_value",
            "SUM(m.quantity) FILTER (WHERE m.zone > 0) AS period_qty",
            "SUM(m.value) FILTER (WHERE m.zone > 0) AS period_value",
            "SUM(m.move_count) FILTER (WHERE m.zone > 0) AS period_moves",
            "SUM(m.quantity) FILTER (WHERE m.zone = -1) AS after_qty",
            "SUM(m.value) FILTER (WHERE m.zone = -1) AS after_value",
        ]
        for column, number in self._column_numbers().items():
            in_column = f"m.zone = {number}"
            # Outgoing columns are shown as positive quantities.
            sign = (
                "-"
                if column
                in ("purchase_return", "sale_out", "transfer_out", "other_out", "cogs_adjust")
                else ""
            )
            parts += [
                f"{sign}SUM(m.quantity) FILTER (WHERE {in_column}) AS {column}_qty",
                f"{sign}SUM(m.value) FILTER (WHERE {in_column}) AS {column}_value",
            ]
        return ",\n".join(parts)

    @api.model
    def _rows_params(self, wizard):
        params = super()._rows_params(wizard)
        return dict(params, presum=params["balance_months"] > self._jxc_direct_months)

    @api.model
    def _from(self):
        """The ledger rows :meth:`_where` selects (whole months from the period balances,
        see ``jxc.report.row.mixin._ledger_sql``), each with its zone (:meth:`_zone`), for
        the columns' filtered sums.

        Up to :attr:`_jxc_direct_months` months of balances, the columns read these rows
        directly: the balances are such sums already, and summing them again costs more
        than it saves. Over more months (``%(presum)s``), the rows are first summed by
        (product, warehouse), zone and move type, so that the columns' many filtered sums
        read a few rows per (product, warehouse) rather than every month of it. (At
        10,000,000 ledger rows, months read one by one: 9 months 2.07 s summed first,
        1.54 s directly; 13 months 2.34 s summed first, 2.78 s directly.) One of the two
        branches runs: the other's condition is false before the query is planned. Being a
        ``UNION ALL``, they also keep PostgreSQL from copying the zone's ``CASE`` into each
        filtered sum, where it would be computed ~30 times per row (a single branch took
        twice as long)."""
        columns = "m.product_id, m.warehouse_id, m.categ_id, m.company_id, m.move_type"
        ledger = self._ledger_sql(self._where())
        return f"""(
            SELECT {columns}, {self._zone()} AS zone, m.quantity, m.value, m.move_count
              FROM {ledger} m
             WHERE NOT %(presum)s
            UNION ALL
            SELECT {columns}, {self._zone()} AS zone, SUM(m.quantity), SUM(m.value),
                   SUM(m.move_count)
              FROM {ledger} m
             WHERE %(presum)s
             GROUP BY 1, 2, 3, 4, 5, 6
        ) m"""

    @api.model
    def _where(self):
        """The filters of the wizard (company, warehouses, categories); the dates scanned
        are ``%(scan_from)s`` to ``%(scan_to)s`` (see ``_ledger_sql``)."""
        return self.env["jxc.report.filter.mixin"]._filter_where("m")

    @api.model
    def _group_by(self):
        return "m.product_id, m.warehouse_id, m.categ_id, m.company_id"

    @api.model
    def _query(self):
        """Forward, the ledger up to the end of the period is summed. Backward (for recent
        periods, ``%(backward)s``), only the ledger from the start of the period is read,
        and the closing is the stock on hand (quants: quantity and value) less what moved
        after the period — the same figures from far fewer rows. Either way whole months
        are read from the period balances, and the ledger only for the months the period's
        ends cut. A row is a (product, warehouse) with stock at either end of the period
        or movements in it."""
        columns = [c for c in self._jxc_numeric_fields() if c not in OPENING_CLOSING]
        quant_where = self.env["jxc.report.filter.mixin"]._filter_where("q")
        opening = {
            unit: f"""CASE WHEN %(backward)s
                           THEN COALESCE(b.{unit}, 0) - COALESCE(r.after_{unit}, 0)
                                - COALESCE(r.period_{unit}, 0)
                           ELSE COALESCE(r.before_{unit}, 0) END"""
            for unit in ("qty", "value")
        }
        return f"""
            WITH moves AS (
                SELECT {self._select()} FROM {self._from()}
                 GROUP BY {self._group_by()}
            ), balance AS (
                SELECT q.product_id, q.warehouse_id, q.categ_id, q.company_id,
                       SUM(q.quantity) AS qty, SUM(q.value) AS value
                  FROM jxc_stock_quant q
                 WHERE %(backward)s AND {quant_where}
                 GROUP BY q.product_id, q.warehouse_id, q.categ_id, q.company_id
            ), rows AS (
                SELECT COALESCE(r.product_id, b.product_id) AS product_id,
                       COALESCE(r.warehouse_id, b.warehouse_id) AS warehouse_id,
                       COALESCE(r.categ_id, b.categ_id) AS categ_id,
                       COALESCE(r.company_id, b.company_id) AS company_id,
                       COALESCE(r.period_moves, 0) AS period_moves,
                       {opening["qty"]} AS opening_qty,
                       {opening["value"]} AS opening_value,
                       {opening["qty"]} + COALESCE(r.period_qty, 0) AS closing_qty,
                       {opening["value"]} + COALESCE(r.period_value, 0) AS closing_value,
                       {", ".join(f"r.{c}" for c in columns)}
                  FROM moves r
                  FULL JOIN balance b
                    ON b.product_id = r.product_id AND b.warehouse_id = r.warehouse_id
                   AND b.company_id = r.company_id
            )
            SELECT * FROM rows
             WHERE period_moves > 0 OR opening_qty <> 0 OR opening_value <> 0
        """
