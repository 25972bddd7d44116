# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# Ledger move types of the sales analysis's rows.
SALE_MOVE_TYPES = ("sale_out", "sale_return")
# The months of the table are those of this time zone (JXC's users work in China's time): a
# sales analysis read in it groups by month from the table, in another from the detail.
PERIOD_TZ = "Asia/Shanghai"
# The grain of the table, besides the month (``date``): what a grouping read from it may use.
PERIOD_KEYS = ("company_id", "warehouse_id", "categ_id", "user_id")
# The sums it holds, as the sales analysis names them.
PERIOD_SUMS = ("quantity", "revenue", "cogs")


class JxcReportSalePeriod(models.Model):
    """Monthly sums of the sales analysis (``jxc.report.sale``) by company, warehouse, product
    category and salesperson: what a grouping by month, quarter or year (and by those keys)
    reads instead of the ledger's delivery and return rows.

    Maintained in SQL, in the transaction that changes what it sums: posting ledger rows
    (:meth:`_jxc_add_moves`), a sale order's salesperson or a product's category changing
    (:meth:`_jxc_apply`). Its rows are the sales analysis's own rows summed
    (:meth:`_jxc_source_sql`), so the figures are the same by construction; the 账实核对 checks
    it (:meth:`_jxc_mismatches`), :meth:`_rebuild` fills it again. Nobody writes it through the
    ORM.
    """

    _name = "jxc.report.sale.period"
    _description = "Sales Analysis by Month"
    _order = "date desc, id"
    _rec_name = "date"

    date = fields.Datetime(
        string="Month", required=True, readonly=True, help="The month's first instant (China)."
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    # A warehouse is deleted only without ledger rows: its sums (if any) go with it.
    warehouse_id = fields.Many2one(
        "jxc.stock.warehouse", required=True, readonly=True, ondelete="cascade"
    )
    categ_id = fields.Many2one(
        "product.category", string="Category", readonly=True, ondelete="restrict"
    )
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True, ondelete="restrict")
    currency_id = fields.Many2one(related="company_id.currency_id")
    quantity = fields.Float(string="Quantity Sold", digits="Product Unit of Measure", readonly=True)
    revenue = fields.Monetary(readonly=True)
    cogs = fields.Monetary(
        string="Cost of Goods Sold", readonly=True, groups="jxc_stock.group_jxc_cost"
    )
    move_count = fields.Integer(string="Ledger Rows", readonly=True)

    def init(self):
        # One row per month and key (NULL keys included), the key of the upserts.
        self.env.cr.execute(
            f"""
            CREATE UNIQUE INDEX IF NOT EXISTS jxc_report_sale_period_key
                ON {self._table} (date, company_id, warehouse_id, COALESCE(categ_id, 0),
                                  COALESCE(user_id, 0))
            """
        )

    @api.model_create_multi
    def create(self, vals_list):
        if vals_list:
            raise UserError(_("The sales analysis's monthly sums are kept by posting only."))
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(_("The sales analysis's monthly sums are kept by posting only."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(_("The sales analysis's monthly sums are kept by posting only."))

    # ------------------------------------------------------------------
    # SQL
    # ------------------------------------------------------------------
    @api.model
    def _jxc_month_sql(self, column):
        """SQL of the first instant (UTC) of the month (:data:`PERIOD_TZ`) of ``column``."""
        return (
            f"timezone('UTC', timezone('{PERIOD_TZ}', date_trunc('month', "
            f"timezone('{PERIOD_TZ}', timezone('UTC', {column})))))"
        )

    @api.model
    def _jxc_source_sql(self, where):
        """SQL of the table's rows as the sales analysis's rows ``r`` summed (those that
        ``where`` keeps), in the order of the key: the one source of the table's figures."""
        keys = ", ".join(f"r.{key}" for key in PERIOD_KEYS)
        return f"""
            SELECT {self._jxc_month_sql("r.date")} AS date, {keys},
                   SUM(r.quantity) AS quantity, SUM(r.revenue) AS revenue,
                   SUM(r.cogs) AS cogs, COUNT(*) AS move_count
              FROM jxc_report_sale r
             WHERE {where}
             GROUP BY 1, {keys}
             ORDER BY 1, {keys}
        """

    @api.model
    def _jxc_apply(self, where, params, sign=1):
        """Add (``sign`` 1) or take away (-1) the sales analysis's rows that ``where`` keeps:
        one upsert, rows locked in the order of the key (no deadlock between postings).

        Only what the sales analysis reads is flushed first (its ``_depends``), not everything:
        a posting's other pending recomputes — the order lines' delivered, to-deliver and
        invoiced quantities over every line — then run once, when the posting ends, rather
        than here and again after it."""
        for model, names in self.env["jxc.report.sale"]._depends.items():
            self.env[model].flush_model(names)
        columns = ", ".join(("date", *PERIOD_KEYS, *PERIOD_SUMS, "move_count"))
        sums = (*PERIOD_SUMS, "move_count")
        self.env.cr.execute(
            f"""
            INSERT INTO {self._table} AS p ({columns}, create_uid, create_date, write_uid,
                                            write_date)
            SELECT s.date, {", ".join(f"s.{k}" for k in PERIOD_KEYS)},
                   {", ".join(f"%(sign)s * s.{n}" for n in sums)},
                   %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
              FROM ({self._jxc_source_sql(where)}) s
            ON CONFLICT (date, company_id, warehouse_id, COALESCE(categ_id, 0),
                         COALESCE(user_id, 0))
            DO UPDATE SET {", ".join(f"{n} = p.{n} + EXCLUDED.{n}" for n in sums)},
                          write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
            """,
            dict(params, sign=sign, uid=self.env.uid),
        )
        if sign < 0:
            self.env.cr.execute(f"DELETE FROM {self._table} WHERE move_count = 0")
        self.invalidate_model()

    @api.model
    def _jxc_add_moves(self, moves):
        """Add posted ledger rows (those of deliveries and returns count)."""
        if moves:
            self._jxc_apply("r.id = ANY(%(move_ids)s)", {"move_ids": list(moves.ids)})

    @api.model
    def _rebuild(self):
        """Fill the table again from the sales analysis's rows, in one statement after
        emptying it (migrations, generated data, a repair after the 账实核对), after a table
        lock that waits for postings under way and holds new ones off, as
        ``jxc.stock.period.balance._rebuild`` does: a posting's upsert cannot land between
        the delete and the insert and be counted twice or lost."""
        self.env.flush_all()
        self.env.cr.execute(f"LOCK TABLE {self._table} IN SHARE ROW EXCLUSIVE MODE")
        self.env.cr.execute(f"DELETE FROM {self._table}")
        columns = ", ".join(("date", *PERIOD_KEYS, *PERIOD_SUMS, "move_count"))
        self.env.cr.execute(
            f"""
            INSERT INTO {self._table} ({columns}, create_uid, create_date, write_uid,
                                       write_date)
            SELECT s.*, %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
              FROM ({self._jxc_source_sql("TRUE")}) s
            """,
            {"uid": self.env.uid},
        )
        self.invalidate_model()
        return self.env.cr.rowcount

    @api.model
    def _jxc_mismatches(self):
        """[(month, company, warehouse, category, salesperson, (expected sums), (stored
        sums))] where the table and the sales analysis's rows disagree."""
        self.env.flush_all()
        keys = ("date", *PERIOD_KEYS)
        sums = (*PERIOD_SUMS, "move_count")
        query = SQL(
            f"""
            WITH detail AS ({self._jxc_source_sql("TRUE")})
            SELECT {", ".join(f"COALESCE(d.{k}, p.{k})" for k in keys)},
                   {", ".join(f"COALESCE(d.{n}, 0)" for n in sums)},
                   {", ".join(f"COALESCE(p.{n}, 0)" for n in sums)}
              FROM detail d
              FULL JOIN {self._table} p
                ON p.date = d.date AND p.company_id = d.company_id
               AND p.warehouse_id = d.warehouse_id
               AND COALESCE(p.categ_id, 0) = COALESCE(d.categ_id, 0)
               AND COALESCE(p.user_id, 0) = COALESCE(d.user_id, 0)
             WHERE {" OR ".join(f"COALESCE(d.{n}, 0) <> COALESCE(p.{n}, 0)" for n in sums)}
            """
        )
        self.env.cr.execute(query)
        width = len(sums)
        return [
            (*row[: len(keys)], row[len(keys) : len(keys) + width], row[len(keys) + width :])
            for row in self.env.cr.fetchall()
        ]
