# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.jxc_stock.utils import MAX_AMOUNT, format_bound, format_money, is_number


class JxcFinanceOpeningLine(models.Model):
    """A line of opening balances: what a partner owed or was owed on a source document
    (receivables / payables), or what a cash box or bank account held (cash)."""

    _name = "jxc.finance.opening.line"
    _inherit = ["jxc.document.line.mixin"]
    _description = "Opening Balance Line"
    _order = "opening_id, sequence, id"
    _check_company_auto = True
    _jxc_document_field = "opening_id"

    opening_id = fields.Many2one(
        "jxc.finance.opening", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    opening_type = fields.Selection(related="opening_id.opening_type")
    company_id = fields.Many2one(related="opening_id.company_id", store=True, index=True)
    company_currency_id = fields.Many2one(
        related="opening_id.currency_id", string="Company Currency"
    )
    state = fields.Selection(related="opening_id.state", store=True)
    partner_id = fields.Many2one(
        "res.partner", check_company=True, index="btree_not_null", ondelete="restrict"
    )
    account_id = fields.Many2one(
        "jxc.finance.account",
        string="Cash / Bank Account",
        check_company=True,
        ondelete="restrict",
    )
    origin = fields.Char(string="Source Document", help="The number of the original document.")
    date = fields.Date(string="Document Date", help="The date of the original document.")
    date_due = fields.Date(string="Due Date", help="Empty: the document date.")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
        help="The currency of the amount; converted at the rate of the cut-over date.",
    )
    amount_currency = fields.Monetary(
        string="Amount", currency_field="currency_id", help="Signed: negative for a credit."
    )
    amount = fields.Monetary(
        string="Amount (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_amount",
        store=True,
    )
    note = fields.Char()

    @api.depends("amount_currency", "currency_id", "opening_id.golive_id.cutover_date")
    def _compute_amount(self):
        for line in self:
            company = line.opening_id.company_id or self.env.company
            line.amount = line._convert(
                line.amount_currency,
                line.currency_id,
                company,
                line.opening_id.golive_id.cutover_date or fields.Date.context_today(self),
            )

    @api.model
    def _convert(self, amount, currency, company, date):
        """``amount`` of ``currency`` in ``company``'s currency at ``date`` (0 if there is no
        rate: :meth:`_get_problems` refuses such a line)."""
        if not currency or currency == company.currency_id:
            return company.currency_id.round(amount or 0.0)
        if not self._has_rate(currency, company, date):
            return 0.0
        return currency._convert(amount or 0.0, company.currency_id, company, date)

    @api.model
    def _has_rate(self, currency, company, date):
        if currency == company.currency_id:
            return True
        rates = (
            self.env["res.currency.rate"]
            .sudo()
            .search_count(
                [
                    ("currency_id", "=", currency.id),
                    ("name", "<=", date),
                    ("company_id", "in", [company.id, False]),
                ]
            )
        )
        return bool(rates)

    @api.model
    def _get_problems(
        self, opening_type, company, partner, account, date, date_due, currency, amount, golive=None
    ):
        """What is wrong with a line of opening balances: ``[(column, reason)]``, empty when
        it is good. One set of checks for the lines typed on screen (checked when the
        document posts) and the rows of an imported file (all listed before anything is
        written). ``golive``: the company's (read once by callers that check many lines)."""
        problems = []
        golive = golive if golive is not None else self.env["jxc.golive"]._get_for_company(company)
        if opening_type == "cash" and partner:
            problems.append(("partner", _("cash and bank balances have no partner.")))
        if opening_type != "cash" and account:
            problems.append(("account", _("receivables and payables have no account.")))
        if opening_type == "cash":
            if not account:
                problems.append(("account", _("a cash or bank account is required.")))
            elif account.company_id != company:
                problems.append(("account", _("the account belongs to another company.")))
        else:
            if not partner:
                problems.append(("partner", _("a partner is required.")))
            elif partner.company_id and partner.company_id != company:
                problems.append(("partner", _("the partner belongs to another company.")))
            if not date:
                problems.append(("date", _("the document date is required.")))
            elif golive and date > golive.cutover_date:
                problems.append(
                    (
                        "date",
                        _(
                            "the document is dated after the cut-over date %s: it is business "
                            "after going live, not an opening balance.",
                            golive.cutover_date,
                        ),
                    )
                )
            if date and date_due and date_due < date:
                problems.append(("date_due", _("the due date is before the document date.")))
        if not is_number(amount):
            problems.append(("amount", _("the amount is not a number.")))
        elif company.currency_id.is_zero(amount) or (currency and currency.is_zero(amount)):
            problems.append(("amount", _("the amount cannot be zero.")))
        elif abs(amount) > MAX_AMOUNT or (
            currency
            and golive
            and self._has_rate(currency, company, golive.cutover_date)
            and abs(self._convert(amount, currency, company, golive.cutover_date)) > MAX_AMOUNT
        ):
            problems.append(("amount", _("the amount is above %s.", format_bound(MAX_AMOUNT))))
        if (
            currency
            and currency != company.currency_id
            and golive
            and not self._has_rate(currency, company, golive.cutover_date)
        ):
            problems.append(
                (
                    "currency",
                    _(
                        "no exchange rate of %(currency)s on or before %(date)s.",
                        currency=currency.name,
                        date=golive.cutover_date,
                    ),
                )
            )
        return problems

    def _prepare_entry_vals(self):
        """The receivable / payable entry of this line (company currency)."""
        self.ensure_one()
        opening = self.opening_id
        if not self.partner_id:
            raise UserError(_("%s: a partner is required.", opening.name))
        description = _("Opening balance")
        if self.currency_id != opening.currency_id:
            description = _(
                "Opening balance: %(amount)s %(currency)s",
                amount=format_money(self.env, self.amount_currency, self.currency_id),
                currency=self.currency_id.name,
            )
        return {
            "entry_type": opening.opening_type,
            "partner_id": self.partner_id.id,
            "date": self.date,
            "date_due": self.date_due or self.date,
            "amount": self.amount,
            "company_id": opening.company_id.id,
            "res_model": opening._name,
            "res_id": opening.id,
            "reference": opening.name,
            "origin": self.origin,
            "description": self.note or description,
            "opening_line_id": self.id,
        }
