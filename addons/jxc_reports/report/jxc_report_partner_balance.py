# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools

from odoo.addons.jxc_finance.wizards.jxc_finance_aging import bucket_case_sql
from odoo.addons.jxc_stock.utils import DEFAULT_TZ

AGING = [
    ("not_due", "Not Due"),
    ("days_1_30", "1–30 Days"),
    ("days_31_60", "31–60 Days"),
    ("days_61_90", "61–90 Days"),
    ("days_over_90", "Over 90 Days"),
    ("prepayment", "Prepayment"),
    ("settled", "Settled"),
]


class JxcReportPartnerBalance(models.Model):
    """应收应付余额与账龄: every receivable / payable entry with what is still open and its
    aging bucket today, plus the unsettled part of posted receipts and payments (预收 / 预付) —
    so that a partner's open amounts add up to its balance."""

    _name = "jxc.report.partner.balance"
    _inherit = ["jxc.report.xlsx.mixin"]
    _description = "Receivable and Payable Balances"
    _auto = False
    _order = "date_due, id"
    _rec_name = "reference"

    entry_type = fields.Selection(
        [("receivable", "Receivable"), ("payable", "Payable")], string="Type", readonly=True
    )
    partner_id = fields.Many2one("res.partner", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(readonly=True)
    date_due = fields.Date(string="Due Date", readonly=True)
    reference = fields.Char(string="Document", readonly=True)
    amount = fields.Monetary(readonly=True, help="Signed, company currency.")
    residual = fields.Monetary(string="Open Amount", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    aging = fields.Selection(
        AGING, readonly=True, help="Days past the due date, today in the company's time zone."
    )
    is_overdue = fields.Boolean(string="Overdue", readonly=True)

    def _select(self):
        return f"""
            e.id * 2 AS id, e.entry_type, e.commercial_partner_id AS partner_id, e.company_id,
            e.date, e.date_due, e.reference, e.amount, e.amount_residual AS residual,
            CASE WHEN e.amount_residual <> 0 THEN GREATEST(t.today - e.date_due, 0)
                 ELSE 0 END AS days_overdue,
            CASE WHEN e.amount_residual = 0 THEN 'settled'
                 ELSE {bucket_case_sql("(t.today - e.date_due)")} END AS aging,
            e.amount_residual > 0 AND e.date_due < t.today AS is_overdue
        """

    def _select_prepayments(self):
        return """
            p.id * 2 + 1 AS id,
            CASE WHEN p.payment_type = 'inbound' THEN 'receivable' ELSE 'payable' END,
            p.commercial_partner_id, p.company_id, p.date, p.date, p.name, -p.amount,
            -p.amount_unsettled, 0, 'prepayment', FALSE
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                SELECT {self._select()} FROM jxc_finance_entry e
                  -- "Today" in the company's time zone, not the database server's.
                  JOIN res_company c ON c.id = e.company_id
                  JOIN res_partner cp ON cp.id = c.partner_id
                  CROSS JOIN LATERAL (
                      SELECT (now() AT TIME ZONE COALESCE(cp.tz, %s))::date AS today
                  ) t
                UNION ALL
                SELECT {self._select_prepayments()} FROM jxc_finance_payment p
                 WHERE p.state = 'posted' AND p.amount_unsettled <> 0
            )
            """,
            [DEFAULT_TZ],
        )
