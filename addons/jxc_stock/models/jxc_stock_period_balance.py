# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class JxcStockPeriodBalance(models.Model):
    """月结余额: the stock ledger summed by month (UTC), company, product, warehouse and move
    type — quantity, value and number of rows — so that reports over long periods read
    whole months here and the ledger only for the months cut by their ends; and the same by
    year (``period`` = ``year``, dated January 1st), so that a long period reads a year's
    rows rather than each of its months.

    Kept by the posting code in the same transaction as the ledger rows it sums (one
    ``INSERT … ON CONFLICT DO UPDATE`` per posting, under the quant locks of the posted
    products and warehouses, see :meth:`_add_moves`); nobody writes it through the ORM.
    :meth:`_rebuild` recomputes it from the ledger; 账实核对 checks that both agree.
    """

    _name = "jxc.stock.period.balance"
    _description = "Stock Period Balance"
    _order = "date desc, period, product_id, warehouse_id, move_type"
    _rec_name = "product_id"

    period = fields.Selection(
        [("month", "Month"), ("year", "Year")],
        required=True,
        readonly=True,
        default="month",
        help="Whether the row sums a month or a whole year.",
    )
    date = fields.Date(
        string="Month",
        required=True,
        readonly=True,
        help="First day of the month (UTC); of the year for a year's row.",
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    product_id = fields.Many2one("product.product", required=True, readonly=True, index=True)
    categ_id = fields.Many2one(related="product_id.categ_id", store=True, string="Category")
    warehouse_id = fields.Many2one("jxc.stock.warehouse", required=True, readonly=True, index=True)
    move_type = fields.Selection(selection="_selection_move_type", required=True, readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="Signed sum of the month's ledger rows, in the product's base unit.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    value = fields.Monetary(readonly=True, groups="jxc_stock.group_jxc_cost")
    move_count = fields.Integer(string="Ledger Row Count", readonly=True)

    _sql_constraints = [
        (
            "key_uniq",
            "unique(company_id, period, date, product_id, warehouse_id, move_type)",
            "One balance per month (or year), product, warehouse and move type.",
        ),
    ]

    @api.model
    def _selection_move_type(self):
        return self.env["jxc.stock.move"]._fields["move_type"]._description_selection(self.env)

    @api.model_create_multi
    def create(self, vals_list):
        # Period balances are inserted by the posting code (SQL) only.
        if vals_list:
            raise UserError(_("Period balances change only by posting stock documents."))
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(_("Period balances change only by posting stock documents."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(_("Period balances change only by posting stock documents."))

    # ------------------------------------------------------------------
    # SQL (posting, repair)
    # ------------------------------------------------------------------
    def _upsert_sql(self, source):
        """``INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE`` of the ledger rows that
        ``source`` (an SQL condition on ``jxc_stock_move m``) selects, added to the balances
        of their month and of their year, in key order (see :meth:`_add_moves`)."""
        return f"""
            INSERT INTO jxc_stock_period_balance AS b
                   (period, date, company_id, product_id, warehouse_id, move_type, categ_id,
                    quantity, value, move_count, create_uid, create_date, write_uid,
                    write_date)
            SELECT p.period, date_trunc(p.period, m.date)::date, m.company_id, m.product_id,
                   m.warehouse_id, m.move_type, MIN(m.categ_id), SUM(m.quantity),
                   SUM(m.value), COUNT(*), %(uid)s, now() at time zone 'UTC', %(uid)s,
                   now() at time zone 'UTC'
              FROM jxc_stock_move m
             CROSS JOIN (VALUES ('month'), ('year')) AS p(period)
             WHERE {source}
             GROUP BY 1, 2, 3, 4, 5, 6
             ORDER BY 3, 1, 2, 4, 5, 6
            ON CONFLICT (company_id, period, date, product_id, warehouse_id, move_type) DO UPDATE
               SET quantity = b.quantity + EXCLUDED.quantity,
                   value = b.value + EXCLUDED.value,
                   move_count = b.move_count + EXCLUDED.move_count,
                   write_uid = EXCLUDED.write_uid,
                   write_date = EXCLUDED.write_date
        """

    @api.model
    def _add_moves(self, moves):
        """Add just-inserted ledger rows ``moves`` to their period balances: one statement
        for the whole posting, in the posting's transaction.

        Lock order: the posting holds the quant locks of every (product, warehouse) it
        touches (taken in one fixed order before the ledger insert), and every balance row
        written here belongs to one of those pairs; so two postings that would write the
        same balance row are already serialised on its quant, and a posting never waits
        for a balance row while holding a lock another posting waits for. The rows are
        still written in key order, so that a writer outside the posting path (none
        today) cannot deadlock with it either."""
        if not moves:
            return
        self.env.cr.execute(
            self._upsert_sql("m.id = ANY(%(ids)s)"), {"ids": list(moves.ids), "uid": self.env.uid}
        )
        self.invalidate_model()

    @api.model
    def _rebuild(self, companies=None):
        """Recompute the balances of ``companies`` (default: all) from the ledger in one
        statement (after a table lock that waits for postings under way and holds new ones
        off): for the migration that introduces them, the benchmark generator and repairs
        after 账实核对 found a difference. Private: it writes as whoever calls it."""
        cr = self.env.cr
        self.env.flush_all()
        cr.execute("LOCK TABLE jxc_stock_period_balance IN SHARE ROW EXCLUSIVE MODE")
        params = {"uid": self.env.uid, "companies": companies.ids if companies else None}
        where = "TRUE" if companies is None else "m.company_id = ANY(%(companies)s)"
        cr.execute(f"DELETE FROM jxc_stock_period_balance m WHERE {where}", params)
        cr.execute(self._upsert_sql(where), params)
        self.invalidate_model()
        return cr.rowcount

    @api.model
    def _mismatches_sql(self):
        """SQL of the balances that differ from the ledger grouped by month and by year:
        (period, month or year, company, product, warehouse, move type, ledger quantity,
        balance quantity, ledger value, balance value, ledger rows, balance rows)."""
        return """
            WITH months AS (
                SELECT date_trunc('month', date)::date AS date, company_id, product_id,
                       warehouse_id, move_type, SUM(quantity) AS quantity, SUM(value) AS value,
                       COUNT(*) AS move_count
                  FROM jxc_stock_move GROUP BY 1, 2, 3, 4, 5
            ), ledger AS (
                SELECT 'month' AS period, * FROM months
                UNION ALL
                SELECT 'year', date_trunc('year', date)::date, company_id, product_id,
                       warehouse_id, move_type, SUM(quantity), SUM(value), SUM(move_count)
                  FROM months GROUP BY 2, 3, 4, 5, 6
            )
            SELECT COALESCE(b.period, l.period), COALESCE(b.date, l.date),
                   COALESCE(b.company_id, l.company_id),
                   COALESCE(b.product_id, l.product_id),
                   COALESCE(b.warehouse_id, l.warehouse_id),
                   COALESCE(b.move_type, l.move_type),
                   COALESCE(l.quantity, 0), COALESCE(b.quantity, 0),
                   COALESCE(l.value, 0), COALESCE(b.value, 0),
                   COALESCE(l.move_count, 0), COALESCE(b.move_count, 0)
              FROM jxc_stock_period_balance b
              FULL JOIN ledger l
                USING (period, date, company_id, product_id, warehouse_id, move_type)
             WHERE COALESCE(l.quantity, 0) <> COALESCE(b.quantity, 0)
                OR COALESCE(l.value, 0) <> COALESCE(b.value, 0)
                OR COALESCE(l.move_count, 0) <> COALESCE(b.move_count, 0)
             ORDER BY 1, 2, 3, 4, 5, 6
        """
