# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.osv import expression

from .jxc_purchase_order import PRICE_GROUPS


class JxcPurchaseOrderLine(models.Model):
    _name = "jxc.purchase.order.line"
    _description = "Purchase Order Line"
    _inherit = ["jxc.order.line.mixin"]
    _jxc_locked_writable = ("name", "sequence")
    _jxc_picking_lines_field = "receipt_line_ids"
    _order = "order_id, sequence, id"
    _check_company_auto = True

    order_id = fields.Many2one("jxc.purchase.order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, precompute=True, index=True
    )
    currency_id = fields.Many2one(related="order_id.currency_id", store=True, precompute=True)
    partner_id = fields.Many2one(
        related="order_id.partner_id", store=True, precompute=True, string="Supplier"
    )
    state = fields.Selection(related="order_id.state", store=True, precompute=True)
    date_order = fields.Datetime(related="order_id.date_order", store=True, precompute=True)
    product_id = fields.Many2one(domain="[('type', '=', 'consu'), ('purchase_ok', '=', True)]")
    price_unit = fields.Float(
        string="Unit Price",
        digits="Product Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        groups=PRICE_GROUPS,
        help="Untaxed. Default: the supplier's price for this quantity, else the last price "
        "paid to this supplier, else the product's cost.",
    )
    price_subtotal = fields.Monetary(
        string="Subtotal",
        compute="_compute_amounts",
        store=True,
        precompute=True,
        groups=PRICE_GROUPS,
    )
    price_tax = fields.Monetary(
        string="Tax Amount",
        compute="_compute_amounts",
        store=True,
        precompute=True,
        groups=PRICE_GROUPS,
    )
    price_total = fields.Monetary(
        string="Total", compute="_compute_amounts", store=True, precompute=True, groups=PRICE_GROUPS
    )
    receipt_line_ids = fields.One2many(
        "jxc.stock.picking.line", "purchase_line_id", string="Receipt Lines"
    )
    qty_received = fields.Float(
        string="Received",
        digits="Product Unit of Measure",
        compute="_compute_qty_received",
        store=True,
        precompute=True,
        help="Accepted into stock, from posted receipts (in the line's unit).",
    )
    qty_rejected = fields.Float(
        string="Rejected",
        digits="Product Unit of Measure",
        compute="_compute_qty_received",
        store=True,
        precompute=True,
        help="Refused at inspection on posted receipts.",
    )
    qty_returned = fields.Float(
        string="Returned",
        digits="Product Unit of Measure",
        compute="_compute_qty_received",
        store=True,
        precompute=True,
        help="Sent back to the supplier on posted returns.",
    )
    qty_to_receive = fields.Float(
        string="To Receive",
        digits="Product Unit of Measure",
        compute="_compute_qty_to_receive",
        store=True,
        precompute=True,
    )
    last_price = fields.Float(
        digits="Product Price",
        compute="_compute_last_price",
        groups=PRICE_GROUPS,
        help="The last price paid to this supplier for this product.",
    )

    def _get_default_uom(self):
        return self.product_id.uom_po_id or self.product_id.uom_id

    @api.depends("product_id", "quantity", "uom_id", "packaging_id", "order_id.partner_id")
    def _compute_price_unit(self):
        for line in self:
            if not line.product_id:
                line.price_unit = 0.0
                continue
            line.price_unit = line._get_default_price()

    @api.depends(
        "receipt_line_ids.state",
        "receipt_line_ids.move_ids.quantity",
        "receipt_line_ids.quantity_rejected",
    )
    def _compute_qty_received(self):
        self._prefetch_posted_moves()
        for line in self:
            received = returned = rejected = 0.0
            for receipt_line in line.receipt_line_ids.filtered(lambda rl: rl.state == "done"):
                posted = sum(receipt_line.move_ids.mapped("quantity"))
                posted = line._qty_from_base(posted)
                if receipt_line.picking_type == "purchase_return":
                    returned -= posted
                else:
                    received += posted
                    rejected += line._qty_from_base(
                        receipt_line._qty_to_base(receipt_line.quantity_rejected)
                    )
            line.qty_received = received
            line.qty_returned = returned
            line.qty_rejected = rejected

    @api.depends("quantity", "qty_received", "qty_cancelled")
    def _compute_qty_to_receive(self):
        for line in self:
            line.qty_to_receive = max(line.quantity - line.qty_received - line.qty_cancelled, 0.0)

    def _get_default_price(self):
        """The packaging's purchase price, else the supplier price for this quantity, else the
        last price paid, else product cost."""
        self.ensure_one()
        order = self.order_id
        date = (order.date_order or fields.Datetime.now()).date()
        packaging_price = self.packaging_id.sudo().jxc_purchase_price
        if packaging_price:
            if order.currency_id and order.company_id:
                return order.company_id.currency_id._convert(
                    packaging_price, order.currency_id, order.company_id, date, round=False
                )
            return packaging_price
        seller = self.product_id._select_seller(
            partner_id=order.partner_id,
            quantity=self._qty_to_base(self.quantity) if self.packaging_id else self.quantity,
            date=(order.date_order or fields.Datetime.now()).date(),
            uom_id=self.uom_id,
        )
        if seller:
            price = (
                seller.currency_id._convert(
                    seller.price,
                    order.currency_id,
                    order.company_id,
                    (order.date_order or fields.Datetime.now()).date(),
                    round=False,
                )
                if order.currency_id and seller.currency_id
                else seller.price
            )
            if self.packaging_id:
                return self._price_from_base(
                    seller.product_uom._compute_price(price, self.product_id.uom_id)
                )
            return seller.product_uom._compute_price(price, self.uom_id)
        last = self._get_last_price()
        if last:
            return last
        cost = self._price_from_base(self.product_id.standard_price)
        if order.currency_id and order.company_id:
            cost = order.company_id.currency_id._convert(
                cost,
                order.currency_id,
                order.company_id,
                (order.date_order or fields.Datetime.now()).date(),
                round=False,
            )
        return cost

    def _qty_received_exact(self):
        """``qty_received`` unrounded, in the line's unit."""
        self.ensure_one()
        return self._qty_from_base(self._base_posted("purchase_in"))

    @api.model
    def _get_incoming_by_key(self, products, warehouses=None, drafts=False):
        """{(product id, warehouse id): base-unit quantity confirmed and not yet received};
        with ``drafts``, the whole quantity of draft orders and of those awaiting approval
        too."""
        domain = [("state", "=", "confirmed"), ("qty_to_receive", ">", 0)]
        if drafts:
            domain = expression.OR([domain, [("state", "in", ("draft", "to_approve"))]])
        domain = expression.AND([domain, [("product_id", "in", products.ids)]])
        if warehouses:
            domain = expression.AND([domain, [("order_id.warehouse_id", "in", warehouses.ids)]])
        incoming = defaultdict(float)
        for line in self.sudo().search(domain):
            quantity = line.qty_to_receive if line.state == "confirmed" else line.quantity
            incoming[(line.product_id.id, line.order_id.warehouse_id.id)] += line._base_quantity(
                quantity
            )
        return incoming

    def _get_base_unit_cost(self):
        """Unit cost of one base unit in company currency (the receipt's ledger cost)."""
        self.ensure_one()
        order = self.order_id
        price = order.currency_id._convert(
            self._get_untaxed_net_price(),
            order.company_id.currency_id,
            order.company_id,
            (order.date_approve or order.date_order).date(),
            round=False,
        )
        return self._price_to_base(price)

    def _prepare_receipt_line(self):
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "name": self.name or self.product_id.display_name,
            "quantity": self.qty_to_receive,
            "uom_id": self.uom_id.id,
            "packaging_id": self.packaging_id.id,
            "unit_cost": self._price_from_base(self._get_base_unit_cost()),
            "purchase_line_id": self.id,
        }
