# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from odoo.addons.jxc_stock.utils import check_group


class JxcSaleOrder(models.Model):
    """Money follows goods: confirming posts the receivable, after the credit check."""

    _name = "jxc.sale.order"
    _inherit = ["jxc.sale.order", "jxc.order.invoice.mixin"]
    _jxc_invoice_order_field = "sale_id"
    _jxc_invoice_direction = "sale"

    jxc_credit_approved_by_id = fields.Many2one(
        "res.users",
        string="Credit Exception By",
        readonly=True,
        copy=False,
        tracking=True,
        help="The finance manager who let this order pass the credit check.",
    )
    amount_receivable = fields.Monetary(
        string="Receivable",
        compute="_compute_amount_receivable",
        currency_field="company_currency_id",
        help="Receivable entries of the order and of its returns.",
    )

    amount_invoiced = fields.Monetary(
        string="Invoiced",
        compute="_compute_invoiced",
        currency_field="company_currency_id",
        help="Posted invoices of the order's lines, tax included.",
    )
    amount_to_invoice = fields.Monetary(
        string="To Invoice",
        compute="_compute_invoiced",
        currency_field="company_currency_id",
        help="Delivered net of returns and not invoiced yet, tax included.",
    )
    invoice_count = fields.Integer(string="Invoices", compute="_compute_invoiced")

    def _compute_amount_receivable(self):
        for order in self:
            order.amount_receivable = sum(order._receivable_entries().mapped("amount"))

    def _receivable_entries(self):
        self.ensure_one()
        if not self._origin.id:  # a new order, edited in the form (onchange)
            return self.env["jxc.finance.entry"]
        return (
            self.env["jxc.finance.entry"]
            .sudo()
            .search([("entry_type", "=", "receivable"), ("sale_id", "=", self._origin.id)])
        )

    def _action_confirm(self):
        for order in self:
            order._check_credit()
        res = super()._action_confirm()
        for order in self:
            # Line by line, rounded as cancellations and returns will be: the entries of an
            # order always add up to the value of what it still sells, to the cent.
            order._post_receivable(
                sum(line._value_of(line.quantity) for line in order.line_ids),
                order,
                _("Sale order"),
            )
        return res

    def _action_cancel(self):
        confirmed = self.filtered(lambda o: o.state == "confirmed")
        before = {line.id: line.qty_cancelled for line in confirmed.line_ids}
        res = super()._action_cancel()
        for order in confirmed:
            value = sum(
                line._value_of(line._jxc_billed_quantity(before.get(line.id, 0.0)))
                - line._value_of(line._jxc_billed_quantity())
                for line in order.line_ids
            )
            order._post_receivable(-value, order, _("Cancelled part of the order"))
        return res

    def action_approve_credit(self):
        """A finance manager lets an order pass the credit check (recorded in the chatter)."""
        check_group(
            self.env,
            "jxc_finance.group_jxc_finance_manager",
            _("Only finance managers can approve credit exceptions."),
        )
        self.check_access("read")
        for order in self:
            if order.state != "draft":
                raise UserError(_("%s is not a quotation: its credit was checked.", order.name))
            # Finance reads orders but does not edit them: only this field, as superuser.
            order.sudo()._jxc_write({"jxc_credit_approved_by_id": self.env.user.id})
            order.sudo()._message_log(
                body=_("Credit exception approved by %s.", self.env.user.name)
            )
        return True

    def _check_credit(self):
        """Block when open receivables + this order exceed the credit limit, or when
        receivables are overdue beyond the credit days — unless a manager approved."""
        self.ensure_one()
        approver = self.jxc_credit_approved_by_id
        if approver and approver.has_group("jxc_finance.group_jxc_finance_manager"):
            return
        partner = self.partner_id.commercial_partner_id
        Entry = self.env["jxc.finance.entry"].sudo()
        problems = []

        def fmt(amount):
            return format_amount(self.env, amount, self.company_id.currency_id)

        if partner.jxc_credit_limit > 0:
            open_amount = sum(
                Entry.search(
                    [
                        ("entry_type", "=", "receivable"),
                        ("commercial_partner_id", "=", partner.id),
                        ("company_id", "=", self.company_id.id),
                    ]
                ).mapped("amount_residual")
            )
            total = open_amount + self.amount_total_company
            if self.company_id.currency_id.compare_amounts(total, partner.jxc_credit_limit) > 0:
                problems.append(
                    _(
                        "open receivables %(open)s + this order %(order)s = %(total)s exceed the "
                        "credit limit %(limit)s",
                        open=fmt(open_amount),
                        order=fmt(self.amount_total_company),
                        total=fmt(total),
                        limit=fmt(partner.jxc_credit_limit),
                    )
                )
        if partner.jxc_credit_days > 0:
            limit_date = fields.Date.context_today(self) - timedelta(days=partner.jxc_credit_days)
            overdue = Entry.search(
                [
                    ("entry_type", "=", "receivable"),
                    ("commercial_partner_id", "=", partner.id),
                    ("company_id", "=", self.company_id.id),
                    ("amount_residual", ">", 0),
                    ("date", "<", limit_date),
                ],
                order="date",
            )
            if overdue:
                problems.append(
                    _(
                        "%(count)s receivable(s) are more than %(days)s days old and unpaid, the "
                        "oldest %(ref)s of %(date)s (%(amount)s open)",
                        count=len(overdue),
                        days=partner.jxc_credit_days,
                        ref=overdue[0].reference,
                        date=overdue[0].date,
                        amount=fmt(overdue[0].amount_residual),
                    )
                )
        if problems:
            raise UserError(
                _(
                    "%(order)s is blocked by %(partner)s's credit: %(problems)s. A finance manager "
                    "can approve an exception.",
                    order=self.name,
                    partner=partner.display_name,
                    problems="; ".join(problems),
                )
            )

    def _post_receivable(self, amount, document, description):
        self.ensure_one()
        return self.env["jxc.finance.entry"]._post(
            [
                {
                    "entry_type": "receivable",
                    "partner_id": self.partner_id.commercial_partner_id.id,
                    "amount": amount,
                    "company_id": self.company_id.id,
                    "payment_term_days": self.payment_term_days
                    or self.partner_id.commercial_partner_id.jxc_credit_days,
                    "res_model": document._name,
                    "res_id": document.id,
                    "sale_id": self.id,
                    "picking_id": document.id if document._name == "jxc.stock.picking" else False,
                    "reference": document.name,
                    "origin": self.name,
                    "description": description,
                }
            ]
        )
