# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.jxc_stock.utils import format_money, list_action

SEQUENCES = {"income": "jxc.finance.slip.income", "expense": "jxc.finance.slip.expense"}


class JxcFinanceSlip(models.Model):
    """其他收入单 / 其他支出单: money earned or spent outside sales and purchases (rent,
    freight, interest…), by category.

    Without a partner, posting moves the cash / bank account's money at once (income in,
    expense out). With a partner, it posts a receivable (income) or a payable (expense)
    instead, which ordinary receipts and payments settle later. A posted slip is corrected by
    its reversal (红冲): a mirror slip (``is_reversal``) that takes the money back, dated the
    day it is made; the original is then *Reversed*.
    """

    _name = "jxc.finance.slip"
    _description = "Other Income / Expense"
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
    slip_type = fields.Selection(
        [("income", "Other Income"), ("expense", "Other Expense")],
        string="Type",
        required=True,
        default="expense",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        tracking=True,
        index="btree_not_null",
        check_company=True,
        help="With a partner, posting records what they owe us (income) or what we owe them "
        "(expense), settled later by receipts and payments; without one, the money moves "
        "through the account at once.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    account_id = fields.Many2one(
        "jxc.finance.account",
        string="Cash / Bank Account",
        tracking=True,
        index="btree_not_null",
        check_company=True,
        help="Where the money comes in or goes out; needed when there is no partner.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("jxc.finance.slip.line", "slip_id", string="Lines", copy=True)
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True, tracking=True
    )
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
        "jxc.finance.slip", string="Reverses", readonly=True, copy=False, index="btree_not_null"
    )
    reversal_ids = fields.One2many("jxc.finance.slip", "reversal_of_id", string="Reversals")
    reversed_by_id = fields.Many2one("jxc.finance.slip", compute="_compute_reversed_by_id")
    entry_ids = fields.One2many(
        "jxc.finance.entry",
        compute="_compute_entry_ids",
        string="Receivable / Payable Entries",
    )
    entry_count = fields.Integer(compute="_compute_entry_ids")
    note = fields.Text()

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for slip in self:
            slip.amount_total = slip.currency_id.round(sum(slip.line_ids.mapped("amount")))

    @api.depends("state", "reversal_of_id")
    def _compute_entry_ids(self):
        for slip in self:
            origin = slip.reversal_of_id or slip
            entries = self.env["jxc.finance.entry"].search(
                [("res_model", "=", self._name), ("res_id", "=", origin.id)]
            )
            if slip.is_reversal:
                entries = entries.filtered("is_reversal")
            slip.entry_ids = entries
            slip.entry_count = len(entries)

    @api.model
    def _jxc_sequence_code_for(self, vals):
        return SEQUENCES.get(vals.get("slip_type") or "expense", SEQUENCES["expense"])

    def _jxc_check_write_vals(self, vals):
        res = super()._jxc_check_write_vals(vals)
        if "slip_type" in vals and self.line_ids:
            raise UserError(_("Remove the lines before changing the type of a slip."))
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_post(self):
        self._check_action_rights()
        return self._action_post()

    def action_view_entries(self):
        self.ensure_one()
        return list_action(
            self.env, "jxc_finance.jxc_finance_entry_action", [("id", "in", self.entry_ids.ids)]
        )

    def _action_post(self):
        for slip in self:
            if slip.state != "draft":
                raise UserError(_("%s is not a draft.", slip.name))
            slip._check_postable()
            slip.company_id._jxc_check_lock_date(slip.date, slip.name)
            if slip.partner_id:
                self.env["jxc.finance.entry"]._post([slip._prepare_entry_vals()])
            slip._jxc_write({"state": "posted"})
        return True

    def _action_reverse(self):
        reversals = self.browse()
        for slip in self:
            if slip.state != "posted" or slip.is_reversal:
                raise UserError(
                    _("%s is not a posted slip: only posted slips are reversed.", slip.name)
                )
            date = max(fields.Date.context_today(self), slip.date)
            slip.company_id._jxc_check_lock_date(date, _("The reversal of %s", slip.name))
            reversal = self._jxc_create([slip._prepare_reversal_vals(date)])
            if slip.partner_id:
                slip.entry_ids.filtered(lambda e: not e.is_reversal)._reverse(
                    date=date, reference=reversal.name
                )
            reversal._jxc_write({"state": "posted"})
            slip._jxc_write({"state": "reversed"})
            slip._message_log(body=_("Reversed by %s.", reversal._get_html_link()))
            reversal._message_log(body=_("Reverses %s.", slip._get_html_link()))
            reversals |= reversal
        return reversals

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _sign(self):
        """+1 for money coming in (income), -1 going out (expense); a reversal the opposite."""
        self.ensure_one()
        sign = 1 if self.slip_type == "income" else -1
        return -sign if self.is_reversal else sign

    def _check_postable(self):
        """Lines, positive amounts, an account when there is no partner, all in one
        company."""
        self.ensure_one()
        if not self.line_ids:
            raise UserError(_("%s has no lines to post.", self.name))
        if not self.partner_id and not self.account_id:
            raise UserError(
                _(
                    "%s: choose the cash / bank account the money goes through (or a partner "
                    "who will pay or be paid later).",
                    self.name,
                )
            )
        self.line_ids._check_line()
        self.account_id._check_company_of(self.company_id, self.name)
        if self.currency_id.compare_amounts(self.amount_total, 0) <= 0:
            raise UserError(
                _(
                    "%(doc)s: the total must be positive, not %(amount)s.",
                    doc=self.name,
                    amount=format_money(self.env, self.amount_total, self.currency_id),
                )
            )

    def _prepare_entry_vals(self):
        self.ensure_one()
        return {
            "entry_type": "receivable" if self.slip_type == "income" else "payable",
            "partner_id": self.partner_id.id,
            "date": self.date,
            "amount": self.amount_total,
            "company_id": self.company_id.id,
            "res_model": self._name,
            "res_id": self.id,
            "reference": self.name,
            "description": ", ".join(self.line_ids.category_id.mapped("name")),
        }

    def _prepare_reversal_vals(self, date):
        self.ensure_one()
        return {
            "name": self.name + "-R",
            "slip_type": self.slip_type,
            "partner_id": self.partner_id.id,
            "account_id": self.account_id.id,
            "company_id": self.company_id.id,
            "date": date,
            "is_reversal": True,
            "reversal_of_id": self.id,
            "note": _("Reversal of %s", self.name),
            "line_ids": [
                fields.Command.create(
                    {"category_id": line.category_id.id, "name": line.name, "amount": line.amount}
                )
                for line in self.line_ids
            ],
        }

    @api.model
    def _get_totals_by_category(self, company, date_from, date_to):
        """Other income and expenses of ``company`` dated from ``date_from`` to ``date_to``
        (both included), per category: ``[(category, kind, amount)]``, income first, then
        expenses, in category order; ``amount`` is positive (what was earned or spent),
        the posted slips minus the reversals dated in the period. Slips against a partner
        count like the others (the expense is incurred when it is posted, whenever it is
        paid). Categories whose slips net to zero are left out.

        Reads with the caller's rights (record rules included): callers that show the
        figures to users without finance rights call it with ``sudo()`` after their own
        checks."""
        groups = self.env["jxc.finance.slip.line"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("posted", "reversed")),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["category_id", "is_reversal"],
            ["amount:sum"],
        )
        totals = {}
        for category, is_reversal, amount in groups:
            totals[category] = totals.get(category, 0.0) + (-amount if is_reversal else amount)
        currency = company.currency_id
        return [
            (category, category.kind, currency.round(totals[category]))
            for category in sorted(totals, key=lambda c: (c.kind != "income", c.sequence, c.id))
            if not currency.is_zero(totals[category])
        ]
