# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.jxc_stock.utils import internal_context


class JxcFinancePayment(models.Model):
    """收款单 (inbound) / 付款单 (outbound) and what they settle (核销).

    What a posted payment does not settle is a prepayment (预收 / 预付): it settles the
    partner's later entries automatically.
    """

    _name = "jxc.finance.payment"
    _description = "Receipt / Payment"
    _inherit = ["jxc.document.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _jxc_locked_writable = ("memo",)

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    payment_type = fields.Selection(
        [("inbound", "Receipt"), ("outbound", "Payment")],
        string="Type",
        required=True,
        default="inbound",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner", required=True, tracking=True, index=True, check_company=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Commercial Partner",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    account_id = fields.Many2one(
        "jxc.finance.account",
        string="Cash / Bank Account",
        required=True,
        tracking=True,
        check_company=True,
    )
    amount = fields.Monetary(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    settle_mode = fields.Selection(
        [("auto", "Oldest due first"), ("manual", "Chosen lines")],
        string="Settlement",
        required=True,
        default="auto",
        help="Automatic: open entries are settled oldest due date first. Manual: the lines "
        "below are settled as entered.",
    )
    line_ids = fields.One2many("jxc.finance.payment.line", "payment_id", string="Settlements")
    amount_settled = fields.Monetary(compute="_compute_amount_settled", store=True)
    amount_unsettled = fields.Monetary(
        string="Prepayment",
        compute="_compute_amount_settled",
        store=True,
        help="Not settled yet: 预收 / 预付, used for the partner's later entries.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    memo = fields.Char()

    @api.depends("amount", "line_ids.amount", "state")
    def _compute_amount_settled(self):
        for payment in self:
            payment.amount_settled = sum(payment.line_ids.mapped("amount"))
            payment.amount_unsettled = (
                payment.amount - payment.amount_settled if payment.state == "posted" else 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                code = (
                    "jxc.finance.payment.inbound"
                    if vals.get("payment_type", "inbound") == "inbound"
                    else "jxc.finance.payment.outbound"
                )
                vals["name"] = self.env["ir.sequence"].next_by_code(code) or "/"
        return super().create(vals_list)

    def _entry_type(self):
        self.ensure_one()
        return "receivable" if self.payment_type == "inbound" else "payable"

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_post(self):
        self._check_action_rights()
        for payment in self:
            if payment.state != "draft":
                raise UserError(_("%s is not a draft.", payment.name))
        return self._action_post()

    def action_cancel(self):
        """Unsettle what the payment settled and cancel it (its money is no longer counted)."""
        self._check_action_rights()
        return self._action_cancel()

    def action_draft(self):
        self._check_action_rights()
        self.filtered(lambda p: p.state == "cancel")._jxc_write({"state": "draft"})
        return True

    def _action_post(self):
        for payment in self:
            if payment.currency_id.compare_amounts(payment.amount, 0) <= 0:
                raise UserError(
                    _(
                        "%(doc)s: the amount must be positive, not %(amount)s.",
                        doc=payment.name,
                        amount=payment.amount,
                    )
                )
            payment.company_id._jxc_check_lock_date(payment.date, payment.name)
            if payment.settle_mode == "auto":
                payment.line_ids.unlink()
                payment._allocate(payment.amount)
            else:
                payment._check_lines()
            payment._jxc_write({"state": "posted"})
        return True

    def _action_cancel(self):
        for payment in self:
            if payment.state == "cancel":
                continue
            if payment.state == "posted":
                payment.company_id._jxc_check_lock_date(payment.date, payment.name)
                payment._message_log(
                    body=_(
                        "Cancelled: the settlements of %s were undone.",
                        ", ".join(payment.line_ids.entry_id.mapped("reference")) or "-",
                    )
                )
            payment.line_ids.with_context(**internal_context()).unlink()
            payment._jxc_write({"state": "cancel"})
        return True

    def action_load_open_entries(self):
        """Manual settlement: list the partner's open entries, oldest due first, each for its
        whole residual; adjust or remove lines before posting."""
        self._check_action_rights()
        for payment in self.filtered(lambda p: p.state == "draft"):
            entries = payment._open_entries()
            payment.write(
                {
                    "settle_mode": "manual",
                    "line_ids": [fields.Command.clear()]
                    + [
                        fields.Command.create({"entry_id": e.id, "amount": e.amount_residual})
                        for e in entries
                    ],
                }
            )
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _open_entries(self):
        self.ensure_one()
        return self.env["jxc.finance.entry"].search(
            [
                ("entry_type", "=", self._entry_type()),
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("company_id", "=", self.company_id.id),
                ("amount_residual", ">", 0),
            ],
            order="date_due, id",
        )

    def _allocate(self, amount, entries=None):
        """Settle up to ``amount`` on open entries, oldest due first; return what is left."""
        self.ensure_one()
        Line = self.env["jxc.finance.payment.line"].with_context(**internal_context())
        for entry in entries if entries is not None else self._open_entries():
            if self.currency_id.compare_amounts(amount, 0) <= 0:
                break
            take = min(amount, entry.amount_residual)
            Line.create({"payment_id": self.id, "entry_id": entry.id, "amount": take})
            amount -= take
        return amount

    def _check_lines(self):
        """Manual settlement: the partner's own open entries, never beyond their residual nor
        beyond the payment."""
        self.ensure_one()
        total = 0.0
        per_entry = defaultdict(float)
        for line in self.line_ids:
            per_entry[line.entry_id] += line.amount
            entry = line.entry_id
            if entry.commercial_partner_id != self.commercial_partner_id:
                raise UserError(
                    _(
                        "%(doc)s: %(entry)s belongs to %(other)s, not to %(partner)s.",
                        doc=self.name,
                        entry=entry.reference,
                        other=entry.partner_id.display_name,
                        partner=self.partner_id.display_name,
                    )
                )
            if entry.entry_type != self._entry_type():
                raise UserError(
                    _(
                        "%(doc)s: %(entry)s is not a %(type)s entry.",
                        doc=self.name,
                        entry=entry.reference,
                        type=dict(entry._fields["entry_type"]._description_selection(self.env))[
                            self._entry_type()
                        ],
                    )
                )
            total += line.amount
        for entry, amount in per_entry.items():
            if self.currency_id.compare_amounts(amount, entry.amount_residual) > 0:
                raise UserError(
                    _(
                        "%(doc)s: cannot settle %(amount)s on %(entry)s, only "
                        "%(residual)s is open.",
                        doc=self.name,
                        amount=amount,
                        entry=entry.reference,
                        residual=entry.amount_residual,
                    )
                )
        if self.currency_id.compare_amounts(total, self.amount) > 0:
            raise UserError(
                _(
                    "%(doc)s settles %(settled)s, more than its amount %(amount)s.",
                    doc=self.name,
                    settled=total,
                    amount=self.amount,
                )
            )

    @api.model
    def _apply_prepayments(self, entry):
        """Settle ``entry`` from the partner's posted, not fully used payments (oldest
        first)."""
        payment_type = "inbound" if entry.entry_type == "receivable" else "outbound"
        payments = self.search(
            [
                ("payment_type", "=", payment_type),
                ("state", "=", "posted"),
                ("commercial_partner_id", "=", entry.commercial_partner_id.id),
                ("company_id", "=", entry.company_id.id),
                ("amount_unsettled", ">", 0),
            ],
            order="date, id",
        )
        for payment in payments:
            if entry.currency_id.compare_amounts(entry.amount_residual, 0) <= 0:
                break
            payment._allocate(payment.amount_unsettled, entries=entry)
