# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.translate import LazyTranslate

from odoo.addons.jxc_stock.utils import selection_label, today

_lt = LazyTranslate(__name__)

# The aging buckets (账龄区间), the one definition every aging uses: key, label, first and
# last day past due (None: open-ended). Days past due = as-of date − due date.
AGING_BUCKETS = [
    ("not_due", _lt("Not Due"), None, 0),
    ("days_1_30", _lt("1–30 Days"), 1, 30),
    ("days_31_60", _lt("31–60 Days"), 31, 60),
    ("days_61_90", _lt("61–90 Days"), 61, 90),
    ("days_over_90", _lt("Over 90 Days"), 91, None),
]
BUCKETS = tuple(key for key, *_rest in AGING_BUCKETS)


def bucket_condition_sql(days_sql, first, last):
    """SQL that is true when ``days_sql`` (days past due) falls in the bucket first..last."""
    parts = []
    if first is not None:
        parts.append(f"{days_sql} >= {int(first)}")
    if last is not None:
        parts.append(f"{days_sql} <= {int(last)}")
    return " AND ".join(parts)


def bucket_case_sql(days_sql):
    """SQL giving the bucket key of ``days_sql`` (days past due)."""
    whens = " ".join(
        f"WHEN {bucket_condition_sql(days_sql, first, last)} THEN '{key}'"
        for key, _label, first, last in AGING_BUCKETS
    )
    return f"CASE {whens} END"


class JxcFinanceAging(models.TransientModel):
    """账龄: what was open on a date, by partner, in buckets of days past due.

    Showing it writes nothing: its lines are read for it when the form reads them (see
    ``jxc.finance.aging.line``)."""

    _name = "jxc.finance.aging"
    _inherit = ["jxc.report.wizard.mixin"]
    _description = "Aging"

    date = fields.Date(string="As Of", required=True, default=lambda self: today(self.env))
    entry_type = fields.Selection(
        [("receivable", "Receivable"), ("payable", "Payable")],
        string="Type",
        required=True,
        default="receivable",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("jxc.finance.aging.line", compute="_compute_line_ids")

    @api.depends("date", "entry_type")
    def _compute_display_name(self):
        for aging in self:
            aging.display_name = _(
                "%(type)s aging as of %(date)s",
                type=selection_label(aging, "entry_type") or "",
                date=aging.date,
            )

    def _compute_line_ids(self):
        """The lines as of now: read for each saved aging of the user's companies."""
        Line = self.env["jxc.finance.aging.line"]
        for aging in self:
            aging.line_ids = Line._jxc_rows_of(aging) if aging._is_shown() else Line

    def _is_shown(self):
        return bool(self.id) and (self.env.su or self.company_id in self.env.companies)

    @api.model
    def _buckets_query(self):
        """SQL of the residuals as of ``%(date)s`` by commercial partner (``partner_id``),
        one column per bucket and ``total``: entries dated up to then, less settlements dated
        up to then (computed as today's residual plus the settlements dated after it)."""
        buckets = ", ".join(
            "SUM(residual) FILTER (WHERE "
            + bucket_condition_sql("(%(date)s::date - date_due)", first, last)
            + f") AS {key}"
            for key, _label, first, last in AGING_BUCKETS
        )
        return f"""
            WITH settled AS (
                -- Residual as of the date = stored residual + what was settled after it:
                -- only the settlements after the date are read, of entries dated up
                -- to it (entry_date, stored for this: a year back, 35,000 of 450,000).
                SELECT entry_id AS id, SUM(amount) AS amount
                  FROM jxc_finance_payment_line
                 WHERE state = 'posted' AND date > %(date)s AND entry_date <= %(date)s
                 GROUP BY entry_id
            ), used AS (
                SELECT credit_entry_id AS id, SUM(amount) AS amount
                  FROM jxc_finance_payment_line
                 WHERE state = 'posted' AND date > %(date)s AND credit_entry_id IS NOT NULL
                 GROUP BY credit_entry_id
            ), changed AS (
                SELECT id FROM settled UNION SELECT id FROM used
            ), open AS (
                -- The entries open today and not settled since the date, as they are (a
                -- partial index); those settled since, with what was settled added back.
                SELECT e.commercial_partner_id AS partner_id, e.date_due,
                       e.amount_residual AS residual
                  FROM jxc_finance_entry e
                 WHERE e.entry_type = %(type)s AND e.company_id = %(company)s
                   AND e.date <= %(date)s AND e.amount_residual <> 0
                   AND NOT EXISTS (SELECT 1 FROM changed c WHERE c.id = e.id)
                UNION ALL
                SELECT e.commercial_partner_id, e.date_due,
                       e.amount_residual + COALESCE(s.amount, 0) - COALESCE(u.amount, 0)
                  FROM jxc_finance_entry e
                  JOIN changed c ON c.id = e.id
                  LEFT JOIN settled s ON s.id = e.id
                  LEFT JOIN used u ON u.id = e.id
                 WHERE e.entry_type = %(type)s AND e.company_id = %(company)s
                   AND e.date <= %(date)s
            )
            SELECT partner_id, {buckets}, SUM(residual) AS total
              FROM open
             WHERE residual <> 0
             GROUP BY partner_id
        """

    @api.model
    def _compute_buckets(self, date, entry_type, company):
        """{partner id: {bucket: amount, "total": amount}} of residuals as of ``date`` (see
        :meth:`_buckets_query`)."""
        self.env.flush_all()
        self.env.cr.execute(
            self._buckets_query(), {"date": date, "type": entry_type, "company": company.id}
        )
        result = {}
        for partner_id, *amounts, total in self.env.cr.fetchall():
            values = {
                bucket: float(amount or 0.0)
                for bucket, amount in zip(BUCKETS, amounts, strict=True)
            }
            values["total"] = float(total or 0.0)
            result[partner_id] = values
        return result

    def _check_company_allowed(self):
        """The buckets are computed in SQL, past record rules: only for the user's companies."""
        self.ensure_one()
        if not self.env.su and self.company_id not in self.env.companies:
            raise AccessError(
                _("You cannot see the aging of %(company)s.", company=self.company_id.sudo().name)
            )

    def _query_params(self):
        """The parameters of :meth:`_buckets_query` for this aging (its lines' query)."""
        self._check_company_allowed()
        return {"date": self.date, "type": self.entry_type, "company": self.company_id.id}

    @api.readonly
    def action_compute(self):
        """Show the aging: the form reloads and reads the lines (a read-only call)."""
        self.ensure_one()
        self._jxc_check_on_replica()
        self._check_company_allowed()
        self.invalidate_recordset(["line_ids"])
        return True
