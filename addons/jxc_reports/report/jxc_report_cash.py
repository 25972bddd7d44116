# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools


class JxcReportCash(models.Model):
    """资金状况: the movements of each cash / bank account (its opening balance, then every
    posted receipt and payment) with the running balance — grouped by account, the cash
    position."""

    _name = "jxc.report.cash"
    _inherit = ["jxc.report.xlsx.mixin"]
    _description = "Cash Position"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "reference"

    account_id = fields.Many2one("jxc.finance.account", readonly=True)
    account_type = fields.Selection([("cash", "Cash"), ("bank", "Bank")], readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True)
    reference = fields.Char(string="Document", readonly=True)
    payment_id = fields.Many2one("jxc.finance.payment", string="Receipt / Payment", readonly=True)
    amount_in = fields.Monetary(string="Received", readonly=True)
    amount_out = fields.Monetary(string="Paid", readonly=True)
    amount = fields.Monetary(string="Movement", readonly=True, help="Signed: + in, − out.")
    balance = fields.Monetary(
        readonly=True, aggregator=None, help="Balance of the account after this movement."
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
                SELECT r.*, SUM(r.amount) OVER (
                           PARTITION BY r.account_id ORDER BY r.date, r.seq, r.id) AS balance
                  FROM (
                    SELECT a.id * 2 AS id, a.id AS account_id, a.account_type, a.company_id,
                           LEAST((a.create_date AT TIME ZONE 'UTC')::date,
                                 (SELECT MIN(f.date) FROM jxc_finance_payment f
                                   WHERE f.account_id = a.id AND f.state = 'posted')) AS date,
                           0 AS seq,
                           NULL::integer AS partner_id, a.name AS reference,
                           NULL::integer AS payment_id,
                           GREATEST(a.opening_balance, 0) AS amount_in,
                           GREATEST(-a.opening_balance, 0) AS amount_out,
                           a.opening_balance AS amount
                      FROM jxc_finance_account a
                    UNION ALL
                    SELECT p.id * 2 + 1, p.account_id, a.account_type, p.company_id, p.date, 1,
                           p.partner_id, p.name, p.id,
                           CASE WHEN p.payment_type = 'inbound' THEN p.amount ELSE 0 END,
                           CASE WHEN p.payment_type = 'outbound' THEN p.amount ELSE 0 END,
                           CASE WHEN p.payment_type = 'inbound' THEN p.amount ELSE -p.amount END
                      FROM jxc_finance_payment p
                      JOIN jxc_finance_account a ON a.id = p.account_id
                     WHERE p.state = 'posted'
                  ) r
            )
            """
        )
