# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.jxc_stock.utils import format_number


class JxcSaleOrderLine(models.Model):
    _name = "jxc.sale.order.line"
    _description = "Sale Order Line"
    _inherit = ["jxc.order.line.mixin"]
    _order = "order_id, sequence, id"
    _check_company_auto = True
    _jxc_locked_writable = ("name", "sequence")
    _jxc_picking_lines_field = "delivery_line_ids"

    order_id = fields.Many2one("jxc.sale.order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, precompute=True, index=True
    )
    currency_id = fields.Many2one(related="order_id.currency_id", store=True, precompute=True)
    company_currency_id = fields.Many2one(related="order_id.company_currency_id")
    partner_id = fields.Many2one(
        related="order_id.partner_id", store=True, precompute=True, string="Customer"
    )
    user_id = fields.Many2one(
        related="order_id.user_id", store=True, precompute=True, string="Salesperson"
    )
    warehouse_id = fields.Many2one(related="order_id.warehouse_id", store=True, precompute=True)
    state = fields.Selection(related="order_id.state", store=True, precompute=True)
    date_order = fields.Datetime(related="order_id.date_order", store=True, precompute=True)
    product_id = fields.Many2one(domain="[('type', '=', 'consu'), ('sale_ok', '=', True)]")
    price_unit = fields.Float(
        string="Unit Price",
        digits="Product Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        help="Untaxed, before discount. Default: the order's pricelist price.",
    )
    discount = fields.Float(string="Discount (%)", digits="Discount")
    price_subtotal = fields.Monetary(
        string="Subtotal", compute="_compute_amounts", store=True, precompute=True
    )
    price_tax = fields.Monetary(
        string="Tax Amount", compute="_compute_amounts", store=True, precompute=True
    )
    price_total = fields.Monetary(
        string="Total", compute="_compute_amounts", store=True, precompute=True
    )
    last_price = fields.Float(
        string="Customer's Last Price", digits="Product Price", compute="_compute_last_price"
    )
    available_quantity = fields.Float(
        string="Available",
        digits="Product Unit of Measure",
        compute="_compute_available_quantity",
        help="Available to promise in the order's warehouse now: on hand − reserved, "
        "in the line's unit.",
    )
    delivery_line_ids = fields.One2many(
        "jxc.stock.picking.line", "sale_line_id", string="Delivery Lines"
    )
    qty_delivered = fields.Float(
        string="Delivered",
        digits="Product Unit of Measure",
        compute="_compute_qty_delivered",
        store=True,
        precompute=True,
        help="Shipped on posted deliveries, in the line's unit.",
    )
    qty_returned = fields.Float(
        string="Returned",
        digits="Product Unit of Measure",
        compute="_compute_qty_delivered",
        store=True,
        precompute=True,
        help="Came back on posted sale returns.",
    )
    qty_to_deliver = fields.Float(
        string="To Deliver",
        digits="Product Unit of Measure",
        compute="_compute_qty_to_deliver",
        store=True,
        precompute=True,
    )
    qty_reserved = fields.Float(
        string="Reserved", digits="Product Unit of Measure", compute="_compute_reservation"
    )
    qty_shortage = fields.Float(
        string="Shortage", digits="Product Unit of Measure", compute="_compute_reservation"
    )
    cost_unit = fields.Float(
        string="Unit Cost",
        digits="Product Price",
        compute="_compute_margin",
        groups="jxc_stock.group_jxc_cost",
        help="Cost per unit of the line: what delivered goods cost (COGS), else the average.",
    )
    margin = fields.Monetary(
        compute="_compute_margin",
        currency_field="company_currency_id",
        groups="jxc_stock.group_jxc_cost",
    )

    @api.depends("product_id", "quantity", "uom_id", "packaging_id", "order_id.pricelist_id")
    def _compute_price_unit(self):
        # One pricelist evaluation per (order, quantity, unit) for all its products. A line in
        # a packaging with a sale price takes that price as is; other packaging lines are
        # priced per base unit for their base quantity, times the content.
        groups = defaultdict(self.browse)
        for line in self:
            if not line.product_id:
                line.price_unit = 0.0
                continue
            order = line.order_id
            packaging_price = line.packaging_id.sudo().jxc_sale_price
            if packaging_price:
                line.price_unit = line._to_order_currency(packaging_price)
                continue
            quantity = line._qty_to_base(line.quantity or 1.0) if line.packaging_id else None
            groups[(order, quantity or line.quantity or 1.0, line.uom_id)] |= line
        for (order, quantity, uom), lines in groups.items():
            date = order.date_order or fields.Datetime.now()
            if order.pricelist_id:
                prices = order.pricelist_id._compute_price_rule(
                    lines.product_id, quantity, currency=order.currency_id, uom=uom, date=date
                )
                for line in lines:
                    # Per ``uom``: the base unit for lines in a packaging.
                    price = prices[line.product_id.id][0]
                    line.price_unit = price * (line.packaging_id.qty or 1.0)
                continue
            for line in lines:
                price = line.product_id.uom_id._compute_price(line.product_id.lst_price, uom)
                line.price_unit = line._to_order_currency(price * (line.packaging_id.qty or 1.0))

    def _to_order_currency(self, amount):
        """``amount`` in company currency → the order's currency (unrounded)."""
        self.ensure_one()
        order = self.order_id
        if not order.currency_id or not order.company_id:
            return amount
        date = (order.date_order or fields.Datetime.now()).date()
        return order.company_id.currency_id._convert(
            amount, order.currency_id, order.company_id, date, round=False
        )

    def _get_discount(self):
        return self.discount or 0.0

    @api.depends("discount")
    def _compute_amounts(self):
        return super()._compute_amounts()

    @api.depends("product_id", "uom_id", "packaging_id", "order_id.warehouse_id")
    def _compute_available_quantity(self):
        Quant = self.env["jxc.stock.quant"].sudo()
        today = fields.Date.context_today(self)
        for line in self:
            if not line.product_id or not line.order_id.warehouse_id:
                line.available_quantity = 0.0
                continue
            quants = Quant.search(
                [
                    ("product_id", "=", line.product_id.id),
                    ("warehouse_id", "=", line.order_id.warehouse_id.id),
                ]
            )
            available = sum(
                q.available_quantity
                for q in quants
                if not q.lot_id.expiration_date or q.lot_id.expiration_date >= today
            )
            line.available_quantity = line._qty_from_base(available)

    @api.depends("delivery_line_ids.state", "delivery_line_ids.move_ids.quantity")
    def _compute_qty_delivered(self):
        self._prefetch_posted_moves()
        for line in self:
            delivered = returned = 0.0
            for dl in line.delivery_line_ids.filtered(lambda d: d.state == "done"):
                posted = line._qty_from_base(sum(dl.move_ids.mapped("quantity")))
                if dl.picking_type == "sale_return":
                    returned += posted
                else:
                    delivered -= posted
            line.qty_delivered = delivered
            line.qty_returned = returned

    @api.depends("quantity", "qty_delivered", "qty_cancelled")
    def _compute_qty_to_deliver(self):
        for line in self:
            line.qty_to_deliver = max(line.quantity - line.qty_delivered - line.qty_cancelled, 0.0)

    def _compute_reservation(self):
        Reservation = self.env["jxc.stock.reservation"].sudo()
        groups = Reservation._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "=", "open")],
            ["res_id"],
            ["quantity:sum", "shortage_quantity:sum"],
        )
        held = {res_id: (qty, short) for res_id, qty, short in groups}
        for line in self:
            qty, short = held.get(line.id, (0.0, 0.0))
            line.qty_reserved = line._qty_from_base(qty)
            line.qty_shortage = line._qty_from_base(short)

    @api.depends(
        "product_id",
        "quantity",
        "price_subtotal",
        "delivery_line_ids.state",
        "delivery_line_ids.move_ids.value",
    )
    def _compute_margin(self):
        Valuation = self.env["jxc.stock.valuation"].sudo()
        for line in self:
            order = line.order_id
            moves = (
                line.sudo()
                .delivery_line_ids.filtered(
                    lambda d: d.state == "done" and d.picking_type == "sale_out"
                )
                .move_ids
            )
            base_qty = -sum(moves.mapped("quantity"))
            if base_qty > 0:
                base_cost = -sum(moves.mapped("value")) / base_qty
            elif line.product_id and order.company_id:
                base_cost = Valuation._get_average_costs(line.product_id, order.company_id)[
                    line.product_id.id
                ]
            else:
                base_cost = 0.0
            line.cost_unit = line._price_from_base(base_cost) if line.product_id else 0.0
            subtotal = order._to_company_currency(line.price_subtotal) if order else 0.0
            line.margin = subtotal - line.cost_unit * line.quantity

    @api.constrains("quantity", "price_unit", "discount", "tax_rate")
    def _check_amounts(self):
        res = super()._check_amounts()
        for line in self:
            if not 0 <= line.discount <= 100:
                label = f"{line.order_id.name}, {line.product_id.display_name}"
                raise UserError(
                    _(
                        "%(line)s: the discount must be between 0 and 100%%, not %(discount)s.",
                        line=label,
                        discount=format_number(self.env, line.discount, digits=2),
                    )
                )
        return res

    @api.onchange("product_id", "quantity", "uom_id", "packaging_id")
    def _onchange_check_availability(self):
        """Warn while editing when the warehouse cannot serve the line (ATP)."""
        if not self.product_id or self.order_id.state != "draft":
            return None
        needed = self.quantity
        if (
            float_compare(needed, self.available_quantity, precision_rounding=self.uom_id.rounding)
            > 0
        ):
            return {
                "warning": {
                    "title": _("Not enough stock"),
                    "message": _(
                        "%(product)s: %(needed)s %(uom)s ordered, %(available)s "
                        "available in %(warehouse)s.",
                        product=self.product_id.display_name,
                        needed=self._format_number(needed),
                        uom=self._unit_name(),
                        available=self._format_number(self.available_quantity),
                        warehouse=self.order_id.warehouse_id.display_name,
                    ),
                }
            }
        return None

    @api.onchange("product_id", "price_unit", "discount", "uom_id", "packaging_id", "tax_rate")
    def _onchange_price_guard(self):
        """Warn while editing when the line is free, below the minimum sale price or below
        cost (confirming it will need a sales manager); the cost itself is never shown."""
        if not self.product_id or self.order_id.state != "draft":
            return None
        problems = self.order_id._get_lines_below_price_guard(self)
        if not problems:
            return None
        return {
            "warning": {
                "title": _("Below the price guard"),
                "message": _(
                    "%s. Confirming the order will need a sales manager.", "; ".join(problems)
                ),
            }
        }

    def _settle_reservations(self):
        """After a delivery: what a line still holds or lacks never exceeds what is left to
        deliver (shortages met from stock that arrived later are cleared)."""
        by_line = self._open_reservations()
        for line in self:
            reservations = by_line[line.id]
            if not reservations:
                continue
            left = line._base_left_to_deliver()
            rounding = line.product_id.uom_id.rounding
            if float_compare(left, 0, precision_rounding=rounding) <= 0:
                reservations._release()
                continue
            excess = sum(reservations.mapped("shortage_quantity")) - max(
                left - sum(reservations.mapped("quantity")), 0.0
            )
            reduce = {}
            for reservation in reservations.filtered("shortage_quantity"):
                if float_compare(excess, 0, precision_rounding=rounding) <= 0:
                    break
                reduce[reservation.id] = min(reservation.shortage_quantity, excess)
                excess -= reduce[reservation.id]
            if reduce:
                reservations._reduce_shortage(reduce)
        self.invalidate_recordset(["qty_reserved", "qty_shortage"])

    def _base_left_to_deliver(self):
        """What is left to deliver in the product's unit, from posted moves (no rounding
        through the line's unit)."""
        self.ensure_one()
        return self._base_quantity(self.quantity - self.qty_cancelled) - self._base_posted(
            "sale_out"
        )

    def _open_reservations(self, held=False, order=None):
        """{line id: its open reservations} for these lines, in one query; ``held``: only
        those that hold a quantity; ``order``: theirs (default: the model's, newest first)."""
        domain = [
            ("res_model", "=", self._name),
            ("res_id", "in", self.ids),
            ("state", "=", "open"),
        ]
        if held:
            domain.append(("quantity", ">", 0))
        Reservation = self.env["jxc.stock.reservation"].sudo()
        ids = defaultdict(list)
        for reservation in Reservation.search_fetch(domain, ["res_id"], order=order):
            ids[reservation.res_id].append(reservation.id)
        return {line.id: Reservation.browse(ids[line.id]) for line in self}

    def _prepare_delivery_lines(self, reservations=None):
        """Delivery lines for what is left to deliver: one per reserved lot (FEFO).
        ``reservations``: the line's open reservations that hold stock, when the caller read
        them for many lines at once (default: read here; untracked products need none)."""
        self.ensure_one()
        base_left = self._base_quantity(self.qty_to_deliver)
        if reservations is None and self.product_id.tracking != "none":
            reservations = self._open_reservations(held=True, order="id")[self.id]
        common = {"product_id": self.product_id.id, "name": self.name, "sale_line_id": self.id}
        if self.product_id.tracking == "none" or not reservations:
            return [
                dict(
                    common,
                    quantity=self.qty_to_deliver,
                    uom_id=self.uom_id.id,
                    packaging_id=self.packaging_id.id,
                )
            ]
        vals_list = []
        base_uom = self.product_id.uom_id
        for reservation in reservations:
            if float_is_zero(base_left, precision_rounding=base_uom.rounding):
                break
            take = min(reservation.quantity, base_left)
            if self.product_id.tracking == "serial":
                vals_list += [
                    dict(common, quantity=1.0, uom_id=base_uom.id, lot_id=reservation.lot_id.id)
                    for _i in range(int(take))
                ]
            else:
                vals_list.append(
                    dict(common, quantity=take, uom_id=base_uom.id, lot_id=reservation.lot_id.id)
                )
            base_left -= take
        if float_compare(base_left, 0, precision_rounding=base_uom.rounding) > 0:
            vals_list.append(dict(common, quantity=base_left, uom_id=base_uom.id))
        return vals_list
