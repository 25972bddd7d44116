# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.jxc_stock.utils import format_number

from .jxc_finance_invoice import PRICE_TOLERANCE


class JxcFinanceInvoiceLine(models.Model):
    """What an invoice covers: a quantity of one sale order line (销项) or purchase order line
    (进项), in the order line's unit, at its price and tax rate.

    The order line is the unit of invoicing: delivered / received quantities net of returns
    are known per order line exactly (from the ledger), so partial invoicing and the
    "invoiced ≤ delivered" check need no allocation over stock documents.
    """

    _name = "jxc.finance.invoice.line"
    _description = "Invoice Line"
    _inherit = ["jxc.document.line.mixin"]
    _jxc_document_field = "invoice_id"
    _order = "invoice_id, sequence, id"
    _check_company_auto = True

    invoice_id = fields.Many2one(
        "jxc.finance.invoice", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    direction = fields.Selection(related="invoice_id.direction", store=True, precompute=True)
    company_id = fields.Many2one(
        related="invoice_id.company_id", store=True, precompute=True, index=True
    )
    currency_id = fields.Many2one(related="invoice_id.currency_id")
    partner_id = fields.Many2one(related="invoice_id.commercial_partner_id", string="Partner")
    state = fields.Selection(related="invoice_id.state", store=True, precompute=True, index=True)
    date = fields.Date(related="invoice_id.date", store=True, precompute=True)
    sale_line_id = fields.Many2one(
        "jxc.sale.order.line",
        string="Sale Order Line",
        ondelete="restrict",
        index="btree_not_null",
        check_company=True,
        domain="[('order_id.partner_id.commercial_partner_id', '=', partner_id),"
        " ('state', 'in', ('confirmed', 'done'))]",
    )
    purchase_line_id = fields.Many2one(
        "jxc.purchase.order.line",
        string="Purchase Order Line",
        ondelete="restrict",
        index="btree_not_null",
        check_company=True,
        domain="[('order_id.partner_id.commercial_partner_id', '=', partner_id),"
        " ('state', 'in', ('confirmed', 'done'))]",
    )
    sale_id = fields.Many2one(
        related="sale_line_id.order_id",
        store=True,
        precompute=True,
        index="btree_not_null",
        string="Sale Order",
    )
    purchase_id = fields.Many2one(
        related="purchase_line_id.order_id",
        store=True,
        precompute=True,
        index="btree_not_null",
        string="Purchase Order",
    )
    product_id = fields.Many2one(
        "product.product", compute="_compute_from_order_line", store=True, precompute=True
    )
    unit_name = fields.Char(string="Unit", compute="_compute_unit_name")
    quantity = fields.Float(digits="Product Unit of Measure", required=True, default=0.0)
    price_unit = fields.Float(
        string="Unit Price",
        digits="Product Price",
        compute="_compute_from_order_line",
        store=True,
        readonly=False,
        precompute=True,
        help="The order line's price (received invoices: the supplier's, which must be the "
        "receipt's to the cent).",
    )
    discount = fields.Float(
        string="Discount (%)",
        digits="Discount",
        compute="_compute_from_order_line",
        store=True,
        precompute=True,
    )
    tax_rate = fields.Float(
        string="Tax (%)", compute="_compute_from_order_line", store=True, precompute=True
    )
    price_include_tax = fields.Boolean(
        string="Tax Included", compute="_compute_from_order_line", store=True, precompute=True
    )
    price_subtotal = fields.Monetary(
        string="Untaxed Amount", compute="_compute_amounts", store=True, precompute=True
    )
    price_tax = fields.Monetary(
        string="Tax", compute="_compute_amounts", store=True, precompute=True
    )
    price_total = fields.Monetary(
        string="Total", compute="_compute_amounts", store=True, precompute=True
    )

    @api.depends("sale_line_id", "purchase_line_id")
    def _compute_from_order_line(self):
        for line in self:
            order_line = line._order_line().sudo()
            if not order_line:
                line.update(
                    {
                        "product_id": False,
                        "price_unit": 0.0,
                        "discount": 0.0,
                        "tax_rate": 0.0,
                        "price_include_tax": False,
                    }
                )
                continue
            line.update(
                {
                    "product_id": order_line.product_id.id,
                    "price_unit": order_line._jxc_invoice_price(),
                    "discount": order_line._get_discount(),
                    "tax_rate": order_line.tax_rate,
                    "price_include_tax": order_line.order_id.price_include_tax,
                }
            )

    @api.depends("sale_line_id", "purchase_line_id")
    def _compute_unit_name(self):
        for line in self:
            order_line = line._order_line().sudo()
            line.unit_name = order_line._unit_name() if order_line else False

    @api.depends("quantity", "price_unit", "discount", "tax_rate", "price_include_tax")
    def _compute_amounts(self):
        """The order lines' arithmetic (``jxc.order.line.mixin._jxc_amounts``): an invoice of
        a whole line has the line's amounts to the cent."""
        Mixin = self.env["jxc.sale.order.line"]
        for line in self:
            subtotal, tax = Mixin._jxc_amounts(
                line.quantity,
                line.price_unit,
                line.discount,
                line.tax_rate,
                line.price_include_tax,
                line.currency_id or line.invoice_id.currency_id,
            )
            line.price_subtotal = subtotal
            line.price_tax = tax
            line.price_total = subtotal + tax

    @api.constrains("sale_line_id", "purchase_line_id", "invoice_id")
    def _check_order_line(self):
        for line in self:
            if line.sale_line_id and line.purchase_line_id:
                raise UserError(
                    _("%s: a line covers a sale or a purchase order line, not both.", line._label())
                )
            if line.direction == "sale" and line.purchase_line_id:
                raise UserError(_("%s: an issued invoice covers sale order lines.", line._label()))
            if line.direction == "purchase" and line.sale_line_id:
                raise UserError(
                    _("%s: a received invoice covers purchase order lines.", line._label())
                )

    def _order_line(self):
        self.ensure_one()
        return self.sale_line_id or self.purchase_line_id

    def _label(self):
        self.ensure_one()
        return self._jxc_line_label(self.invoice_id, self)

    def _has_price_difference(self):
        """Whether the line's price differs from its order line's by more than a cent per
        unit (a supplier's: see ``jxc.finance.invoice._post_price_differences``)."""
        self.ensure_one()
        expected = self._order_line().sudo()._jxc_invoice_price()
        return abs(self.price_unit - expected) > PRICE_TOLERANCE + 1e-9

    def _check_price(self):
        """An issued invoice is at its order line's price (to the cent per unit). A received
        one may differ: posting corrects the cost and the payable (price difference)."""
        self.ensure_one()
        if self.price_unit < 0:
            raise UserError(_("%s: the unit price cannot be negative.", self._label()))
        if self.direction == "purchase" or not self._has_price_difference():
            return
        expected = self._order_line().sudo()._jxc_invoice_price()
        raise UserError(
            _(
                "%(line)s: an issued invoice is at the order's price %(expected)s, not %(price)s.",
                line=self._label(),
                price=format_number(self.env, self.price_unit, digits=6),
                expected=format_number(self.env, expected, digits=6),
            )
        )

    def _lock_order_lines(self):
        """Take the order lines of these invoice lines, in id order, as the first write of
        the posting: of two sessions posting invoices for the same line, the second waits,
        fails to serialize and, retried, counts what the first invoiced."""
        for model, field in (
            ("jxc_sale_order_line", "sale_line_id"),
            ("jxc_purchase_order_line", "purchase_line_id"),
        ):
            ids = sorted(set(self[field].ids))
            if not ids:
                continue
            self.env.cr.execute(
                f"""
                UPDATE {model} SET write_date = write_date
                 WHERE id IN (SELECT id FROM {model} WHERE id = ANY(%s) ORDER BY id FOR UPDATE)
                """,
                [ids],
            )
