# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import float_compare, float_is_zero

from ..models.jxc_finance_invoice import PRICE_TOLERANCE


class JxcFinanceInvoiceImport(models.TransientModel):
    """导入进项发票: received invoices from the tax platform's XLSX export (全国增值税发票查验平台 /
    电子发票服务平台), each row matched to its supplier and to receipts not invoiced yet by
    amount. Matched rows become draft invoices; while any row is unmatched or ambiguous
    nothing is written and every such row is listed."""

    _name = "jxc.finance.invoice.import"
    _inherit = ["jxc.xlsx.import.mixin"]
    _description = "Import Received Invoices"
    _jxc_imported_model = "jxc.finance.invoice"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.model
    def _get_columns(self):
        return [
            {
                "key": "invoice_code",
                "header": _("Invoice Code"),
                "aliases": ("发票代码",),
                "note": _("发票代码: empty for fully digital invoices (数电票)."),
            },
            {
                "key": "invoice_number",
                "header": _("Invoice Number"),
                "aliases": ("发票号码", "数电票号码"),
                "required": True,
                "width": 22,
            },
            {
                "key": "date",
                "header": _("Invoice Date"),
                "aliases": ("开票日期",),
                "required": True,
                "type": "date",
            },
            {
                "key": "seller_vat",
                "header": _("Seller Tax ID"),
                "aliases": ("销方识别号", "销售方纳税人识别号", "销方纳税人识别号"),
                "width": 22,
                "note": _(
                    "The supplier's tax ID (统一社会信用代码), matched to the partner's Tax ID."
                ),
            },
            {
                "key": "seller_name",
                "header": _("Seller Name"),
                "aliases": ("销方名称", "销售方名称"),
                "required": True,
                "width": 28,
                "note": _("Used when no supplier has the tax ID: the supplier's exact name."),
            },
            {
                "key": "amount_untaxed",
                "header": _("Amount"),
                "aliases": ("金额",),
                "required": True,
                "type": "number",
                "positive": True,
            },
            {
                "key": "amount_tax",
                "header": _("Tax Amount"),
                "aliases": ("税额",),
                "required": True,
                "type": "number",
                "positive": True,
            },
            {
                "key": "amount_total",
                "header": _("Total"),
                "aliases": ("价税合计",),
                "required": True,
                "type": "number",
                "positive": True,
                "note": _(
                    "Matched to the value not yet invoiced of one receipt, or of all the "
                    "receipts of one purchase order, to the cent."
                ),
            },
            {
                "key": "kind",
                "header": _("Invoice Type"),
                "aliases": ("发票类型", "票种"),
                "required": True,
                "list": "kinds",
                "width": 24,
            },
            {
                "key": "status",
                "header": _("Invoice Status"),
                "aliases": ("发票状态",),
                "list": "statuses",
                "note": _("Empty or 正常: only valid invoices are imported."),
            },
        ]

    def _get_template_lists(self):
        return {
            "kinds": [
                "数电票（增值税专用发票）",
                "数电票（普通发票）",
                "增值税专用发票",
                "增值税普通发票",
                "增值税电子专用发票",
                "增值税电子普通发票",
            ],
            "statuses": ["正常", "作废", "红冲"],
        }

    def _get_template_notes(self):
        return [
            _("Received invoices (进项发票) of %s.", self.company_id.name),
            _(
                "The columns are those of the tax platform's export: the exported file can be "
                "uploaded as it is."
            ),
            _(
                "Each row becomes a draft invoice covering the receipt(s) it matches; check and "
                "post them."
            ),
        ]

    def _get_template_example(self):
        return {
            "invoice_number": "26442000000012345678",
            "date": fields.Date.context_today(self),
            "seller_vat": "91440300MA5EXAMPLE",
            "seller_name": _("Example Supplier Co."),
            "amount_untaxed": 1000.0,
            "amount_tax": 130.0,
            "amount_total": 1130.0,
            "kind": "数电票（增值税专用发票）",
            "status": "正常",
        }

    def _get_template_filename(self):
        return _("Received invoices template.xlsx")

    def _get_wizard_title(self):
        return _("Import Received Invoices")

    def _check_import_rights(self):
        if not self.env.user.has_group("jxc_finance.group_jxc_finance_user"):
            raise AccessError(_("Only finance users can import received invoices."))
        if not self.env.su and self.company_id not in self.env.companies:
            raise AccessError(_("You cannot import invoices of another company."))

    def _get_imported_domain(self, checksum):
        return [
            ("import_checksum", "=", checksum),
            ("company_id", "=", self.company_id.id),
            ("state", "!=", "reversed"),
        ]

    # ------------------------------------------------------------------
    # Rows
    # ------------------------------------------------------------------
    @api.model
    def _parse_kind(self, text):
        text = text.lower()
        if "数电" in text or "全电" in text or text == "digital":
            return "digital"
        if "专用" in text or text == "special":
            return "special"
        if "普通" in text or text == "normal":
            return "normal"
        return None

    def _parse_rows(self, rows, errors):
        company = self.company_id
        currency = company.currency_id
        Invoice = self.env["jxc.finance.invoice"].sudo()
        claimed = defaultdict(float)  # order line -> quantity claimed by earlier rows
        seen_numbers = {}
        parsed = []
        for number, values in rows:
            row_errors = len(errors)
            code = self._to_text(
                errors, number, "invoice_code", values.get("invoice_code"), required=False
            )
            invoice_number = self._to_text(
                errors, number, "invoice_number", values.get("invoice_number")
            )
            date = self._to_date(errors, number, "date", values.get("date"))
            amounts = {
                key: self._to_number(errors, number, key, values.get(key))
                for key in ("amount_untaxed", "amount_tax", "amount_total")
            }
            kind_text = self._to_text(errors, number, "kind", values.get("kind"))
            kind = self._parse_kind(kind_text) if kind_text else None
            if kind_text and not kind:
                self._add_error(errors, number, "kind", kind_text, _("unknown invoice type"))
            status = self._to_text(errors, number, "status", values.get("status"), required=False)
            if status and status not in ("正常", "normal", "valid"):
                self._add_error(
                    errors, number, "status", status, _("only valid (正常) invoices are imported")
                )
            if date and company.jxc_finance_lock_date and date <= company.jxc_finance_lock_date:
                self._add_error(
                    errors,
                    number,
                    "date",
                    date,
                    _("on or before the lock date %s", company.jxc_finance_lock_date),
                )
            for key, amount in amounts.items():
                if amount is not None and not 0 < amount < 1e12:
                    self._add_error(
                        errors,
                        number,
                        key,
                        values.get(key),
                        _("must be positive and below 1,000,000,000,000"),
                    )
                    amounts[key] = None
            if None not in amounts.values() and currency.compare_amounts(
                amounts["amount_untaxed"] + amounts["amount_tax"], amounts["amount_total"]
            ):
                self._add_error(
                    errors,
                    number,
                    "amount_total",
                    values.get("amount_total"),
                    _("is not Amount + Tax Amount"),
                )
                amounts["amount_total"] = None
            if invoice_number:
                key = ((code or "").lower(), invoice_number.lower())
                if key in seen_numbers:
                    self._add_error(
                        errors,
                        number,
                        "invoice_number",
                        invoice_number,
                        _("also on row %s", seen_numbers[key]),
                    )
                seen_numbers.setdefault(key, number)
                existing = Invoice.search(
                    [
                        ("company_id", "=", company.id),
                        ("direction", "=", "purchase"),
                        ("invoice_number", "=", invoice_number),
                        ("invoice_code", "=", code or False),
                        ("state", "!=", "reversed"),
                    ],
                    limit=1,
                )
                if existing:
                    self._add_error(
                        errors,
                        number,
                        "invoice_number",
                        invoice_number,
                        _("entered already: %s", existing.display_name),
                    )
            supplier = self._match_supplier(errors, number, values)
            if len(errors) > row_errors:
                continue
            quantities = self._match_receipts(errors, number, values, supplier, amounts, claimed)
            if quantities is None:
                continue
            for line, qty in quantities.items():
                claimed[line] += qty
            parsed.append(
                {
                    "direction": "purchase",
                    "kind": kind,
                    "invoice_code": code or False,
                    "invoice_number": invoice_number,
                    "date": date,
                    "partner_id": supplier.id,
                    "company_id": company.id,
                    "line_ids": self.env["jxc.purchase.order.line"]._jxc_invoice_line_values(
                        quantities, quantities
                    ),
                }
            )
        return parsed

    def _match_supplier(self, errors, number, values):
        """The supplier of the row: by tax ID, else by exact name; several is an error."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        company_domain = [("company_id", "in", [self.company_id.id, False])]
        vat = self._to_text(errors, number, "seller_vat", values.get("seller_vat"), required=False)
        name = self._to_text(errors, number, "seller_name", values.get("seller_name"))
        problem = None
        partners = Partner.browse()
        if vat:
            partners = Partner.search([("vat", "=ilike", vat), *company_domain])
            partners = partners.commercial_partner_id
            if len(partners) > 1:
                problem = ("seller_vat", vat, _("several partners have this tax ID"))
        if not partners and name:
            partners = Partner.search([("name", "=ilike", name), *company_domain])
            partners = partners.commercial_partner_id
            if len(partners) > 1:
                problem = ("seller_name", name, _("several partners have this name"))
            elif not partners:
                problem = ("seller_name", name, _("no supplier with this tax ID or name"))
            elif vat and partners.vat and partners.vat.strip().lower() != vat.lower():
                problem = (
                    "seller_vat",
                    vat,
                    _(
                        "%(partner)s has tax ID %(vat)s",
                        partner=partners.display_name,
                        vat=partners.vat,
                    ),
                )
        if problem:
            self._add_error(errors, number, *problem)
            return None
        return partners or None

    def _receipt_candidates(self, supplier, claimed):
        """``[(label, {order line: quantity})]``: what is received and not yet invoiced
        (drafts included) of the supplier, per receipt and per purchase order. An order line's
        invoiced quantity is taken from its receipts oldest first."""
        OrderLine = self.env["jxc.purchase.order.line"].sudo()
        lines = OrderLine.search(
            [
                ("company_id", "=", self.company_id.id),
                ("order_id.partner_id", "child_of", supplier.id),
                ("state", "in", ("confirmed", "done")),
            ]
        )
        per_receipt = defaultdict(lambda: defaultdict(float))
        per_order = defaultdict(lambda: defaultdict(float))
        for line in lines:
            entered = sum(
                line.invoice_line_ids.filtered(lambda il: il.state != "reversed").mapped("quantity")
            ) + claimed.get(line, 0.0)
            rounding = line.uom_id.rounding or 0.001
            receipt_lines = line.receipt_line_ids.filtered(
                lambda rl: (
                    rl.state == "done"
                    and rl.picking_type == "purchase_in"
                    and not rl.picking_id.reversal_ids.filtered(lambda r: r.state == "done")
                )
            ).sorted(lambda rl: (rl.picking_id.date_done, rl.id))
            for receipt_line in receipt_lines:
                returned = receipt_line.return_line_ids.filtered(
                    lambda rl: (
                        rl.state == "done"
                        and not rl.picking_id.reversal_ids.filtered(lambda r: r.state == "done")
                    )
                )
                net = line._qty_from_base(
                    sum(receipt_line.move_ids.mapped("quantity"))
                    + sum(returned.move_ids.mapped("quantity"))
                )
                take = min(net, entered)
                entered -= take
                left = net - take
                if float_compare(left, 0, precision_rounding=rounding) > 0:
                    per_receipt[receipt_line.picking_id][line] += left
                    per_order[line.order_id][line] += left
        candidates = [(p.name, dict(q)) for p, q in per_receipt.items()]
        for order, quantities in per_order.items():
            if not any(q == quantities for _label, q in candidates):
                candidates.append((order.name, dict(quantities)))
        return candidates

    def _amounts_of(self, quantities):
        """(untaxed, tax) of invoice lines of ``quantities``, as the invoice computes them."""
        Mixin = self.env["jxc.sale.order.line"]
        currency = self.company_id.currency_id
        untaxed = tax = 0.0
        for line, qty in quantities.items():
            subtotal, line_tax = Mixin._jxc_amounts(
                qty,
                line._jxc_invoice_price(),
                0.0,
                line.tax_rate,
                line.order_id.price_include_tax,
                currency,
            )
            untaxed += subtotal
            tax += line_tax
        return currency.round(untaxed), currency.round(tax)

    def _match_receipts(self, errors, number, values, supplier, amounts, claimed):
        """The order line quantities the row covers: the one receipt (or purchase order)
        whose value not yet invoiced is the row's total, or ``None`` with an error."""
        currency = self.company_id.currency_id
        matches = []
        for label, quantities in self._receipt_candidates(supplier, claimed):
            untaxed, tax = self._amounts_of(quantities)
            if float_is_zero(
                untaxed + tax - amounts["amount_total"], precision_rounding=currency.rounding
            ):
                matches.append((label, quantities, untaxed, tax))
        if not matches:
            self._add_error(
                errors,
                number,
                "amount_total",
                values.get("amount_total"),
                _("no receipt of %s has this value not yet invoiced", supplier.display_name),
            )
            return None
        if len(matches) > 1:
            self._add_error(
                errors,
                number,
                "amount_total",
                values.get("amount_total"),
                _(
                    "several receipts have this value not yet invoiced: %s",
                    ", ".join(m[0] for m in matches),
                ),
            )
            return None
        label, quantities, untaxed, _tax = matches[0]
        # Same total, other split between amount and tax: another tax rate or other prices.
        if abs(untaxed - amounts["amount_untaxed"]) > PRICE_TOLERANCE * len(quantities) + 1e-9:
            self._add_error(
                errors,
                number,
                "amount_untaxed",
                values.get("amount_untaxed"),
                _("%(doc)s is %(untaxed)s before tax", doc=label, untaxed=untaxed),
            )
            return None
        return quantities

    def _import_rows(self, parsed, checksum):
        for vals in parsed:
            vals["import_checksum"] = checksum
        invoices = self.env["jxc.finance.invoice"]._jxc_create(parsed)
        for invoice in invoices:
            invoice._message_log(body=_("Imported from %s.", self.filename or _("a file")))
        return {
            "type": "ir.actions.act_window",
            "name": _("Imported Invoices"),
            "res_model": "jxc.finance.invoice",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", invoices.ids)],
            "target": "current",
        }
