# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.jxc_stock.utils import (
    XLSX_MIMETYPE,
    download_action,
    form_action,
    selection_label,
    today,
)

TOTALS = ("opening_balance", "closing_balance", "amount_invoiced", "amount_to_invoice")


class JxcFinanceStatement(models.TransientModel):
    """对账单: a partner's documents and payments in a period, with a running balance."""

    _name = "jxc.finance.statement"
    _inherit = ["jxc.report.wizard.mixin"]
    _description = "Partner Statement"

    partner_id = fields.Many2one("res.partner", required=True)
    entry_type = fields.Selection(
        [("receivable", "Receivable"), ("payable", "Payable")],
        string="Type",
        required=True,
        default="receivable",
    )
    date_from = fields.Date(required=True, default=lambda self: today(self.env).replace(day=1))
    date_to = fields.Date(required=True, default=lambda self: today(self.env))
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # Computed when read, never stored: showing the statement writes nothing.
    opening_balance = fields.Monetary(compute="_compute_statement")
    closing_balance = fields.Monetary(compute="_compute_statement")
    line_ids = fields.One2many("jxc.finance.statement.line", compute="_compute_statement")
    amount_invoiced = fields.Monetary(
        string="Invoiced in Period",
        compute="_compute_statement",
        help="Invoices (发票) posted in the period, less those reversed in it, tax included.",
    )
    amount_to_invoice = fields.Monetary(
        string="Not Invoiced Yet",
        compute="_compute_statement",
        help="Goods delivered / received net of returns and not invoiced yet, today.",
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for statement in self:
            if statement.date_from > statement.date_to:
                raise ValidationError(
                    _(
                        "The statement starts (%(start)s) after it ends (%(end)s).",
                        start=statement.date_from,
                        end=statement.date_to,
                    )
                )

    def _is_shown(self):
        return bool(self.id) and (self.env.su or self.company_id in self.env.companies)

    def _compute_statement(self):
        """The lines (read for this statement, see ``jxc.finance.statement.line``), the
        balances and the invoice totals, for each saved statement of the user's companies."""
        Line = self.env["jxc.finance.statement.line"]
        for statement in self:
            if not statement._is_shown():
                statement.update(dict(dict.fromkeys(TOTALS, 0.0), line_ids=Line))
                continue
            lines = Line._jxc_rows_of(statement)
            opening = statement._opening_balance()
            invoiced, to_invoice = statement._invoice_totals()
            statement.update(
                {
                    "line_ids": lines,
                    "opening_balance": opening,
                    "closing_balance": lines[-1:].balance if lines else opening,
                    "amount_invoiced": invoiced,
                    "amount_to_invoice": to_invoice,
                }
            )

    def _domains(self):
        """(entry domain, payment domain) of the partner, type and company, any date."""
        partner = self.partner_id.commercial_partner_id
        payment_type = "inbound" if self.entry_type == "receivable" else "outbound"
        return (
            [
                ("entry_type", "=", self.entry_type),
                ("commercial_partner_id", "=", partner.id),
                ("company_id", "=", self.company_id.id),
            ],
            [
                ("payment_type", "=", payment_type),
                ("state", "=", "posted"),
                ("commercial_partner_id", "=", partner.id),
                ("company_id", "=", self.company_id.id),
            ],
        )

    def _opening_balance(self):
        """The balance before the period, in company currency."""
        self.ensure_one()
        # Read as superuser below, past record rules: only for the user's companies.
        self._rows_check_company()
        base_entry, base_payment = self._domains()
        before = [("date", "<", self.date_from)]
        [(entries,)] = (
            self.env["jxc.finance.entry"]
            .sudo()
            ._read_group(base_entry + before, aggregates=["amount:sum"])
        )
        [(payments,)] = (
            self.env["jxc.finance.payment"]
            .sudo()
            ._read_group(base_payment + before, aggregates=["amount:sum"])
        )
        return self.currency_id.round((entries or 0.0) - (payments or 0.0))

    def _rows(self):
        """(opening balance, [row dicts], closing balance) in company currency.

        The balance is what the partner owes us (receivable) or we owe them (payable): entries
        add their amount, payments subtract theirs.
        """
        self.ensure_one()
        opening = self._opening_balance()
        base_entry, base_payment = self._domains()
        Entry = self.env["jxc.finance.entry"].sudo()
        Payment = self.env["jxc.finance.payment"].sudo()
        rows = []
        for entry in Entry.search(
            [*base_entry, ("date", ">=", self.date_from), ("date", "<=", self.date_to)]
        ):
            rows.append(
                {
                    "date": entry.date,
                    "reference": entry.reference,
                    "description": entry.description or "",
                    "origin": entry.origin or "",
                    "debit": entry.amount,
                    "credit": 0.0,
                    "seq": (0, entry.id),
                }
            )
        for payment in Payment.search(
            [*base_payment, ("date", ">=", self.date_from), ("date", "<=", self.date_to)]
        ):
            rows.append(
                {
                    "date": payment.date,
                    "reference": payment.name,
                    "description": payment.memo or payment.account_id.name,
                    "origin": "",
                    "debit": 0.0,
                    "credit": payment.amount,
                    "seq": (1, payment.id),
                }
            )
        rows.sort(key=lambda r: (r["date"], r["seq"]))
        balance = opening
        for row in rows:
            balance = self.currency_id.round(balance + row["debit"] - row["credit"])
            row["balance"] = balance
            del row["seq"]
        return opening, rows, balance

    def _invoice_totals(self):
        """(invoiced in the period, not invoiced yet today) of the partner, in company
        currency: invoices count on their date and count back on the day of their reversal,
        so a closed period's figure does not change."""
        self.ensure_one()
        self._rows_check_company()
        partner = self.partner_id.commercial_partner_id
        direction = "sale" if self.entry_type == "receivable" else "purchase"
        Invoice = self.env["jxc.finance.invoice"].sudo()
        base = [
            ("direction", "=", direction),
            ("commercial_partner_id", "=", partner.id),
            ("company_id", "=", self.company_id.id),
        ]
        issued = Invoice.search(
            [
                *base,
                ("state", "in", ("posted", "reversed")),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ]
        )
        reversed_ = Invoice.search(
            [
                *base,
                ("state", "=", "reversed"),
                ("reversed_date", ">=", self.date_from),
                ("reversed_date", "<=", self.date_to),
            ]
        )
        invoiced = sum(issued.mapped("amount_total")) - sum(reversed_.mapped("amount_total"))
        Line = self.env[
            "jxc.sale.order.line" if direction == "sale" else "jxc.purchase.order.line"
        ].sudo()
        lines = Line.search(
            [
                ("order_id.partner_id", "child_of", partner.id),
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("confirmed", "done")),
            ]
        )
        return (
            self.currency_id.round(invoiced),
            self.currency_id.round(sum(lines.mapped("amount_to_invoice"))),
        )

    def _rows_check_company(self):
        if not self.env.su and self.company_id not in self.env.companies:
            raise AccessError(
                _(
                    "You cannot see the statements of %(company)s.",
                    company=self.company_id.sudo().name,
                )
            )

    @api.readonly
    def action_compute(self):
        """Show the statement: its form, whose lines and balances are computed when read (a
        read-only call: nothing is written)."""
        self.ensure_one()
        self._jxc_check_on_replica()
        self._rows_check_company()
        self.invalidate_recordset(["line_ids", *TOTALS])
        return form_action(self._name, self.id, name=_("Partner Statement"), target="new")

    @api.readonly
    def action_print(self):
        self.ensure_one()
        self._jxc_check_on_replica()
        self._rows_check_company()
        return self.env.ref("jxc_finance.jxc_finance_statement_report_action").report_action(self)

    def _xlsx(self):
        """The statement as an XLSX file (bytes)."""
        import xlsxwriter

        self.ensure_one()
        opening, rows, closing = self._rows()
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_formulas": False})
        sheet = book.add_worksheet(_("Statement"))
        bold = book.add_format({"bold": True})
        head = book.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        money = book.add_format({"num_format": "#,##0.00"})
        money_bold = book.add_format({"num_format": "#,##0.00", "bold": True})
        date_format = book.add_format({"num_format": "yyyy-mm-dd"})
        type_label = selection_label(self, "entry_type")
        sheet.write(
            0,
            0,
            _(
                "Statement: %(partner)s (%(type)s)",
                partner=self.partner_id.display_name,
                type=type_label,
            ),
            bold,
        )
        sheet.write(1, 0, _("%(start)s to %(end)s", start=self.date_from, end=self.date_to))
        # Invoices (发票) above the table: its last row stays the closing balance.
        invoiced, to_invoice = self._invoice_totals()
        sheet.write(2, 3, _("Invoiced in Period"), bold)
        sheet.write_number(2, 4, invoiced, money)
        sheet.write(2, 5, _("Not Invoiced Yet"), bold)
        sheet.write_number(2, 6, to_invoice, money)
        headers = [
            _("Date"),
            _("Document"),
            _("Order"),
            _("Description"),
            _("Debit"),
            _("Credit"),
            _("Balance"),
        ]
        for col, title in enumerate(headers):
            sheet.write(3, col, title, head)
        sheet.freeze_panes(4, 0)
        sheet.write(4, 3, _("Opening balance"), bold)
        sheet.write_number(4, 6, opening, money_bold)
        for number, row in enumerate(rows, start=5):
            sheet.write_datetime(number, 0, fields.Datetime.to_datetime(row["date"]), date_format)
            sheet.write_string(number, 1, row["reference"] or "")
            sheet.write_string(number, 2, row["origin"] or "")
            sheet.write_string(number, 3, row["description"] or "")
            sheet.write_number(number, 4, row["debit"], money)
            sheet.write_number(number, 5, row["credit"], money)
            sheet.write_number(number, 6, row["balance"], money)
        last = 5 + len(rows)
        sheet.write(last, 3, _("Closing balance"), bold)
        sheet.write_number(last, 4, sum(r["debit"] for r in rows), money_bold)
        sheet.write_number(last, 5, sum(r["credit"] for r in rows), money_bold)
        sheet.write_number(last, 6, closing, money_bold)
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 3, 22)
        sheet.set_column(4, 6, 14)
        book.close()
        return output.getvalue()

    def _xlsx_filename(self):
        self.ensure_one()
        return _(
            "Statement %(partner)s %(start)s %(end)s.xlsx",
            partner=self.partner_id.display_name,
            start=self.date_from,
            end=self.date_to,
        )

    def _xlsx_attachment(self):
        """The statement as a file of the partner's, for the e-mail that sends it."""
        self.ensure_one()
        return self.env["ir.attachment"].create(
            {
                "name": self._xlsx_filename(),
                "datas": base64.b64encode(self._xlsx()),
                "res_model": "res.partner",
                "res_id": self.partner_id.id,
                "mimetype": XLSX_MIMETYPE,
            }
        )

    def action_export_xlsx(self):
        self.ensure_one()
        return download_action(self.env, self._xlsx_filename(), self._xlsx())

    def action_send(self):
        """Email the statement (XLSX attached) to the partner from its chatter."""
        self.ensure_one()
        attachment = self._xlsx_attachment()
        return {
            "type": "ir.actions.act_window",
            "name": _("Send by Email"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": "res.partner",
                "default_res_ids": self.partner_id.ids,
                "default_composition_mode": "comment",
                "default_subject": attachment.name.removesuffix(".xlsx"),
                "default_attachment_ids": attachment.ids,
                "force_email": True,
            },
        }
