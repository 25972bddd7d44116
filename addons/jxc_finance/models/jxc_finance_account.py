# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.jxc_stock.utils import is_internal


class JxcFinanceAccount(models.Model):
    """A cash box or bank account (现金 / 银行账户) that receipts and payments go through."""

    _name = "jxc.finance.account"
    _description = "Cash / Bank Account"
    _inherit = ["jxc.number.mixin", "mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    account_type = fields.Selection(
        [("cash", "Cash"), ("bank", "Bank")],
        string="Type",
        required=True,
        default="bank",
        tracking=True,
    )
    bank_account_number = fields.Char(string="Account Number")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    opening_balance = fields.Monetary(
        tracking=True,
        readonly=True,
        help="期初余额: what the account held on the go-live's cut-over date, entered by "
        "posting opening cash and bank balances.",
    )
    payment_ids = fields.One2many("jxc.finance.payment", "account_id", string="Movements")
    balance = fields.Monetary(
        compute="_compute_balance", help="Opening balance + posted receipts − posted payments."
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not is_internal(self.env):
            for vals in vals_list:
                if vals.get("opening_balance"):
                    raise UserError(self._opening_balance_message())
        return super().create(vals_list)

    def write(self, vals):
        if "opening_balance" in vals and not is_internal(self.env):
            raise UserError(self._opening_balance_message())
        if "company_id" in vals:
            for account in self:
                if account.company_id.id != vals["company_id"] and (
                    account.opening_balance or account.sudo().payment_ids
                ):
                    raise UserError(
                        _(
                            "%s has an opening balance or movements: it stays in its company.",
                            account.name,
                        )
                    )
        return super().write(vals)

    @api.model
    def _opening_balance_message(self):
        return _(
            "An account's opening balance is entered by posting opening cash and bank balances "
            "(期初资金) during the go-live, not typed on the account."
        )

    @api.depends("opening_balance", "payment_ids.state", "payment_ids.amount")
    def _compute_balance(self):
        groups = self.env["jxc.finance.payment"]._read_group(
            [("account_id", "in", self.ids), ("state", "=", "posted")],
            ["account_id", "payment_type"],
            ["amount:sum"],
        )
        moved = {}
        for account, payment_type, amount in groups:
            sign = 1 if payment_type == "inbound" else -1
            moved[account.id] = moved.get(account.id, 0.0) + sign * amount
        for account in self:
            account.balance = account.opening_balance + moved.get(account.id, 0.0)
