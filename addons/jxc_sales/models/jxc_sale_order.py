# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from odoo.addons.jxc_stock.utils import internal_context, is_rpc_call


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
    _jxc_grid_product_flag = "sale_ok"
    _jxc_open_picking_type = "sale_out"
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
    jxc_can_choose_pricelist = fields.Boolean(
        string="Can Choose Pricelists", compute="_compute_jxc_can_choose_pricelist"
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
        if is_rpc_call(self._name, "action_confirm"):
            # Reserving locks the products' quants: wait for their turn first (no retries).
            self.env["jxc.stock.quant"]._take_turn(self.line_ids.product_id)
        for order in self:
            order._check_confirmable()
        below = {order: order._get_lines_below_price_guard() for order in self}
        self._check_price_guard_rights(below)
        res = self._action_confirm()
        for order, problems in below.items():
            if problems:
                order._message_log(
                    body=_(
                        "Confirmed by %(user)s, a sales manager, with prices below the guard: "
                        "%(lines)s",
                        user=self.env.user.name,
                        lines="; ".join(problems),
                    )
                )
        return res

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
                    delivered = line._qty_from_base(line._base_posted("sale_out"))
                    line.with_context(**internal_context()).qty_cancelled = max(
                        line.quantity - delivered, 0.0
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
        return self._action_view_pickings()

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

    def _get_lines_below_price_guard(self, lines=None):
        """What confirming this order below its price guard means, line by line (all lines,
        or ``lines`` of it): a price of zero, below the product's minimum sale price (最低售价)
        or below its average cost; the net unit price without tax, per base unit, in the
        company's currency."""
        self.ensure_one()
        currency = self.company_id.currency_id
        lines = self.line_ids if lines is None else lines
        costs = (
            self.env["jxc.stock.valuation"]
            .sudo()
            ._get_average_costs(lines.product_id, self.company_id)
        )
        problems = []
        for number, line in enumerate(self.line_ids, start=1):
            if line not in lines:
                continue
            base_qty = line._base_quantity()
            if not line.product_id or base_qty <= 0:
                continue
            net = self._to_company_currency(line.price_subtotal) / base_qty
            minimum = line.product_id.sudo().jxc_min_sale_price
            label = _(
                "line %(line)s (%(product)s)", line=number, product=line.product_id.display_name
            )
            if currency.is_zero(net):
                problems.append(_("%s: free of charge", label))
            elif minimum and currency.compare_amounts(net, minimum) < 0:
                problems.append(
                    _(
                        "%(line)s: %(price)s, below the minimum sale price %(minimum)s",
                        line=label,
                        price=currency.format(net),
                        minimum=currency.format(minimum),
                    )
                )
            elif currency.compare_amounts(net, costs.get(line.product_id.id, 0.0)) < 0:
                problems.append(_("%s: below cost", label))
        return problems

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        if any("pricelist_id" in vals for vals in vals_list):
            orders._check_pricelist_rights()
        return orders

    def write(self, vals):
        res = super().write(vals)
        if "pricelist_id" in vals:
            self._check_pricelist_rights()
        return res

    @api.depends_context("uid")
    def _compute_jxc_can_choose_pricelist(self):
        self.jxc_can_choose_pricelist = not self.env["res.partner"]._jxc_pricelist_guarded()

    def _check_pricelist_rights(self):
        """Customer-level prices (客户等级价) are the customer's pricelist: only sales managers
        price an order with another one."""
        if not self.env["res.partner"]._jxc_pricelist_guarded():
            return
        for order in self:
            partner = order.partner_id.with_company(order.company_id)
            if order.partner_id and order.pricelist_id != partner.property_product_pricelist:
                raise AccessError(
                    _(
                        "%(order)s: only sales managers can price an order with another "
                        "pricelist than the customer's (%(pricelist)s).",
                        order=order.display_name,
                        pricelist=partner.property_product_pricelist.display_name or "-",
                    )
                )

    def _check_price_guard_rights(self, below):
        """Below the price guard, only sales managers confirm (``below``: order → problems)."""
        if self.env.su or self.env.user.has_group("jxc_sales.group_jxc_sales_manager"):
            return
        for order, problems in below.items():
            if problems:
                raise UserError(
                    _(
                        "%(order)s: a sales manager must confirm it, its prices are below the "
                        "guard: %(lines)s",
                        order=order.name,
                        lines="; ".join(problems),
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
        tracked = lines.filtered(lambda ln: ln.product_id.tracking != "none")
        reservations = tracked._open_reservations(held=True, order="id")  # oldest first
        commands = []
        for line in lines:
            commands += [
                Command.create(vals)
                for vals in line._prepare_delivery_lines(reservations.get(line.id))
            ]
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
