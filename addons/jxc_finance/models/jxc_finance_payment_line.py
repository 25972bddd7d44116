# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.jxc_stock.utils import format_money, is_internal


class JxcFinancePaymentLine(models.Model):
    """A settlement (核销): money of a payment, or a credit entry, set against an entry."""

    _name = "jxc.finance.payment.line"
    _inherit = ["jxc.document.line.mixin"]
    _description = "Settlement"
    _order = "id"
    _jxc_document_field = "payment_id"
    # A credit is set against an entry by posting only: by hand, a settlement would use it
    # on top of the payment's money.
    _jxc_system_fields = ("credit_entry_id",)

    payment_id = fields.Many2one(
        "jxc.finance.payment", string="Receipt / Payment", ondelete="cascade", index=True
    )
    entry_id = fields.Many2one("jxc.finance.entry", required=True, ondelete="restrict", index=True)
    credit_entry_id = fields.Many2one(
        "jxc.finance.entry",
        ondelete="restrict",
        index="btree_not_null",
        help="A negative entry (returns, cancellations) used instead of money.",
    )
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one(related="entry_id.currency_id")
    company_id = fields.Many2one(related="entry_id.company_id", store=True, precompute=True)
    partner_id = fields.Many2one(related="entry_id.partner_id", string="Partner")
    entry_reference = fields.Char(related="entry_id.reference", string="Document")
    entry_date_due = fields.Date(related="entry_id.date_due", string="Due Date")
    # Stored so that the aging as of a past day reads only the settlements since of the
    # entries dated up to that day (see ``jxc.finance.aging._buckets_query``).
    entry_date = fields.Date(
        related="entry_id.date", string="Entry Date", store=True, precompute=True
    )
    entry_residual = fields.Monetary(related="entry_id.amount_residual", string="Open Amount")
    date = fields.Date(compute="_compute_state", store=True, precompute=True, index=True)
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted")],
        compute="_compute_state",
        store=True,
        precompute=True,
        index=True,
    )

    @api.depends("payment_id.state", "payment_id.date", "credit_entry_id.date")
    def _compute_state(self):
        for line in self:
            if line.payment_id:
                line.state = "posted" if line.payment_id.state == "posted" else "draft"
                line.date = line.payment_id.date
            else:
                line.state = "posted"
                line.date = line.credit_entry_id.date

    @api.onchange("entry_id")
    def _onchange_entry_id(self):
        if self.entry_id and not self.amount:
            self.amount = self.entry_id.amount_residual

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_editable()
        return lines

    def write(self, vals):
        self._check_editable()
        return super().write(vals)

    def unlink(self):
        self._check_editable()
        return super().unlink()

    def _check_editable(self):
        """Settlements come from a draft receipt / payment (entered by hand) or from the
        posting code (credits, automatic settlement); a posted one is never edited."""
        if is_internal(self.env):
            return
        for line in self:
            if not line.payment_id or line.payment_id.state != "draft":
                raise UserError(_("Settlements are entered on draft receipts and payments only."))

    @api.constrains("amount", "entry_id", "payment_id", "credit_entry_id")
    def _check_amount(self):
        for line in self:
            if not line.payment_id and not line.credit_entry_id:
                raise UserError(_("A settlement comes from a receipt / payment or a credit."))
            if line.payment_id and line.payment_id.company_id != line.entry_id.company_id:
                raise UserError(_("%s belongs to another company.", line.entry_id.reference))
            currency = line.entry_id.currency_id
            if currency.compare_amounts(line.amount, 0) <= 0:
                raise UserError(
                    _(
                        "%(entry)s: a settlement must be positive, not %(amount)s.",
                        entry=line.entry_id.reference,
                        amount=format_money(self.env, line.amount, currency),
                    )
                )
