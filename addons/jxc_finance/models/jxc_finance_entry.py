# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.jxc_stock.utils import MAX_AMOUNT, check_number, internal_context, is_internal


class JxcFinanceEntry(models.Model):
    """应收 / 应付: the money sub-ledger. Posted on creation, never edited or deleted.

    ``amount`` is signed: positive when the partner owes us (receivable) or we owe the partner
    (payable); negative for what reduces it (cancelled or returned goods). Corrections are
    reversing entries.
    """

    _name = "jxc.finance.entry"
    _description = "Receivable / Payable Entry"
    _inherit = ["jxc.document.link.mixin"]
    _order = "date desc, id desc"
    _rec_name = "reference"
    _check_company_auto = True

    entry_type = fields.Selection(
        [("receivable", "Receivable"), ("payable", "Payable")],
        string="Type",
        required=True,
        readonly=True,
        index=True,
    )
    partner_id = fields.Many2one("res.partner", required=True, readonly=True, index=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        precompute=True,
        index=True,
        string="Commercial Partner",
    )
    date = fields.Date(required=True, readonly=True, index=True, default=fields.Date.context_today)
    date_due = fields.Date(string="Due Date", required=True, readonly=True, index=True)
    amount = fields.Monetary(required=True, readonly=True, help="Signed, company currency.")
    amount_settled = fields.Monetary(
        compute="_compute_residual", store=True, precompute=True, string="Settled"
    )
    amount_residual = fields.Monetary(
        compute="_compute_residual", store=True, precompute=True, string="Residual"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    origin = fields.Char(
        string="Order Number", readonly=True, help="The number of the order, as posted."
    )
    sale_id = fields.Many2one(
        "jxc.sale.order", string="Sale Order", readonly=True, index="btree_not_null"
    )
    purchase_id = fields.Many2one(
        "jxc.purchase.order", string="Purchase Order", readonly=True, index="btree_not_null"
    )
    picking_id = fields.Many2one(
        "jxc.stock.picking", string="Stock Document", readonly=True, index="btree_not_null"
    )
    description = fields.Char(readonly=True)
    opening_line_id = fields.Many2one(
        "jxc.finance.opening.line",
        string="Opening Balance Line",
        readonly=True,
        index="btree_not_null",
        # Posted opening balances are never deleted (document rules); only uninstalling
        # finance drops them, with this table.
        ondelete="set null",
        help="期初应收 / 期初应付: the opening balance this entry brought in at go-live.",
    )
    is_opening = fields.Boolean(
        string="Opening Balance",
        compute="_compute_is_opening",
        store=True,
        precompute=True,
        help="Brought in at go-live (期初), not posted by a document of JXC.",
    )
    is_reversal = fields.Boolean(string="Reversal", readonly=True)
    reversed_entry_id = fields.Many2one(
        "jxc.finance.entry", string="Reverses", readonly=True, index="btree_not_null"
    )
    settlement_ids = fields.One2many("jxc.finance.payment.line", "entry_id", string="Settlements")
    credit_settlement_ids = fields.One2many(
        "jxc.finance.payment.line", "credit_entry_id", string="Used as Credit"
    )
    user_id = fields.Many2one(
        "res.users", string="Posted By", readonly=True, default=lambda self: self.env.user
    )
    is_open = fields.Boolean(
        compute="_compute_residual", store=True, precompute=True, string="Open"
    )

    def init(self):
        # The aging reads the entries open today (and those settled since its date): a small
        # part of the ledger, found without reading the rest.
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS jxc_finance_entry_open_index
                ON jxc_finance_entry (company_id, entry_type, date)
                INCLUDE (id, commercial_partner_id, date_due, amount_residual)
             WHERE amount_residual <> 0
        """)

    @api.depends(
        "amount",
        "settlement_ids.amount",
        "settlement_ids.state",
        "credit_settlement_ids.amount",
        "credit_settlement_ids.state",
    )
    def _compute_residual(self):
        for entry in self:
            settled = sum(
                entry.settlement_ids.filtered(lambda s: s.state == "posted").mapped("amount")
            )
            used = sum(
                entry.credit_settlement_ids.filtered(lambda s: s.state == "posted").mapped("amount")
            )
            entry.amount_settled = settled - used
            entry.amount_residual = entry.currency_id.round(entry.amount - settled + used)
            entry.is_open = not entry.currency_id.is_zero(entry.amount_residual)

    @api.depends("opening_line_id")
    def _compute_is_opening(self):
        for entry in self:
            entry.is_opening = bool(entry.opening_line_id)

    @api.model_create_multi
    def create(self, vals_list):
        if not is_internal(self.env):
            raise UserError(_("Receivable and payable entries are posted by their documents."))
        return super().create(vals_list)

    def write(self, vals):
        if self and not is_internal(self.env):
            raise UserError(
                _("Posted receivable / payable entries cannot be changed; reverse them instead.")
            )
        return super().write(vals)

    # Also while an addon that builds on finance is uninstalled (the table goes only with
    # jxc_finance, dropped without unlinking its rows).
    @api.ondelete(at_uninstall=True)
    def _unlink_never(self):
        raise UserError(
            _("Posted receivable / payable entries cannot be deleted; reverse them instead.")
        )

    # ------------------------------------------------------------------
    # Posting
    # ------------------------------------------------------------------
    @api.model
    def _post(self, vals_list, auto_settle=True, check_lock=True):
        """Post entries (all or nothing): lock date checked (unless ``check_lock`` is off:
        opening balances, dated before the cut-over, check the cut-over date instead), due
        date defaulted, then credits and prepayments of the partner applied automatically."""
        Company = self.env["res.company"]
        for vals in vals_list:
            company = Company.browse(vals.get("company_id")) or self.env.company
            vals.setdefault("company_id", company.id)
            vals.setdefault("date", fields.Date.context_today(self))
            if check_lock:
                company._jxc_check_lock_date(vals["date"], vals.get("reference") or _("An entry"))
            if not vals.get("date_due"):
                days = vals.pop("payment_term_days", 0) or 0
                vals["date_due"] = fields.Date.to_date(vals["date"]) + timedelta(days=days)
            vals.pop("payment_term_days", None)
        for vals in vals_list:
            check_number(
                self, vals.get("amount"), vals.get("reference") or "-", _("the amount"), MAX_AMOUNT
            )
        entries = (
            self.sudo()
            .with_context(**internal_context())
            .create(
                [
                    v
                    for v in vals_list
                    if not Company.browse(v["company_id"]).currency_id.is_zero(v["amount"])
                ]
            )
        )
        if auto_settle:
            entries._auto_settle()
        return self.browse(entries.ids)

    def _reverse(self, date=None, reference=None, check_lock=True):
        """红冲: post the opposite entries; each pair settles itself."""
        reversals = self.browse()
        for entry in self:
            if entry.is_reversal or self.search_count([("reversed_entry_id", "=", entry.id)]):
                raise UserError(_("%s is a reversal or already reversed.", entry.reference))
            reversal = self._post(
                [
                    {
                        "entry_type": entry.entry_type,
                        "partner_id": entry.partner_id.id,
                        "date": date or fields.Date.context_today(self),
                        "date_due": date or fields.Date.context_today(self),
                        "amount": -entry.amount,
                        "company_id": entry.company_id.id,
                        "res_model": entry.res_model,
                        "res_id": entry.res_id,
                        "sale_id": entry.sale_id.id,
                        "purchase_id": entry.purchase_id.id,
                        "picking_id": entry.picking_id.id,
                        "reference": reference or entry.reference,
                        "origin": entry.origin,
                        "description": _("Reversal of %s", entry.reference),
                        "is_reversal": True,
                        "reversed_entry_id": entry.id,
                        "opening_line_id": entry.opening_line_id.id,
                    }
                ],
                auto_settle=False,
                check_lock=check_lock,
            )
            # The pair settles itself first; whatever is left is settled as usual.
            debit, credit = (entry, reversal) if entry.amount > 0 else (reversal, entry)
            take = min(debit.amount_residual, -credit.amount_residual)
            if entry.currency_id.compare_amounts(take, 0) > 0:
                self.env["jxc.finance.payment.line"].sudo().with_context(
                    **internal_context()
                ).create({"entry_id": debit.id, "credit_entry_id": credit.id, "amount": take})
            reversal._auto_settle()
            reversals |= reversal
        return reversals

    def _auto_settle(self):
        """Apply credits: a new negative entry pays the partner's open positive ones (its own
        order first, then oldest due); a new positive entry takes the partner's unsettled
        payments (预收 / 预付) and open credits."""
        Line = self.env["jxc.finance.payment.line"].sudo().with_context(**internal_context())
        creditors = self._get_partners_with_credit()
        for entry in self.sorted("id"):
            if entry.amount >= 0 and (
                (entry.entry_type, entry.company_id.id, entry.commercial_partner_id.id)
                not in creditors
            ):
                continue  # nothing of the partner's could settle it
            domain = [
                ("entry_type", "=", entry.entry_type),
                ("company_id", "=", entry.company_id.id),
                ("commercial_partner_id", "=", entry.commercial_partner_id.id),
                ("is_open", "=", True),
                ("id", "!=", entry.id),
            ]
            if entry.amount < 0:
                targets = self.search([*domain, ("amount_residual", ">", 0)])
                targets = targets.sorted(
                    lambda e, src=entry: (
                        (e.sale_id, e.purchase_id) != (src.sale_id, src.purchase_id),
                        e.date_due,
                        e.id,
                    )
                )
                credit = -entry.amount_residual
                for target in targets:
                    if entry.currency_id.compare_amounts(credit, 0) <= 0:
                        break
                    take = min(credit, target.amount_residual)
                    Line.create(
                        {"entry_id": target.id, "credit_entry_id": entry.id, "amount": take}
                    )
                    credit -= take
            else:
                self.env["jxc.finance.payment"].sudo().with_context(
                    **internal_context()
                )._apply_prepayments(entry)
                credits = self.search([*domain, ("amount_residual", "<", 0)], order="date, id")
                for credit_entry in credits:
                    if entry.currency_id.compare_amounts(entry.amount_residual, 0) <= 0:
                        break
                    take = min(-credit_entry.amount_residual, entry.amount_residual)
                    Line.create(
                        {"entry_id": entry.id, "credit_entry_id": credit_entry.id, "amount": take}
                    )

    def _get_partners_with_credit(self):
        """``{(entry type, company id, commercial partner id)}`` that have something to
        settle a new positive entry with: open credits, unsettled payments (预收 / 预付), or
        negative entries among these ones. Read once, so that posting many entries (a go-live's
        opening balances) does not search per entry."""
        partners = self.commercial_partner_id
        companies = self.company_id
        found = {
            (e.entry_type, e.company_id.id, e.commercial_partner_id.id)
            for e in self
            if e.amount < 0
        }
        for entry_type, company, partner in self.sudo()._read_group(
            [
                ("commercial_partner_id", "in", partners.ids),
                ("company_id", "in", companies.ids),
                ("is_open", "=", True),
                ("amount_residual", "<", 0),
            ],
            ["entry_type", "company_id", "commercial_partner_id"],
        ):
            found.add((entry_type, company.id, partner.id))
        for payment_type, company, partner in (
            self.env["jxc.finance.payment"]
            .sudo()
            ._read_group(
                [
                    ("commercial_partner_id", "in", partners.ids),
                    ("company_id", "in", companies.ids),
                    ("state", "=", "posted"),
                    ("amount_unsettled", ">", 0),
                ],
                ["payment_type", "company_id", "commercial_partner_id"],
            )
        ):
            entry_type = "receivable" if payment_type == "inbound" else "payable"
            found.add((entry_type, company.id, partner.id))
        return found
