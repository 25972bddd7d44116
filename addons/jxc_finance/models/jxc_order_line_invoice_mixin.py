# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.jxc_stock.utils import form_action


class JxcOrderLineInvoiceMixin(models.AbstractModel):
    """What sale and purchase order lines know of their invoices (发票): invoiced and not yet
    invoiced quantities and amounts, from posted invoices and the posted stock documents.

    Not yet invoiced = delivered / received net of returns − invoiced; it is negative when
    goods came back after they were invoiced (a reversal and a new invoice put it right).
    """

    _name = "jxc.order.line.invoice.mixin"
    _description = "JXC Order Line Invoicing"
    # The stock document types whose posted quantities are invoiced (out, back).
    _jxc_invoice_picking_types = ()
    _jxc_invoice_direction = None

    qty_invoiced = fields.Float(
        string="Invoiced Qty",
        digits="Product Unit of Measure",
        compute="_compute_invoiced",
        store=True,
        precompute=True,
        help="On posted invoices, in the line's unit.",
    )
    qty_to_invoice = fields.Float(
        string="To Invoice (Qty)",
        digits="Product Unit of Measure",
        compute="_compute_invoiced",
        store=True,
        precompute=True,
        help="Delivered / received net of returns, less invoiced (negative: invoiced beyond "
        "it, after a return).",
    )

    # The concrete lines add amount_invoiced and amount_to_invoice (Monetary in
    # company_currency_id, which only they know).
    def _compute_invoiced(self):
        self.filtered("id")._prefetch_posted_moves()
        for line in self:
            posted = line.invoice_line_ids.filtered(lambda il: il.state == "posted")
            invoiceable = line._jxc_invoiceable_quantity() if line.id else 0.0
            line.qty_invoiced = sum(posted.mapped("quantity"))
            line.amount_invoiced = sum(posted.mapped("price_total"))
            line.qty_to_invoice = invoiceable - line.qty_invoiced
            # The value of the quantity left, not value delivered − invoiced: invoices round
            # their tax per line (尾差), and a line invoiced in full has nothing left.
            line.amount_to_invoice = line._value_of(line.qty_to_invoice) if line.id else 0.0

    def _jxc_invoiceable_quantity(self):
        """Delivered / received net of returns and reversals, in the line's unit, exact (from
        the ledger)."""
        self.ensure_one()
        out, back = self._jxc_invoice_picking_types
        return self._qty_from_base(self._base_posted(out) - self._base_posted(back))

    def _jxc_invoiced_quantity(self, exclude=None):
        """Quantity of the line on posted invoices other than ``exclude``, read from the
        database (the caller holds the line's lock)."""
        self.ensure_one()
        field = self._fields["invoice_line_ids"].inverse_name
        lines = (
            self.env["jxc.finance.invoice.line"]
            .sudo()
            .search(
                [
                    (field, "=", self.id),
                    ("state", "=", "posted"),
                    ("invoice_id", "not in", (exclude or self.env["jxc.finance.invoice"]).ids),
                ]
            )
        )
        return sum(lines.mapped("quantity"))

    def _jxc_invoice_price(self):
        """The unit price an invoice of this line takes, in company currency (before the
        line's discount)."""
        self.ensure_one()
        return self.order_id._to_company_currency(self.price_unit)

    def action_create_invoice(self):
        """待开票 / 待收票: a draft invoice of the selected lines, each for what is left to
        invoice (finance users)."""
        self.env["jxc.finance.invoice"].check_access("create")
        self.check_access("read")
        lines = self.filtered(
            lambda ln: (
                float_compare(ln.qty_to_invoice, 0, precision_rounding=ln.uom_id.rounding or 0.001)
                > 0
            )
        )
        if not lines:
            raise UserError(_("The selected lines have nothing left to invoice."))
        partners = lines.order_id.partner_id.commercial_partner_id
        if len(partners) > 1 or len(lines.company_id) > 1:
            raise UserError(
                _(
                    "An invoice is for one partner of one company: the selected lines are of %s.",
                    ", ".join(partners.mapped("display_name")),
                )
            )
        invoice = self.env["jxc.finance.invoice"].create(
            {
                "direction": self._jxc_invoice_direction,
                "partner_id": partners.id,
                "company_id": lines.company_id.id,
                "line_ids": self._jxc_invoice_line_values(lines),
            }
        )
        return form_action(invoice._name, invoice.id, target="current")

    @api.model
    def _jxc_invoice_line_values(self, lines, quantities=None):
        """``Command.create`` values of invoice lines for ``lines`` (what is left to invoice,
        or ``quantities`` {line: qty})."""
        field = self._fields["invoice_line_ids"].inverse_name
        return [
            fields.Command.create(
                {
                    field: line.id,
                    "quantity": (quantities or {}).get(line, line.qty_to_invoice),
                }
            )
            for line in lines
        ]
