# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.jxc_stock.utils import check_group, format_number

INVOICE_DIRECTIONS = [("sale", "Issued (销项)"), ("purchase", "Received (进项)")]
INVOICE_KINDS = [
    ("special", "Special VAT Invoice (专用发票)"),
    ("normal", "Ordinary VAT Invoice (普通发票)"),
    ("digital", "Fully Digital Invoice (数电票)"),
]
# What an invoice's unit price may differ from its order line's, per unit: the cent the tax
# platform rounds to.
PRICE_TOLERANCE = 0.01


class JxcFinanceInvoice(models.Model):
    """发票: a tax invoice issued to a customer (销项) or received from a supplier (进项), and
    the order lines it covers, in part or in full.

    Posting checks that no order line is invoiced beyond what was delivered / received net of
    returns; a posted invoice is corrected by its reversal (红冲) only.
    """

    _name = "jxc.finance.invoice"
    _description = "Invoice"
    _inherit = ["jxc.document.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _jxc_unlink_states = ("draft",)
    _jxc_locked_writable = ("note",)

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    direction = fields.Selection(
        INVOICE_DIRECTIONS, required=True, default="sale", index=True, tracking=True
    )
    kind = fields.Selection(
        INVOICE_KINDS, string="Invoice Type", required=True, default="special", tracking=True
    )
    invoice_code = fields.Char(
        copy=False,
        tracking=True,
        help="发票代码 of paper and older electronic invoices; fully digital invoices have none.",
    )
    invoice_number = fields.Char(
        copy=False,
        tracking=True,
        index="trigram",
        help="发票号码: unique per company and direction (with the invoice code, if any); "
        "required to post.",
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
    date = fields.Date(
        string="Invoice Date", required=True, default=fields.Date.context_today, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("jxc.finance.invoice.line", "invoice_id", string="Lines")
    amount_untaxed = fields.Monetary(
        string="Untaxed Amount", compute="_compute_amounts", store=True, tracking=True
    )
    amount_tax = fields.Monetary(string="Tax", compute="_compute_amounts", store=True)
    amount_total = fields.Monetary(string="Total", compute="_compute_amounts", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("reversed", "Reversed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    reversed_date = fields.Date(readonly=True, copy=False, help="The day of the reversal (红冲).")
    sale_ids = fields.Many2many("jxc.sale.order", compute="_compute_orders", string="Sale Orders")
    purchase_ids = fields.Many2many(
        "jxc.purchase.order", compute="_compute_orders", string="Purchase Orders"
    )
    import_checksum = fields.Char(readonly=True, copy=False, index="btree_not_null")
    note = fields.Text()

    @api.depends("line_ids.price_subtotal", "line_ids.price_tax")
    def _compute_amounts(self):
        for invoice in self:
            invoice.amount_untaxed = sum(invoice.line_ids.mapped("price_subtotal"))
            invoice.amount_tax = sum(invoice.line_ids.mapped("price_tax"))
            invoice.amount_total = invoice.amount_untaxed + invoice.amount_tax

    @api.depends("line_ids.sale_line_id", "line_ids.purchase_line_id")
    def _compute_orders(self):
        for invoice in self:
            invoice.sale_ids = invoice.line_ids.sale_line_id.order_id
            invoice.purchase_ids = invoice.line_ids.purchase_line_id.order_id

    @api.depends("name", "invoice_number")
    def _compute_display_name(self):
        for invoice in self:
            invoice.display_name = (
                f"{invoice.name} ({invoice.invoice_number})"
                if invoice.invoice_number
                else invoice.name
            )

    def init(self):
        # A tax invoice is entered once per company and direction; a reversed one may be
        # entered again (corrected). Drafts count: two drafts of one invoice would both post.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS jxc_finance_invoice_number_uniq
                ON jxc_finance_invoice (company_id, direction, COALESCE(invoice_code, ''),
                                        invoice_number)
             WHERE state != 'reversed'
            """
        )

    @api.constrains("invoice_number", "invoice_code", "company_id", "direction", "state")
    def _check_number(self):
        for invoice in self.filtered(lambda i: i.state != "reversed" and i.invoice_number):
            invoice._check_number_free(
                invoice.company_id.id,
                invoice.direction,
                invoice.invoice_code,
                invoice.invoice_number,
            )

    def _check_number_free(self, company_id, direction, code, number):
        """Refuse ``number`` when another invoice that is not reversed has it (checked before
        writing too: the unique index would only say "duplicate key")."""
        other = self.sudo().search(
            [
                ("id", "not in", self.ids),
                ("company_id", "=", company_id),
                ("direction", "=", direction),
                ("invoice_number", "=", number),
                ("invoice_code", "=", code or False),
                ("state", "!=", "reversed"),
            ],
            limit=1,
        )
        if other:
            raise UserError(
                _(
                    "Invoice number %(number)s is entered already: %(other)s.",
                    number=number,
                    other=other.display_name,
                )
            )

    @api.model
    def _jxc_sequence_code_for(self, vals):
        direction = vals.get("direction") or self.env.context.get("default_direction", "sale")
        return f"jxc.finance.invoice.{direction}"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            for key in ("invoice_number", "invoice_code"):
                if isinstance(vals.get(key), str):
                    vals[key] = vals[key].strip() or False
            if vals.get("invoice_number"):
                self._check_number_free(
                    vals.get("company_id") or self.env.company.id,
                    vals.get("direction") or self.env.context.get("default_direction", "sale"),
                    vals.get("invoice_code"),
                    vals["invoice_number"],
                )
        return super().create(vals_list)

    def write(self, vals):
        for key in ("invoice_number", "invoice_code"):
            if isinstance(vals.get(key), str):
                vals[key] = vals[key].strip() or False
        if "direction" in vals and any(i.line_ids for i in self):
            raise UserError(_("Remove the lines before changing the direction of an invoice."))
        if {"invoice_number", "invoice_code", "company_id", "direction"} & set(vals):
            for invoice in self.filtered(lambda i: i.state != "reversed"):
                number = vals.get("invoice_number", invoice.invoice_number)
                if number:
                    invoice._check_number_free(
                        vals.get("company_id", invoice.company_id.id),
                        vals.get("direction", invoice.direction),
                        vals.get("invoice_code", invoice.invoice_code),
                        number,
                    )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_post(self):
        self._check_action_rights()
        for invoice in self:
            if invoice.state != "draft":
                raise UserError(_("%s is not a draft.", invoice.display_name))
        return self._action_post()

    def action_reverse(self):
        """红冲: the invoice no longer counts as invoiced (finance managers)."""
        self._check_action_rights()
        check_group(
            self.env,
            "jxc_finance.group_jxc_finance_manager",
            _("Only finance managers can reverse invoices."),
        )
        for invoice in self:
            if invoice.state != "posted":
                raise UserError(
                    _("%s is not posted: only posted invoices are reversed.", invoice.display_name)
                )
        return self._action_reverse()

    def _action_post(self):
        for invoice in self:
            if not invoice.invoice_number:
                raise UserError(
                    _("%s: enter the tax invoice number before posting.", invoice.display_name)
                )
            invoice.company_id._jxc_check_lock_date(invoice.date, invoice.display_name)
            invoice._check_lines()
        self.line_ids._lock_order_lines()
        for invoice in self:
            invoice._check_invoiceable()
            invoice._jxc_write({"state": "posted"})
            invoice._post_price_differences()
        return True

    def _action_reverse(self):
        today = fields.Date.context_today(self)
        for invoice in self:
            invoice.company_id._jxc_check_lock_date(
                today, _("The reversal of %s", invoice.display_name)
            )
            invoice._jxc_write({"state": "reversed", "reversed_date": today})
            invoice._reverse_price_differences()
            invoice._message_log(body=_("Reversed (红冲) on %s.", today))
        return True

    # ------------------------------------------------------------------
    # Price differences (进项 at another price than the receipt)
    # ------------------------------------------------------------------
    def _post_price_differences(self):
        """A supplier invoice at another price than its receipts corrects, to the cent, the
        cost of what it covers — through the ledger's cost corrections (the share still in
        stock into the moving average, the share gone out to cost of goods sold; the average
        never goes negative) — and the payable (the difference with tax)."""
        self.ensure_one()
        if self.direction != "purchase":
            return
        currency = self.company_id.currency_id
        corrections, payable = [], 0.0
        for line in self.line_ids.filtered(lambda ln: ln._has_price_difference()):
            order_line = line.purchase_line_id.sudo()
            untaxed, tax = order_line._jxc_amounts(
                line.quantity,
                order_line._jxc_invoice_price(),
                line.discount,
                line.tax_rate,
                line.price_include_tax,
                currency,
            )
            payable += line.price_total - (untaxed + tax)
            corrections += self._price_difference_corrections(
                line, currency.round(line.price_subtotal - untaxed)
            )
        if corrections:
            self.env["jxc.stock.move"].sudo()._post_cost_corrections(corrections)
        if not currency.is_zero(payable):
            self.env["jxc.finance.entry"]._post(
                [
                    {
                        "entry_type": "payable",
                        "partner_id": self.commercial_partner_id.id,
                        "amount": currency.round(payable),
                        "company_id": self.company_id.id,
                        "date": self.date,
                        "purchase_id": self.line_ids.purchase_line_id.order_id[:1].id,
                        "res_model": self._name,
                        "res_id": self.id,
                        "reference": self.display_name,
                        "description": _("Invoice price difference"),
                    }
                ]
            )

    def _price_difference_corrections(self, line, amount):
        """``amount`` (company currency) of ``line``'s price difference over the receipt lines
        of its order line, by the base quantity each received; the last takes the rest."""
        currency = self.company_id.currency_id
        receipts = line.purchase_line_id.sudo().receipt_line_ids.filtered(
            lambda rl: (
                rl.state == "done"
                and rl.picking_type == "purchase_in"
                and not rl.picking_id.is_reversal
                and not rl.picking_id.reversal_ids
                and any(m.quantity > 0 for m in rl.move_ids)
            )
        )
        if currency.is_zero(amount) or not receipts:
            return []
        received = {rl: sum(m.quantity for m in rl.move_ids if m.quantity > 0) for rl in receipts}
        total = sum(received.values())
        corrections, left = [], amount
        for index, receipt_line in enumerate(receipts.sorted("id")):
            share = (
                left
                if index == len(receipts) - 1
                else currency.round(amount * received[receipt_line] / total)
            )
            left -= share
            corrections.append(
                {
                    "picking_line": receipt_line,
                    "amount": share,
                    "reference": self.display_name,
                    "res_model": self._name,
                    "res_id": self.id,
                    "line_label": line.product_id.display_name,
                }
            )
        return corrections

    def _reverse_price_differences(self):
        """红冲 of an invoice: the mirrors of its cost corrections and of its payable."""
        self.ensure_one()
        Move = self.env["jxc.stock.move"].sudo()
        moves = Move.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "=", self.id),
                ("move_type", "in", list(Move._get_value_only_move_types())),
                ("is_reversal", "=", False),
            ]
        )
        if moves:
            moves._reverse_value_rows(
                {"reference": self.display_name, "res_model": self._name, "res_id": self.id}
            )
        self.env["jxc.finance.entry"].sudo().search(
            [
                ("res_model", "=", self._name),
                ("res_id", "=", self.id),
                ("is_reversal", "=", False),
            ]
        )._reverse(reference=self.display_name)

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _check_lines(self):
        """Each line an order line of the invoice's partner, company and direction, of a
        confirmed order, at its price and tax rate, for a positive quantity."""
        self.ensure_one()
        if not self.line_ids:
            raise UserError(_("%s has no lines.", self.display_name))
        for line in self.line_ids:
            label = line._label()
            order_line = line._order_line()
            if not order_line:
                raise UserError(_("%s: choose the order line the invoice line covers.", label))
            order = order_line.sudo().order_id
            if order.company_id != self.company_id:
                raise UserError(
                    _(
                        "%(line)s: %(order)s belongs to another company.",
                        line=label,
                        order=order.name,
                    )
                )
            if order.partner_id.commercial_partner_id != self.commercial_partner_id:
                raise UserError(
                    _(
                        "%(line)s: %(order)s is an order of %(other)s, not of %(partner)s.",
                        line=label,
                        order=order.name,
                        other=order.partner_id.commercial_partner_id.display_name,
                        partner=self.commercial_partner_id.display_name,
                    )
                )
            if order.state not in ("confirmed", "done"):
                raise UserError(
                    _("%(line)s: %(order)s is not confirmed.", line=label, order=order.name)
                )
            rounding = order_line.uom_id.rounding or 0.001
            if float_compare(line.quantity, 0, precision_rounding=rounding) <= 0:
                raise UserError(
                    _(
                        "%(line)s: the quantity must be positive, not %(qty)s.",
                        line=label,
                        qty=format_number(self.env, line.quantity),
                    )
                )
            if not 0 <= line.tax_rate <= 100:
                raise UserError(
                    _(
                        "%(line)s: the tax rate must be between 0 and 100%%, not %(rate)s.",
                        line=label,
                        rate=format_number(self.env, line.tax_rate, digits=2),
                    )
                )
            line._check_price()

    def _check_invoiceable(self):
        """Nothing invoiced beyond what was delivered / received, net of returns: the order
        lines are locked (:meth:`..jxc_finance_invoice_line._lock_order_lines`), so what other
        invoices posted is read as committed."""
        self.ensure_one()
        this = defaultdict(float)
        for line in self.line_ids:
            this[line._order_line()] += line.quantity
        for line, quantity in this.items():
            order_line = line.sudo()
            invoiceable = order_line._jxc_invoiceable_quantity()
            invoiced = order_line._jxc_invoiced_quantity(exclude=self)
            rounding = order_line.uom_id.rounding or 0.001
            if float_compare(invoiced + quantity, invoiceable, precision_rounding=rounding) > 0:
                raise UserError(
                    _(
                        "%(doc)s: %(order)s, %(product)s: %(qty)s %(uom)s cannot be invoiced; "
                        "%(done)s %(uom)s were %(what)s (net of returns) and %(invoiced)s "
                        "%(uom)s are invoiced already.",
                        doc=self.display_name,
                        order=order_line.order_id.name,
                        product=order_line.product_id.display_name,
                        qty=format_number(self.env, quantity),
                        uom=order_line._unit_name(),
                        done=format_number(self.env, invoiceable),
                        what=_("delivered") if self.direction == "sale" else _("received"),
                        invoiced=format_number(self.env, invoiced),
                    )
                )
