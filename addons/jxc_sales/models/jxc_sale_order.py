# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tools import float_compare, float_is_zero

from odoo.addons.jxc_stock.utils import internal_context


class JxcSaleOrder(models.Model):
    """销售订单: confirming reserves every line in one atomic step."""

    _name = "jxc.sale.order"
    _description = "Sale Order"
    _inherit = ["jxc.order.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_order desc, id desc"
    _check_company_auto = True
    _jxc_sequence_code = "jxc.sale.order"
    _jxc_mail_template = "jxc_sales.mail_template_jxc_sale_order"
    _jxc_open_quantity = "qty_to_deliver"
    _jxc_locked_writable = ("notes", "user_id", "origin", "client_order_ref", "commitment_date")
    _jxc_posted_states = ("confirmed", "done", "cancel")

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    partner_shipping_id = fields.Many2one(
        "res.partner",
        string="Delivery Address",
        compute="_compute_partner_shipping_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    date_order = fields.Datetime(
        string="Order Date", required=True, default=fields.Datetime.now, tracking=True
    )
    date_confirm = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    commitment_date = fields.Datetime(string="Delivery Date")
    warehouse_id = fields.Many2one(
        "jxc.stock.warehouse",
        required=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env["jxc.stock.picking"]._default_warehouse_id(),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        compute="_compute_pricelist_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        tracking=True,
        help="Prices of new lines come from this pricelist.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    payment_term_days = fields.Integer(
        string="Payment Terms (Days)",
        tracking=True,
        help="Days after confirmation the customer pays (账期).",
    )
    origin = fields.Char(string="Source Document")
    client_order_ref = fields.Char(string="Customer Reference")
    notes = fields.Html()
    state = fields.Selection(
        [
            ("draft", "Quotation"),
            ("confirmed", "Confirmed"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many("jxc.sale.order.line", "order_id", string="Lines", copy=True)
    picking_ids = fields.One2many("jxc.stock.picking", "sale_id", string="Deliveries")
    # Counted as superuser: who reads orders without the stock documents sees the count.
    picking_count = fields.Integer(compute="_compute_picking_count", compute_sudo=True)
    amount_untaxed = fields.Monetary(compute="_compute_amounts", store=True, tracking=True)
    amount_tax = fields.Monetary(string="Tax", compute="_compute_amounts", store=True)
    amount_total = fields.Monetary(string="Total", compute="_compute_amounts", store=True)
    amount_total_company = fields.Monetary(
        string="Total (Company Currency)",
        compute="_compute_amounts",
        store=True,
        currency_field="company_currency_id",
    )
    margin = fields.Monetary(
        compute="_compute_margin",
        currency_field="company_currency_id",
        groups="jxc_stock.group_jxc_cost",
        help="Untaxed sales minus cost (average cost, or the cost of what was delivered).",
    )
    margin_percent = fields.Float(
        string="Margin (%)", compute="_compute_margin", groups="jxc_stock.group_jxc_cost"
    )
    delivery_status = fields.Selection(
        [
            ("none", "Nothing Delivered"),
            ("partial", "Partially Delivered"),
            ("full", "Fully Delivered"),
        ],
        compute="_compute_delivery_status",
    )
    has_shortage = fields.Boolean(
        compute="_compute_has_shortage", help="Some lines lack stock in the warehouse."
    )

    @api.depends("partner_id")
    def _compute_partner_shipping_id(self):
        for order in self:
            order.partner_shipping_id = (
                order.partner_id.address_get(["delivery"])["delivery"]
                if order.partner_id
                else False
            )

    @api.depends("partner_id", "company_id")
    def _compute_pricelist_id(self):
        for order in self:
            if order.partner_id:
                order.pricelist_id = order.partner_id.with_company(
                    order.company_id
                ).property_product_pricelist
            elif not order.pricelist_id:
                order.pricelist_id = False

    @api.depends("pricelist_id", "company_id")
    def _compute_currency_id(self):
        for order in self:
            order.currency_id = order.pricelist_id.currency_id or order.company_id.currency_id

    @api.depends("line_ids.margin")
    def _compute_margin(self):
        for order in self:
            order.margin = sum(order.line_ids.mapped("margin"))
            untaxed = order._to_company_currency(order.amount_untaxed)
            order.margin_percent = 100.0 * order.margin / untaxed if untaxed else 0.0

    @api.depends("line_ids.qty_delivered", "line_ids.qty_to_deliver")
    def _compute_delivery_status(self):
        for order in self:
            if not any(order.line_ids.mapped("qty_delivered")):
                order.delivery_status = "none"
            elif all(line.qty_to_deliver <= 0 for line in order.line_ids):
                order.delivery_status = "full"
            else:
                order.delivery_status = "partial"

    @api.depends("line_ids.available_quantity", "line_ids.quantity", "state")
    def _compute_has_shortage(self):
        for order in self:
            order.has_shortage = order.state == "draft" and any(
                line.quantity > line.available_quantity
                for line in order.line_ids
                if line.product_id
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_confirm(self):
        """Reserve every line in one atomic step, then create the draft delivery."""
        self._check_action_rights()
        self._check_customer_rights()
        for order in self:
            order._check_confirmable()
        return self._action_confirm()

    def action_cancel(self):
        """Release what is still reserved; delivered goods stay delivered."""
        self._check_action_rights()
        for order in self:
            if order.state in ("done", "cancel"):
                raise UserError(_("%s is already closed.", order.name))
        return self._action_cancel()

    def action_draft(self):
        """Back to quotation: cancelled orders that never delivered anything."""
        self._check_action_rights()
        return self._action_draft()

    def _action_confirm(self):
        for order in self:
            order._reserve()
            order._jxc_write({"state": "confirmed", "date_confirm": fields.Datetime.now()})
            order._create_delivery()
        return True

    def _action_cancel(self):
        for order in self:
            if order.state == "confirmed":
                # Sales staff cancel orders; the draft deliveries go with them.
                order.sudo().picking_ids.filtered(lambda p: p.state == "draft")._action_cancel()
                self.env["jxc.stock.reservation"]._release_demand(
                    order.line_ids._name, order.line_ids.ids
                )
                order.line_ids.invalidate_recordset(["qty_reserved", "qty_shortage"])
                for line in order.line_ids:
                    line.with_context(**internal_context()).qty_cancelled = max(
                        line.quantity - line.qty_delivered, 0.0
                    )
                delivered = any(order.line_ids.mapped("qty_delivered"))
                order._jxc_write({"state": "done" if delivered else "cancel"})
                if delivered:
                    order._message_log(body=_("The part not yet delivered was cancelled."))
            else:
                order._jxc_write({"state": "cancel"})
        return True

    def _action_draft(self):
        orders = self.filtered(
            lambda o: (
                o.state == "cancel" and not o.picking_ids.filtered(lambda p: p.state == "done")
            )
        )
        orders.line_ids.with_context(**internal_context()).qty_cancelled = 0.0
        orders._jxc_write({"state": "draft"})
        return True

    def action_view_deliveries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "jxc_stock.jxc_stock_picking_action_all"
        )
        action["domain"] = [("sale_id", "=", self.id)]
        action["context"] = {}
        if len(self.picking_ids) == 1:
            action.update(res_id=self.picking_ids.id, view_mode="form", views=[(False, "form")])
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_customer_rights(self):
        """Salespeople limited to their own documents sell only to the customers whose
        salesperson they are and to those without one."""
        if self.env.su:
            return
        for order in self:
            if not order.partner_id.jxc_sales_allowed:
                raise AccessError(
                    _(
                        "%(order)s: %(customer)s is a customer of %(salesperson)s. You sell to "
                        "your own customers and to those without a salesperson.",
                        order=order.name,
                        customer=order.partner_id.display_name,
                        salesperson=order.partner_id.commercial_partner_id.user_id.name,
                    )
                )

    def _check_confirmable(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("%s is already confirmed: it is never reserved twice.", self.name))
        if not self.line_ids:
            raise UserError(_("%s has no lines to confirm.", self.name))
        for number, line in enumerate(self.line_ids, start=1):
            if line.product_id.type != "consu":
                raise UserError(
                    _(
                        "%(order)s, line %(line)s: %(product)s is not a good.",
                        order=self.name,
                        line=number,
                        product=line.product_id.display_name,
                    )
                )

    def _reserve(self):
        """One call to jxc_stock's reservation API for all lines (atomic)."""
        self.ensure_one()
        mode = "partial" if self.company_id.jxc_sale_shortage_policy == "allow" else "all"
        requests = [
            {
                "product_id": line.product_id.id,
                "warehouse_id": self.warehouse_id.id,
                "quantity": line._base_quantity(),
                "res_model": line._name,
                "res_id": line.id,
                "name": f"{self.name}: {line.product_id.display_name}",
            }
            for line in self.line_ids
        ]
        reservations = self.env["jxc.stock.reservation"]._reserve(requests, mode=mode)
        self.line_ids.invalidate_recordset(["qty_reserved", "qty_shortage"])
        return reservations

    def _create_delivery(self, lines=None):
        """A draft 销售出库单 for what is still to deliver, one line per reserved lot."""
        self.ensure_one()
        lines = (lines or self.line_ids).filtered(lambda ln: ln.qty_to_deliver > 0)
        if not lines:
            return self.env["jxc.stock.picking"]
        commands = []
        for line in lines:
            commands += [Command.create(vals) for vals in line._prepare_delivery_lines()]
        return self._create_stock_document(
            {
                "picking_type": "sale_out",
                "warehouse_id": self.warehouse_id.id,
                "company_id": self.company_id.id,
                "partner_id": self.partner_shipping_id.id or self.partner_id.id,
                "sale_id": self.id,
                "origin": self.name,
                "date": self.commitment_date or fields.Datetime.now(),
                "line_ids": commands,
            }
        )


class JxcSaleOrderLine(models.Model):
    _name = "jxc.sale.order.line"
    _description = "Sale Order Line"
    _inherit = ["jxc.order.line.mixin"]
    _order = "order_id, sequence, id"
    _check_company_auto = True
    _jxc_locked_writable = ("name", "sequence")

    order_id = fields.Many2one("jxc.sale.order", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="order_id.currency_id", store=True)
    company_currency_id = fields.Many2one(related="order_id.company_currency_id")
    partner_id = fields.Many2one(related="order_id.partner_id", store=True, string="Customer")
    user_id = fields.Many2one(related="order_id.user_id", store=True, string="Salesperson")
    warehouse_id = fields.Many2one(related="order_id.warehouse_id", store=True)
    state = fields.Selection(related="order_id.state", store=True)
    date_order = fields.Datetime(related="order_id.date_order", store=True)
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
    price_subtotal = fields.Monetary(string="Subtotal", compute="_compute_amounts", store=True)
    price_tax = fields.Monetary(string="Tax Amount", compute="_compute_amounts", store=True)
    price_total = fields.Monetary(string="Total", compute="_compute_amounts", store=True)
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
        help="Shipped on posted deliveries, in the line's unit.",
    )
    qty_returned = fields.Float(
        string="Returned",
        digits="Product Unit of Measure",
        compute="_compute_qty_delivered",
        store=True,
        help="Came back on posted sale returns.",
    )
    qty_cancelled = fields.Float(
        string="Cancelled", digits="Product Unit of Measure", readonly=True, copy=False
    )
    qty_to_deliver = fields.Float(
        string="To Deliver",
        digits="Product Unit of Measure",
        compute="_compute_qty_to_deliver",
        store=True,
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

    @api.depends("product_id", "quantity", "uom_id", "order_id.pricelist_id")
    def _compute_price_unit(self):
        # One pricelist evaluation per (order, quantity, unit) for all its products.
        groups = defaultdict(self.browse)
        for line in self:
            if not line.product_id:
                line.price_unit = 0.0
                continue
            groups[(line.order_id, line.quantity or 1.0, line.uom_id)] |= line
        for (order, quantity, uom), lines in groups.items():
            date = order.date_order or fields.Datetime.now()
            if order.pricelist_id:
                prices = order.pricelist_id._compute_price_rule(
                    lines.product_id, quantity, currency=order.currency_id, uom=uom, date=date
                )
                for line in lines:
                    line.price_unit = prices[line.product_id.id][0]
                continue
            for line in lines:
                price = line.product_id.uom_id._compute_price(line.product_id.lst_price, uom)
                line.price_unit = (
                    order.company_id.currency_id._convert(
                        price, order.currency_id, order.company_id, date.date(), round=False
                    )
                    if order.currency_id and order.company_id
                    else price
                )

    def _get_discount(self):
        return self.discount or 0.0

    @api.depends("discount")
    def _compute_amounts(self):
        return super()._compute_amounts()

    @api.depends("product_id", "uom_id", "order_id.warehouse_id")
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
            line.available_quantity = line.product_id.uom_id._compute_quantity(
                available, line.uom_id or line.product_id.uom_id, round=False
            )

    @api.depends("delivery_line_ids.state", "delivery_line_ids.move_ids.quantity")
    def _compute_qty_delivered(self):
        for line in self:
            delivered = returned = 0.0
            for dl in line.delivery_line_ids.filtered(lambda d: d.state == "done"):
                posted = line.product_id.uom_id._compute_quantity(
                    sum(dl.move_ids.mapped("quantity")), line.uom_id, round=False
                )
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
            line.qty_reserved = line.product_id.uom_id._compute_quantity(
                qty, line.uom_id, round=False
            )
            line.qty_shortage = line.product_id.uom_id._compute_quantity(
                short, line.uom_id, round=False
            )

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
            line.cost_unit = (
                line.product_id.uom_id._compute_price(base_cost, line.uom_id)
                if line.product_id
                else 0.0
            )
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
                        discount=line.discount,
                    )
                )
        return res

    @api.onchange("product_id", "quantity", "uom_id")
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
                        needed=needed,
                        uom=self.uom_id.name,
                        available=self.available_quantity,
                        warehouse=self.order_id.warehouse_id.display_name,
                    ),
                }
            }
        return None

    def _settle_reservations(self):
        """After a delivery: what a line still holds or lacks never exceeds what is left to
        deliver (shortages met from stock that arrived later are cleared)."""
        Reservation = self.env["jxc.stock.reservation"].sudo()
        for line in self:
            reservations = Reservation.search(
                [
                    ("res_model", "=", line._name),
                    ("res_id", "=", line.id),
                    ("state", "=", "open"),
                ]
            )
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
        shipped = -sum(
            self.sudo()
            .delivery_line_ids.filtered(
                lambda d: d.state == "done" and d.picking_type == "sale_out"
            )
            .move_ids.mapped("quantity")
        )
        return self._base_quantity(self.quantity - self.qty_cancelled) - shipped

    def _prepare_delivery_lines(self):
        """Delivery lines for what is left to deliver: one per reserved lot (FEFO)."""
        self.ensure_one()
        base_left = self._base_quantity(self.qty_to_deliver)
        reservations = (
            self.env["jxc.stock.reservation"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("state", "=", "open"),
                    ("quantity", ">", 0),
                ],
                order="id",
            )
        )
        common = {"product_id": self.product_id.id, "name": self.name, "sale_line_id": self.id}
        if self.product_id.tracking == "none" or not reservations:
            return [dict(common, quantity=self.qty_to_deliver, uom_id=self.uom_id.id)]
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
