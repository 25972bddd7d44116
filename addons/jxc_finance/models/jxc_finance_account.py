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
    slip_ids = fields.One2many("jxc.finance.slip", "account_id", string="Income and Expenses")
    transfer_out_ids = fields.One2many(
        "jxc.finance.transfer", "account_from_id", string="Transfers Out"
    )
    transfer_in_ids = fields.One2many(
        "jxc.finance.transfer", "account_to_id", string="Transfers In"
    )
    balance = fields.Monetary(
        compute="_compute_balance",
        help="Opening balance + posted receipts − posted payments + other income − other "
        "expenses paid through the account (without a partner) + transfers in − transfers out; "
        "reversals (红冲) take their document's money back.",
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
                    account.opening_balance or account.sudo()._has_movements()
                ):
                    raise UserError(
                        _(
                            "%s has an opening balance or movements: it stays in its company.",
                            account.name,
                        )
                    )
        return super().write(vals)

    def _check_company_of(self, company, doc, error=UserError):
        """Refuse (``error``) these accounts on document ``doc`` (its name) of ``company``
        when one belongs to another company."""
        for account in self:
            if account.company_id != company:
                raise error(
                    _(
                        "%(doc)s: the account %(account)s belongs to %(other)s, not to "
                        "%(company)s.",
                        doc=doc,
                        account=account.display_name,
                        other=account.company_id.display_name,
                        company=company.display_name,
                    )
                )

    @api.model
    def _opening_balance_message(self):
        return _(
            "An account's opening balance is entered by posting opening cash and bank balances "
            "(期初资金) during the go-live, not typed on the account."
        )

    def _has_movements(self):
        self.ensure_one()
        return bool(
            self.payment_ids or self.slip_ids or self.transfer_out_ids or self.transfer_in_ids
        )

    @api.depends(
        "opening_balance",
        "payment_ids.state",
        "payment_ids.amount",
        "slip_ids.state",
        "slip_ids.amount_total",
        "slip_ids.partner_id",
        "transfer_out_ids.state",
        "transfer_out_ids.amount",
        "transfer_in_ids.state",
        "transfer_in_ids.amount",
    )
    def _compute_balance(self):
        moved = dict.fromkeys(self.ids, 0.0)
        for account, amount in self._get_movements():
            moved[account.id] += amount
        for account in self:
            account.balance = account.currency_id.round(
                account.opening_balance + moved.get(account.id, 0.0)
            )

    def _get_movements(self):
        """``[(account, signed amount)]``: what posted documents moved through these accounts
        (several rows per account). Extend it with ``super()`` for a new kind of movement;
        the cash position report (jxc_reports) lists the same documents.

        Read as superuser: whoever may read an account (reports managers too) sees its whole
        balance, not the part of the documents they may open."""
        env = self.sudo().env
        rows = []
        groups = env["jxc.finance.payment"]._read_group(
            [("account_id", "in", self.ids), ("state", "=", "posted")],
            ["account_id", "payment_type"],
            ["amount:sum"],
        )
        rows += [(a, amount if t == "inbound" else -amount) for a, t, amount in groups]
        # Slips against a partner move no money: their receivable / payable does, once paid.
        groups = env["jxc.finance.slip"]._read_group(
            [
                ("account_id", "in", self.ids),
                ("partner_id", "=", False),
                ("state", "in", ("posted", "reversed")),
            ],
            ["account_id", "slip_type", "is_reversal"],
            ["amount_total:sum"],
        )
        rows += [
            (a, amount * (1 if t == "income" else -1) * (-1 if reversal else 1))
            for a, t, reversal, amount in groups
        ]
        Transfer = env["jxc.finance.transfer"]
        for field, sign in (("account_from_id", -1), ("account_to_id", 1)):
            groups = Transfer._read_group(
                [(field, "in", self.ids), ("state", "in", ("posted", "reversed"))],
                [field, "is_reversal"],
                ["amount:sum"],
            )
            rows += [(a, amount * sign * (-1 if reversal else 1)) for a, reversal, amount in groups]
        return rows
