# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools


class JxcReportCash(models.Model):
    """资金状况: the movements of each cash / bank account (its opening balance, then every
    posted receipt and payment, other income and expense paid through it, fund transfer in
    and out, and their reversals) with the running balance — grouped by account, the cash
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
    slip_id = fields.Many2one("jxc.finance.slip", string="Other Income / Expense", readonly=True)
    transfer_id = fields.Many2one("jxc.finance.transfer", string="Fund Transfer", readonly=True)
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
                WITH moves AS ({self._moves_query()})
                SELECT r.*, SUM(r.amount) OVER (
                           PARTITION BY r.account_id ORDER BY r.date, r.seq, r.id) AS balance
                  FROM (
                    SELECT -a.id AS id, a.id AS account_id, a.account_type, a.company_id,
                           LEAST((a.create_date AT TIME ZONE 'UTC')::date,
                                 (SELECT MIN(m.date) FROM moves m
                                   WHERE m.account_id = a.id)) AS date,
                           0 AS seq,
                           NULL::integer AS partner_id, a.name AS reference,
                           NULL::integer AS payment_id,
                           NULL::integer AS slip_id,
                           NULL::integer AS transfer_id,
                           GREATEST(COALESCE(a.opening_balance, 0), 0) AS amount_in,
                           GREATEST(-COALESCE(a.opening_balance, 0), 0) AS amount_out,
                           COALESCE(a.opening_balance, 0) AS amount
                      FROM jxc_finance_account a
                    UNION ALL
                    SELECT m.id, m.account_id, a.account_type, m.company_id, m.date, 1,
                           m.partner_id, m.reference, m.payment_id, m.slip_id, m.transfer_id,
                           GREATEST(m.amount, 0), GREATEST(-m.amount, 0), m.amount
                      FROM moves m
                      JOIN jxc_finance_account a ON a.id = m.account_id
                  ) r
            )
            """
        )

    def _moves_query(self):
        """Every posted movement of money: ``id`` (unique: 0–3 mod 4 by kind; opening rows
        take the accounts' negated ids), ``account_id``, ``company_id``, ``date``,
        ``partner_id``, ``reference``, the document columns and the signed ``amount`` — the
        same documents as ``jxc.finance.account._get_movements()``.
        Receipts and payments; income and expense slips without a partner (a reversal takes
        its slip's money back); both legs of each fund transfer."""
        return """
            SELECT p.id * 4 AS id, p.account_id, p.company_id, p.date, p.partner_id,
                   p.name AS reference, p.id AS payment_id, NULL::integer AS slip_id,
                   NULL::integer AS transfer_id,
                   CASE WHEN p.payment_type = 'inbound' THEN p.amount ELSE -p.amount END
                       AS amount
              FROM jxc_finance_payment p
             WHERE p.state = 'posted'
            UNION ALL
            SELECT s.id * 4 + 1, s.account_id, s.company_id, s.date, NULL, s.name, NULL, s.id,
                   NULL,
                   s.amount_total
                   * CASE WHEN s.slip_type = 'income' THEN 1 ELSE -1 END
                   * CASE WHEN s.is_reversal THEN -1 ELSE 1 END
              FROM jxc_finance_slip s
             WHERE s.state IN ('posted', 'reversed') AND s.partner_id IS NULL
               AND s.account_id IS NOT NULL
            UNION ALL
            SELECT t.id * 4 + 2, t.account_from_id, t.company_id, t.date, NULL, t.name, NULL,
                   NULL, t.id,
                   -t.amount * CASE WHEN t.is_reversal THEN -1 ELSE 1 END
              FROM jxc_finance_transfer t
             WHERE t.state IN ('posted', 'reversed')
            UNION ALL
            SELECT t.id * 4 + 3, t.account_to_id, t.company_id, t.date, NULL, t.name, NULL,
                   NULL, t.id,
                   t.amount * CASE WHEN t.is_reversal THEN -1 ELSE 1 END
              FROM jxc_finance_transfer t
             WHERE t.state IN ('posted', 'reversed')
        """
