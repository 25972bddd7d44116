# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.jxc_stock.utils import format_money


class JxcFinanceTransfer(models.Model):
    """资金转账单: money moved from one cash / bank account to another of the same company
    (cash paid into the bank, a withdrawal, Alipay to the bank…).

    Posting takes the amount out of the source account and puts it into the destination
    account. A posted transfer is corrected by its reversal (红冲): a mirror transfer
    (``is_reversal``) between the same accounts that moves the money back, dated the day it is
    made; the original is then *Reversed*.
    """

    _name = "jxc.finance.transfer"
    _description = "Fund Transfer"
    _jxc_sequence_code = "jxc.finance.transfer"
    _inherit = [
        "jxc.document.mixin",
        "jxc.finance.reversal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _jxc_unlink_states = ("draft",)
    _jxc_locked_writable = ("note",)
    _jxc_posted_states = ("posted", "reversed")

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    account_from_id = fields.Many2one(
        "jxc.finance.account",
        string="From Account",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    account_to_id = fields.Many2one(
        "jxc.finance.account",
        string="To Account",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    amount = fields.Monetary(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("reversed", "Reversed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    is_reversal = fields.Boolean(string="Reversal (红冲)", readonly=True, copy=False)
    reversal_of_id = fields.Many2one(
        "jxc.finance.transfer",
        string="Reverses",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    reversal_ids = fields.One2many("jxc.finance.transfer", "reversal_of_id", string="Reversals")
    reversed_by_id = fields.Many2one("jxc.finance.transfer", compute="_compute_reversed_by_id")
    note = fields.Text()

    @api.constrains("account_from_id", "account_to_id", "amount", "company_id")
    def _check_transfer(self):
        for transfer in self:
            if transfer.account_from_id == transfer.account_to_id:
                raise ValidationError(
                    _(
                        "%(doc)s: money is transferred between two different accounts, not from "
                        "%(account)s to itself.",
                        doc=transfer.name,
                        account=transfer.account_from_id.display_name,
                    )
                )
            (transfer.account_from_id | transfer.account_to_id)._check_company_of(
                transfer.company_id, transfer.name, ValidationError
            )
            if transfer.currency_id.compare_amounts(transfer.amount, 0) <= 0:
                raise ValidationError(
                    _(
                        "%(doc)s: the amount must be positive, not %(amount)s.",
                        doc=transfer.name,
                        amount=format_money(self.env, transfer.amount, transfer.currency_id),
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_post(self):
        self._check_action_rights()
        return self._action_post()

    def _action_post(self):
        for transfer in self:
            if transfer.state != "draft":
                raise UserError(_("%s is not a draft.", transfer.name))
            transfer._check_transfer()
            transfer.company_id._jxc_check_lock_date(transfer.date, transfer.name)
            transfer._jxc_write({"state": "posted"})
        return True

    def _action_reverse(self):
        reversals = self.browse()
        for transfer in self:
            if transfer.state != "posted" or transfer.is_reversal:
                raise UserError(
                    _(
                        "%s is not a posted transfer: only posted transfers are reversed.",
                        transfer.name,
                    )
                )
            date = max(fields.Date.context_today(self), transfer.date)
            transfer.company_id._jxc_check_lock_date(date, _("The reversal of %s", transfer.name))
            reversal = self._jxc_create(
                [
                    {
                        "name": transfer.name + "-R",
                        "date": date,
                        "account_from_id": transfer.account_from_id.id,
                        "account_to_id": transfer.account_to_id.id,
                        "amount": transfer.amount,
                        "company_id": transfer.company_id.id,
                        "is_reversal": True,
                        "reversal_of_id": transfer.id,
                        "note": _("Reversal of %s", transfer.name),
                    }
                ]
            )
            reversal._jxc_write({"state": "posted"})
            transfer._jxc_write({"state": "reversed"})
            transfer._message_log(body=_("Reversed by %s.", reversal._get_html_link()))
            reversal._message_log(body=_("Reverses %s.", transfer._get_html_link()))
            reversals |= reversal
        return reversals
