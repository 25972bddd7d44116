# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.jxc_stock.utils import check_group, internal_context, list_action

OPENING_TYPES = [
    ("receivable", "Opening Receivables"),
    ("payable", "Opening Payables"),
    ("cash", "Opening Cash and Bank"),
]
SEQUENCES = {
    "receivable": "jxc.finance.opening.receivable",
    "payable": "jxc.finance.opening.payable",
    "cash": "jxc.finance.opening.cash",
}


class JxcFinanceOpening(models.Model):
    """期初应收 / 期初应付 / 期初资金: the money a company goes live with.

    Receivables and payables post as entries of their own kind (``is_opening``), dated on
    their source documents, that settle, age and appear on statements like any other; cash
    and bank balances join their accounts' opening balance. Posted while the company's
    go-live is in progress, by finance managers; frozen once it is finished.
    """

    _name = "jxc.finance.opening"
    _description = "Opening Balances"
    _inherit = ["jxc.document.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _jxc_locked_writable = ("note",)
    _jxc_posted_states = ("posted", "reversed")

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    opening_type = fields.Selection(
        OPENING_TYPES,
        string="Type",
        required=True,
        default="receivable",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    golive_id = fields.Many2one(
        "jxc.golive",
        string="Go-Live",
        compute="_compute_golive_id",
        store=True,
        index=True,
        help="The go-live these balances belong to (the company's).",
    )
    cutover_date = fields.Date(related="golive_id.cutover_date", string="Cut-over Date")
    golive_state = fields.Selection(related="golive_id.state", string="Go-Live Status")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("posted", "Posted"),
            ("reversed", "Reversed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many("jxc.finance.opening.line", "opening_id", string="Lines", copy=True)
    amount_total = fields.Monetary(compute="_compute_amount_total", store=True, string="Total")
    import_checksum = fields.Char(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="SHA-256 of the rows of the file this document was imported from: a file is "
        "imported once.",
    )
    entry_ids = fields.One2many(
        "jxc.finance.entry", compute="_compute_entry_ids", string="Receivable / Payable Entries"
    )
    entry_count = fields.Integer(compute="_compute_entry_ids")
    note = fields.Text()

    @api.depends("company_id")
    def _compute_golive_id(self):
        for opening in self:
            opening.golive_id = self.env["jxc.golive"]._get_for_company(opening.company_id).id

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for opening in self:
            opening.amount_total = sum(opening.line_ids.mapped("amount"))

    @api.depends("line_ids", "state")
    def _compute_entry_ids(self):
        for opening in self:
            entries = self.env["jxc.finance.entry"].search(
                [("opening_line_id", "in", opening.line_ids.ids)]
            )
            opening.entry_ids = entries
            opening.entry_count = len(entries)

    @api.model
    def _jxc_sequence_code_for(self, vals):
        return SEQUENCES.get(vals.get("opening_type") or "receivable")

    @api.model
    def _jxc_check_create_vals(self, vals):
        res = super()._jxc_check_create_vals(vals)
        if not self.env.user.has_group("jxc_finance.group_jxc_finance_manager"):
            raise AccessError(_("Only finance managers enter opening balances."))
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        self.env["jxc.golive"]._get_for_company(company)._check_opening_allowed(
            _("Opening balances")
        )
        return res

    def _jxc_check_write_vals(self, vals):
        res = super()._jxc_check_write_vals(vals)
        if "opening_type" in vals and self.line_ids:
            raise UserError(_("Remove the lines before changing the type of opening balances."))
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_post_rights(self):
        """Finance managers post, cancel and reverse opening balances."""
        self._check_action_rights()
        check_group(
            self.env,
            "jxc_finance.group_jxc_finance_manager",
            _("Only finance managers can post or reverse opening balances."),
        )

    def action_post(self):
        self._check_post_rights()
        return self._action_post()

    def action_cancel(self):
        self._check_post_rights()
        for opening in self:
            if opening.state != "draft":
                raise UserError(
                    _("%s is posted: reverse it instead of cancelling it.", opening.name)
                )
        self._jxc_write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_post_rights()
        self.filtered(lambda o: o.state == "cancel")._jxc_write({"state": "draft"})
        return True

    def action_reverse(self):
        """红冲 while the go-live is in progress: reversing entries (each pair settles
        itself) and the accounts' opening balances taken back."""
        self._check_post_rights()
        return self._action_reverse()

    def action_view_entries(self):
        self.ensure_one()
        return list_action(
            self.env,
            "jxc_finance.jxc_finance_entry_action",
            [("opening_line_id", "in", self.line_ids.ids)],
        )

    def _action_post(self):
        for opening in self:
            if opening.state != "draft":
                raise UserError(_("%s is not a draft.", opening.name))
            golive = opening.golive_id.sudo()
            golive._lock_opening(opening.name)
            if not opening.line_ids:
                raise UserError(_("%s has no lines to post.", opening.name))
            opening._check_lines()
            opening.company_id._jxc_check_lock_date(golive.cutover_date, opening.name)
            if opening.opening_type == "cash":
                opening._add_to_accounts(1)
            else:
                self.env["jxc.finance.entry"]._post(
                    [line._prepare_entry_vals() for line in opening.line_ids], check_lock=False
                )
            opening._jxc_write({"state": "posted"})
        return True

    def _action_reverse(self):
        for opening in self:
            if opening.state != "posted":
                raise UserError(
                    _("%s is not posted: only posted balances are reversed.", opening.name)
                )
            opening.golive_id.sudo()._lock_opening(opening.name)
            if opening.opening_type == "cash":
                opening._add_to_accounts(-1)
            else:
                for entry in opening.entry_ids.filtered(lambda e: not e.is_reversal):
                    entry._reverse(date=entry.date, reference=opening.name, check_lock=False)
            opening._jxc_write({"state": "reversed"})
            opening._message_log(body=_("Reversed (红冲)."))
        return True

    def _add_to_accounts(self, sign):
        """Cash and bank: the lines' amounts join (or leave) their accounts' opening
        balance."""
        self.ensure_one()
        for line in self.line_ids:
            account = line.account_id.sudo().with_context(**internal_context())
            account.opening_balance = self.currency_id.round(
                account.opening_balance + sign * line.amount
            )

    def _check_lines(self):
        """Every line passes the checks an imported row passes; all problems listed."""
        self.ensure_one()
        Line = self.env["jxc.finance.opening.line"]
        golive = self.golive_id.sudo()
        problems = []
        for number, line in enumerate(self.line_ids, start=1):
            for _key, reason in Line._get_problems(
                self.opening_type,
                self.company_id,
                line.partner_id,
                line.account_id,
                line.date,
                line.date_due,
                line.currency_id,
                line.amount_currency,
                golive=golive,
            ):
                problems.append(_("line %(line)s: %(reason)s", line=number, reason=reason))
        if problems:
            raise UserError(
                _(
                    "%(doc)s cannot be posted:\n%(problems)s",
                    doc=self.name,
                    problems="\n".join(problems),
                )
            )
