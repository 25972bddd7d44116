# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.jxc_stock.utils import selection_label

from ..models.jxc_finance_opening import OPENING_TYPES


class JxcFinanceOpeningImport(models.TransientModel):
    """期初应收 / 期初应付 / 期初资金 from an XLSX file: checked in full, then posted as one
    document, all or nothing."""

    _name = "jxc.finance.opening.import"
    _inherit = ["jxc.xlsx.import.mixin"]
    _description = "Import Opening Balances"
    _jxc_imported_model = "jxc.finance.opening"

    opening_type = fields.Selection(
        OPENING_TYPES,
        string="Type",
        required=True,
        default="receivable",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.model
    def _get_columns(self):
        opening_type = self.opening_type or self.env.context.get(
            "default_opening_type", "receivable"
        )
        amount = {
            "key": "amount",
            "header": _("Amount"),
            "required": True,
            "type": "number",
            "note": _("Signed: negative for a credit (预收 / 预付, overpaid)."),
        }
        currency = {
            "key": "currency",
            "header": _("Currency"),
            "list": "currencies",
            "note": _("Empty: the company's currency. Converted at the cut-over date's rate."),
        }
        if opening_type == "cash":
            return [
                {
                    "key": "account",
                    "header": _("Cash / Bank Account"),
                    "required": True,
                    "list": "accounts",
                    "width": 24,
                    "note": _("The account's name or account number."),
                },
                dict(amount, note=_("The balance on the cut-over date.")),
                currency,
            ]
        return [
            {
                "key": "partner",
                "header": _("Customer") if opening_type == "receivable" else _("Supplier"),
                "required": True,
                "width": 24,
                "note": _("The partner's reference (code) or exact name."),
            },
            {
                "key": "origin",
                "header": _("Source Document"),
                "width": 18,
                "note": _("The number of the original document (invoice, delivery…)."),
            },
            {
                "key": "date",
                "header": _("Document Date"),
                "required": True,
                "type": "date",
                "note": _("On or before the cut-over date."),
            },
            {
                "key": "date_due",
                "header": _("Due Date"),
                "type": "date",
                "note": _("Empty: the document date. Not before the document date."),
            },
            amount,
            currency,
            {"key": "note", "header": _("Note"), "width": 24},
        ]

    def _get_template_lists(self):
        lists = {
            "currencies": self.env["res.currency"].search([]).mapped("name"),
        }
        if self.opening_type == "cash":
            lists["accounts"] = (
                self.env["jxc.finance.account"]
                .search([("company_id", "=", self.company_id.id)])
                .mapped("name")
            )
        return lists

    def _get_template_notes(self):
        golive = self.env["jxc.golive"]._get_for_company(self.company_id)
        label = selection_label(self, "opening_type")
        return [
            _("%(what)s of %(company)s", what=label, company=self.company_id.name),
            _("Cut-over date: %s.", golive.cutover_date),
        ]

    def _get_template_example(self):
        if self.opening_type == "cash":
            account = self.env["jxc.finance.account"].search(
                [("company_id", "=", self.company_id.id)], limit=1
            )
            return {"account": account.name or _("Basic bank account"), "amount": 10000}
        golive = self.env["jxc.golive"]._get_for_company(self.company_id)
        return {
            "partner": _("Example Trading Co."),
            "origin": "XS-2026-0001",
            "date": golive.cutover_date or fields.Date.context_today(self),
            "date_due": golive.cutover_date or fields.Date.context_today(self),
            "amount": 5800.5,
        }

    def _get_wizard_title(self):
        titles = {
            "receivable": _("Import Opening Receivables"),
            "payable": _("Import Opening Payables"),
            "cash": _("Import Opening Cash"),
        }
        return titles[self.opening_type]

    def _get_template_filename(self):
        names = {
            "receivable": _("Opening receivables template.xlsx"),
            "payable": _("Opening payables template.xlsx"),
            "cash": _("Opening cash and bank template.xlsx"),
        }
        return names[self.opening_type]

    def _check_import_rights(self):
        if not self.env.user.has_group("jxc_finance.group_jxc_finance_manager"):
            raise AccessError(_("Only finance managers can import opening balances."))
        if not self.env.su and self.company_id not in self.env.companies:
            raise AccessError(_("You cannot import opening balances of another company."))
        self.env["jxc.golive"]._get_for_company(self.company_id)._check_opening_allowed(
            _("Importing opening balances")
        )

    # ------------------------------------------------------------------
    # Rows
    # ------------------------------------------------------------------
    def _parse_rows(self, rows, errors):
        """Every row resolved and checked with the checks of screen entry
        (``jxc.finance.opening.line._get_problems``), plus unknown partners, accounts and
        currencies."""
        company = self.company_id
        Line = self.env["jxc.finance.opening.line"]
        partners, accounts = self._lookup_partners(rows), self._lookup_accounts()
        golive = self.env["jxc.golive"]._get_for_company(company)
        entered = self._entered_documents()
        seen = {}
        currencies = {
            c.name.upper(): c
            for c in self.env["res.currency"].with_context(active_test=False).search([])
        }
        parsed = []
        for number, values in rows:
            row_errors = len(errors)
            partner = account = None
            if self.opening_type == "cash":
                account = self._resolve(
                    errors,
                    number,
                    "account",
                    values,
                    accounts,
                    _("unknown account"),
                    _("several accounts have this name or number"),
                )
            else:
                partner = self._resolve(
                    errors,
                    number,
                    "partner",
                    values,
                    partners,
                    _("unknown partner"),
                    _("several partners have this name or reference"),
                )
            date = self._to_date(
                errors, number, "date", values.get("date"), required=self.opening_type != "cash"
            )
            date_due = self._to_date(
                errors, number, "date_due", values.get("date_due"), required=False
            )
            amount = self._to_number(errors, number, "amount", values.get("amount"))
            currency = company.currency_id
            if values.get("currency") is not None:
                currency = currencies.get(str(values["currency"]).strip().upper())
                if not currency:
                    self._add_error(
                        errors, number, "currency", values["currency"], _("unknown currency")
                    )
            reported = {error[1] for error in errors[row_errors:]}
            for key, reason in Line._get_problems(
                self.opening_type,
                company,
                partner,
                account,
                date,
                date_due,
                currency or company.currency_id,
                amount if amount is not None else 0.0,
                golive=golive,
            ):
                if key not in reported:
                    self._add_error(errors, number, key, values.get(key), reason)
            origin = self._to_text(errors, number, "origin", values.get("origin"), required=False)
            if partner and origin:
                # A document's balance is entered once: not twice in the file, not again.
                key = (partner.commercial_partner_id.id, origin.lower())
                if key in seen:
                    self._add_error(
                        errors, number, "origin", origin, _("also on row %s", seen[key])
                    )
                elif key in entered:
                    self._add_error(
                        errors, number, "origin", origin, _("already entered in %s", entered[key])
                    )
                seen.setdefault(key, number)
            if len(errors) == row_errors:
                parsed.append(
                    {
                        "partner_id": partner.id if partner else False,
                        "account_id": account.id if account else False,
                        "origin": origin,
                        "date": date,
                        "date_due": date_due,
                        "currency_id": currency.id,
                        "amount_currency": amount,
                        "note": self._to_text(
                            errors, number, "note", values.get("note"), required=False
                        ),
                    }
                )
        return parsed

    def _lookup_partners(self, rows):
        """``{reference or name (lower case): partner}`` of the file's partners (``False``
        for a name or reference that several partners have)."""
        texts = {str(v["partner"]).strip() for _n, v in rows if v.get("partner") is not None}
        if not texts:
            return {}
        partners = (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("ref", "in", list(texts)),
                    ("name", "in", list(texts)),
                    ("company_id", "in", [self.company_id.id, False]),
                ]
            )
        )
        table = {}
        for partner in partners:
            for key in {partner.name.strip().lower(), (partner.ref or "").strip().lower()} - {""}:
                # A name or a reference that names several partners names none.
                self._index(table, key, partner)
        return table

    def _lookup_accounts(self):
        accounts = self.env["jxc.finance.account"].search([("company_id", "=", self.company_id.id)])
        table = {}
        for account in accounts:
            for text in (account.name, account.bank_account_number):
                if text:
                    key = text.strip().lower()
                    self._index(table, key, account)
        return table

    def _entered_documents(self):
        """``{(commercial partner id, source document): opening document}`` of the posted
        opening balances of this type."""
        lines = self.env["jxc.finance.opening.line"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("opening_id.opening_type", "=", self.opening_type),
                ("state", "=", "posted"),
                ("origin", "!=", False),
            ]
        )
        return {
            (line.partner_id.commercial_partner_id.id, line.origin.strip().lower()): (
                line.opening_id.name
            )
            for line in lines
        }

    def _get_checksum_salt(self):
        return self.opening_type

    def _get_imported_domain(self, checksum):
        return [*super()._get_imported_domain(checksum), ("state", "!=", "reversed")]

    def _import_rows(self, parsed, checksum):
        opening = self.env["jxc.finance.opening"]._jxc_create(
            {
                "opening_type": self.opening_type,
                "company_id": self.company_id.id,
                "import_checksum": checksum,
                "note": self.filename,
                "line_ids": [fields.Command.create(vals) for vals in parsed],
            }
        )
        opening.action_post()
        return self._form_action(opening, "current")
