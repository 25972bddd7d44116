# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..utils import format_number


class JxcOrderLineMixin(models.AbstractModel):
    """What purchase and sale order lines share: units, amounts, checks, locking."""

    _name = "jxc.order.line.mixin"
    _inherit = ["jxc.document.line.mixin", "jxc.line.packaging.mixin"]
    _description = "JXC Order Line"
    _jxc_document_field = "order_id"
    # The stock document lines of the order line (receipts / deliveries and their returns).
    _jxc_picking_lines_field = None
    # Document types whose posted moves take goods out (negative ledger quantities).
    _jxc_outgoing_picking_types = ("sale_out", "purchase_return")

    # The concrete line adds ``order_id`` and the fields related to it (company, currency,
    # partner, state, date), its prices and the quantities its documents compute.
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        required=True,
        index=True,
        domain="[('type', '=', 'consu')]",
        check_company=True,
    )
    name = fields.Char(string="Description")
    product_uom_category_id = fields.Many2one(related="product_id.uom_id.category_id")
    quantity = fields.Float(digits="Product Unit of Measure", required=True, default=1.0)
    uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        required=True,
        compute="_compute_uom_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('category_id', '=', product_uom_category_id)]",
    )
    tax_rate = fields.Float(
        string="Tax (%)",
        compute="_compute_tax_rate",
        store=True,
        readonly=False,
        precompute=True,
        help="VAT rate in percent, e.g. 13; starts as the product's.",
    )
    # Not rounded to the unit's precision: the cancelled rest of a line in cases after single
    # bottles were delivered (23 of 24 = 1.9166… 箱) must leave exactly those bottles billed.
    qty_cancelled = fields.Float(
        string="Cancelled",
        readonly=True,
        copy=False,
        help="The part not received / delivered when the order was cancelled.",
    )

    @api.depends("product_id", "packaging_id")
    def _compute_uom_id(self):
        for line in self:
            if line.packaging_id:
                line.uom_id = line.product_id.uom_id
            elif not line.uom_id or line.uom_id.category_id != line.product_id.uom_id.category_id:
                line.uom_id = line._get_default_uom()

    def _get_default_uom(self):
        return self.product_id.uom_id

    def _get_discount(self):
        """Discount in percent (sales has one; purchase lines do not)."""
        return 0.0

    @api.depends("product_id")
    def _compute_tax_rate(self):
        for line in self:
            line.tax_rate = line.product_id.jxc_tax_rate if line.product_id else 13.0

    @api.depends("quantity", "price_unit", "tax_rate", "currency_id", "order_id.price_include_tax")
    def _compute_amounts(self):
        """Untaxed, tax and total of the line, each to the cent. Tax-exclusive prices: the
        tax is the rounded untaxed amount × rate. Tax-inclusive (含税价): the total is what was
        entered and the untaxed amount is calculated back from it, so that the line (and the
        order, their sum) totals exactly the prices quoted."""
        for line in self:
            subtotal, tax = line._jxc_amounts(
                line.quantity,
                line.price_unit,
                line._get_discount(),
                line.tax_rate,
                line.order_id.price_include_tax,
                line.currency_id or line.order_id.currency_id,
            )
            line.price_subtotal = subtotal
            line.price_tax = tax
            line.price_total = subtotal + tax

    @api.model
    def _jxc_amounts(self, quantity, price_unit, discount, tax_rate, include_tax, currency):
        """``(untaxed, tax)`` of ``quantity`` at ``price_unit`` (see :meth:`_compute_amounts`):
        the one arithmetic of order lines and of what copies their prices (invoices)."""
        amount = quantity * price_unit * (1 - discount / 100.0)
        rate = tax_rate / 100.0
        if include_tax:
            total = currency.round(amount) if currency else amount
            subtotal = total / (1 + rate)
            subtotal = currency.round(subtotal) if currency else subtotal
            return subtotal, total - subtotal
        subtotal = currency.round(amount) if currency else amount
        tax = subtotal * rate
        return subtotal, currency.round(tax) if currency else tax

    @api.depends("product_id", "order_id.partner_id", "uom_id", "packaging_id")
    def _compute_last_price(self):
        for line in self:
            line.last_price = line._get_last_price()

    @api.constrains("quantity", "price_unit", "tax_rate")
    def _check_amounts(self):
        for line in self:
            label = f"{line.order_id.name}, {line.product_id.display_name}"
            rounding = line.uom_id.rounding or 0.001
            if float_compare(line.quantity, 0, precision_rounding=rounding) <= 0:
                raise UserError(
                    _(
                        "%(line)s: the quantity must be positive, not %(qty)s.",
                        line=label,
                        qty=line._format_quantity(line.quantity),
                    )
                )
            if line.price_unit < 0:
                raise UserError(_("%s: the unit price cannot be negative.", label))
            if not 0 <= line.tax_rate <= 100:
                raise UserError(
                    _(
                        "%(line)s: the tax rate must be between 0 and 100%%, not %(rate)s.",
                        line=label,
                        rate=format_number(self.env, line.tax_rate, digits=2),
                    )
                )

    @api.constrains("product_id", "uom_id")
    def _check_uom(self):
        for line in self:
            if line.uom_id.category_id != line.product_id.uom_id.category_id:
                raise UserError(
                    _(
                        "%(order)s, %(product)s: unit %(uom)s is not a unit of this product (its "
                        "units are %(category)s).",
                        order=line.order_id.name,
                        product=line.product_id.display_name,
                        uom=line.uom_id.name,
                        category=line.product_id.uom_id.category_id.name,
                    )
                )

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.product_id.display_name

    def _base_quantity(self, quantity=None):
        """``quantity`` (default: the line's) in the product's base unit, unrounded."""
        self.ensure_one()
        return self._qty_to_base(self.quantity if quantity is None else quantity)

    def _prefetch_posted_moves(self):
        """Read the stock document lines of these lines and their ledger rows in one query
        each, for computations that call :meth:`_base_posted` line by line."""
        self.sudo()[self._jxc_picking_lines_field].move_ids.mapped("quantity")

    def _base_posted(self, picking_type):
        """Posted for this line on documents of ``picking_type`` (e.g. ``sale_out``,
        ``purchase_in``, their returns), in the product's unit, from the ledger: exact where
        the stored quantities are rounded to the line's unit (one bottle of a line in cases of
        12 is 0.0833… 箱, stored as 0.08). Reversals (红冲) count against what they reverse."""
        self.ensure_one()
        lines = self.sudo()[self._jxc_picking_lines_field]
        moves = lines.filtered(
            lambda ln: ln.state == "done" and ln.picking_type == picking_type
        ).move_ids
        posted = sum(moves.mapped("quantity"))
        return -posted if picking_type in self._jxc_outgoing_picking_types else posted

    def _value_of(self, quantity):
        """What ``quantity`` (in the line's unit) of the line is worth, tax included, in
        company currency: the receivable / payable value of goods."""
        self.ensure_one()
        if not self.quantity or not quantity:
            return 0.0
        order = self.order_id
        value = order._to_company_currency(self.price_total) * quantity / self.quantity
        return order.company_id.currency_id.round(value)

    def _get_net_price(self):
        """Unit price after discount."""
        self.ensure_one()
        return self.price_unit * (1 - self._get_discount() / 100.0)

    def _get_untaxed_net_price(self):
        """Unit price after discount and without tax (unrounded): what goods cost or sell
        for, whether prices include tax or not."""
        self.ensure_one()
        price = self._get_net_price()
        if self.order_id.price_include_tax:
            price /= 1 + self.tax_rate / 100.0
        return price

    def _get_last_price(self):
        """The net price of this partner's latest confirmed line for this product."""
        self.ensure_one()
        if not self.product_id or not self.order_id.partner_id:
            return 0.0
        domain = [
            ("product_id", "=", self.product_id.id),
            ("partner_id", "=", self.order_id.partner_id.id),
            ("state", "in", ("confirmed", "done")),
        ]
        if self._origin.id:
            domain.append(("id", "!=", self._origin.id))
        last = self.search(domain, order="date_order desc, id desc", limit=1)
        if not last:
            return 0.0
        if last._same_unit(self) or not self.uom_id:
            return last._get_net_price()
        return self._price_from_base(last._price_to_base(last._get_net_price()))
