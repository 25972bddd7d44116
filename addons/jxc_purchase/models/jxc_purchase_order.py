# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tools import float_compare

from odoo.addons.jxc_stock.utils import form_action, internal_context

# Purchase prices: purchase staff and whoever may see costs; not stock or sales staff.
PRICE_GROUPS = "jxc_purchase.group_jxc_purchase_user,jxc_stock.group_jxc_cost"


class JxcPurchaseOrder(models.Model):
    """采购订单."""

    _name = "jxc.purchase.order"
    _description = "Purchase Order"
    _inherit = ["jxc.order.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_order desc, id desc"
    _check_company_auto = True
    _jxc_sequence_code = "jxc.purchase.order"
    _jxc_mail_template = "jxc_purchase.mail_template_jxc_purchase_order"
    _jxc_open_quantity = "qty_to_receive"
    _jxc_grid_product_flag = "purchase_ok"
    _jxc_open_picking_type = "purchase_in"
    _jxc_locked_writable = ("notes", "user_id", "origin", "date_planned")

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    date_order = fields.Datetime(
        string="Order Date", required=True, default=fields.Datetime.now, tracking=True
    )
    date_planned = fields.Datetime(
        string="Expected Date",
        tracking=True,
        help="When the goods should arrive; receipts after it count as late.",
    )
    date_approve = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    approved_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        help="The purchase manager who approved an order above the approval amount.",
    )
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
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        tracking=True,
        default=lambda self: self.env.company.currency_id,
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    payment_term_days = fields.Integer(
        string="Payment Terms (Days)",
        compute="_compute_payment_term_days",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Days after receipt the supplier is to be paid (账期); starts as the supplier's "
        "payment days.",
    )
    user_id = fields.Many2one(
        "res.users", string="Buyer", default=lambda self: self.env.user, tracking=True
    )
    origin = fields.Char(string="Source Document")
    from_shortage = fields.Boolean(
        string="From Shortages",
        readonly=True,
        copy=False,
        help="Created automatically from recorded shortages (以销定采).",
    )
    notes = fields.Html()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
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
    line_ids = fields.One2many("jxc.purchase.order.line", "order_id", string="Lines", copy=True)
    picking_ids = fields.One2many("jxc.stock.picking", "purchase_id", string="Receipts")
    # Counted as superuser: who reads orders without the stock documents sees the count.
    picking_count = fields.Integer(compute="_compute_picking_count", compute_sudo=True)
    amount_untaxed = fields.Monetary(
        compute="_compute_amounts", store=True, tracking=True, groups=PRICE_GROUPS
    )
    amount_tax = fields.Monetary(
        string="Tax", compute="_compute_amounts", store=True, groups=PRICE_GROUPS
    )
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amounts", store=True, groups=PRICE_GROUPS
    )
    amount_total_company = fields.Monetary(
        string="Total (Company Currency)",
        compute="_compute_amounts",
        store=True,
        currency_field="company_currency_id",
        groups=PRICE_GROUPS,
    )
    is_late = fields.Boolean(compute="_compute_is_late", search="_search_is_late")
    receipt_status = fields.Selection(
        [
            ("none", "Nothing Received"),
            ("partial", "Partially Received"),
            ("full", "Fully Received"),
        ],
        compute="_compute_receipt_status",
    )

    @api.depends("date_planned", "state", "line_ids.qty_to_receive")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for order in self:
            order.is_late = bool(
                order.state == "confirmed"
                and order.date_planned
                and order.date_planned < now
                and any(line.qty_to_receive > 0 for line in order.line_ids)
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on late orders."))
        late = [
            ("state", "=", "confirmed"),
            ("date_planned", "<", fields.Datetime.now()),
            ("line_ids.qty_to_receive", ">", 0),
        ]
        return late if (operator == "=") == value else ["!", "&", *late]

    @api.depends("line_ids.qty_received", "line_ids.quantity")
    def _compute_receipt_status(self):
        for order in self:
            received = [line.qty_received for line in order.line_ids]
            if not any(received):
                order.receipt_status = "none"
            elif all(line.qty_to_receive <= 0 for line in order.line_ids):
                order.receipt_status = "full"
            else:
                order.receipt_status = "partial"

    @api.depends("partner_id")
    def _compute_payment_term_days(self):
        for order in self:
            order.payment_term_days = order.partner_id.commercial_partner_id.jxc_payment_days

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        for line in self.line_ids:
            line._compute_price_unit()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_confirm(self):
        """Confirm, or send for approval above the company's approval amount."""
        self._check_action_rights()
        for order in self:
            order._check_confirmable()
        return self._action_confirm()

    def action_approve(self):
        if not self.env.su and not self.env.user.has_group(
            "jxc_purchase.group_jxc_purchase_manager"
        ):
            raise AccessError(_("Only purchase managers can approve purchase orders."))
        self._check_action_rights()
        for order in self:
            if order.state != "to_approve":
                raise UserError(_("%s is not waiting for approval.", order.name))
        return self._action_approve()

    def _action_confirm(self):
        for order in self:
            limit = order.company_id.jxc_po_approval_amount
            needs_approval = (
                limit > 0
                and order.company_id.currency_id.compare_amounts(order.amount_total_company, limit)
                > 0
                and not self.env.user.has_group("jxc_purchase.group_jxc_purchase_manager")
            )
            if needs_approval:
                order._jxc_write({"state": "to_approve"})
                order._notify_approvers()
            else:
                order._confirm()
        return True

    def _action_approve(self):
        for order in self:
            order._confirm()
            order._message_log(body=_("Approved by %s.", self.env.user.name))
        return True

    def _action_cancel(self):
        for order in self:
            if order.state == "confirmed":
                order.sudo().picking_ids.filtered(lambda p: p.state == "draft")._action_cancel()
                for line in order.line_ids:
                    line.with_context(**internal_context()).qty_cancelled = max(
                        line.quantity - line._qty_received_exact(), 0.0
                    )
                received = any(line.qty_received for line in order.line_ids)
                order._jxc_write({"state": "done" if received else "cancel"})
                if received:
                    order._message_log(body=_("The part not yet received was cancelled."))
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

    def action_view_receipts(self):
        return self._action_view_pickings()

    def action_merge(self):
        """Merge draft orders of the same supplier, warehouse and currency into the oldest."""
        self._check_action_rights()
        orders = self.filtered(lambda o: o.state == "draft")
        if len(orders) < 2:
            raise UserError(_("Select at least two draft purchase orders to merge."))
        keys = {(o.partner_id, o.warehouse_id, o.currency_id, o.company_id) for o in orders}
        if len(keys) > 1:
            raise UserError(
                _("Only orders of the same supplier, warehouse and currency can be merged.")
            )
        target = orders.sorted("id")[0]
        others = orders - target
        for line in others.line_ids:
            same = target.line_ids.filtered(
                lambda ln, l2=line: (
                    ln.product_id == l2.product_id
                    and ln._same_unit(l2)
                    and ln.price_unit == l2.price_unit
                    and ln.tax_rate == l2.tax_rate
                )
            )[:1]
            if same:
                # Keep the negotiated price: a quantity change would recompute it.
                same.write(
                    {"quantity": same.quantity + line.quantity, "price_unit": same.price_unit}
                )
            else:
                line.copy({"order_id": target.id})
        target.origin = ", ".join(filter(None, [target.origin, *others.mapped("name")]))
        others._action_cancel()
        for other in others:
            other._message_log(body=_("Merged into %s.", target._get_html_link()))
        target._message_log(body=_("Merged from %s.", ", ".join(others.mapped("name"))))
        return form_action(self._name, target.id)

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _check_confirmable(self):
        self.ensure_one()
        if self.state not in ("draft",):
            raise UserError(_("%s is not a draft: it cannot be confirmed again.", self.name))
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

    def _confirm(self):
        self.ensure_one()
        self._jxc_write(
            {
                "state": "confirmed",
                "date_approve": fields.Datetime.now(),
                "approved_by_id": self.env.user.id if self.state == "to_approve" else False,
                "date_planned": self.date_planned or self._default_date_planned(),
            }
        )
        self._create_receipt()

    def _default_date_planned(self):
        """Order date + the longest delivery lead time this supplier gives for the lines;
        no date when the supplier gives none (the order is then never late)."""
        sellers = self.line_ids.product_id.seller_ids.filtered(
            lambda s: s.partner_id == self.partner_id and s.delay
        )
        if not sellers:
            return False
        return (self.date_order or fields.Datetime.now()) + timedelta(
            days=max(sellers.mapped("delay"))
        )

    def _create_receipt(self, lines=None):
        """A draft 采购入库单 for what is still to receive on ``lines`` (default: all)."""
        self.ensure_one()
        lines = (lines or self.line_ids).filtered(lambda ln: ln.qty_to_receive > 0)
        if not lines:
            return self.env["jxc.stock.picking"]
        return self._create_stock_document(
            {
                "picking_type": "purchase_in",
                "warehouse_id": self.warehouse_id.id,
                "company_id": self.company_id.id,
                "partner_id": self.partner_id.id,
                "purchase_id": self.id,
                "origin": self.name,
                "date": self.date_planned or fields.Datetime.now(),
                "line_ids": [Command.create(line._prepare_receipt_line()) for line in lines],
            }
        )

    def _notify_approvers(self):
        managers = self.env.ref("jxc_purchase.group_jxc_purchase_manager").users.filtered(
            lambda u: u.active and not u.share and self.company_id in u.company_ids
        )
        for manager in managers:
            # As superuser: mail then notifies the approver without asking the submitter for
            # an e-mail address (staff of small companies often have none).
            self.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_(
                    "Approve %(order)s (%(amount)s)", order=self.name, amount=self.amount_total
                ),
                user_id=manager.id,
            )

    @api.model
    def _cron_purchase_shortages(self):
        """以销定采: draft orders for shortages not yet covered, per company that wants it."""
        for company in self.env["res.company"].search([("jxc_auto_purchase_shortage", "=", True)]):
            self.with_company(company).sudo()._purchase_shortages(company)
        return True

    @api.model
    def _purchase_shortages(self, company):
        """Cover open shortages minus confirmed incoming and earlier automatic drafts."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT r.product_id, r.warehouse_id, SUM(r.shortage_quantity)
              FROM jxc_stock_reservation r
             WHERE r.state = 'open' AND r.shortage_quantity > 0 AND r.company_id = %s
             GROUP BY r.product_id, r.warehouse_id
            """,
            [company.id],
        )
        shortages = {(p, w): float(q) for p, w, q in self.env.cr.fetchall()}
        if not shortages:
            return self.browse()
        Product = self.env["product.product"]
        Warehouse = self.env["jxc.stock.warehouse"]
        products = Product.browse({p for p, _w in shortages})
        warehouses = Warehouse.browse({w for _p, w in shortages})
        covered = self.env["jxc.purchase.order.line"]._get_incoming_by_key(products, warehouses)
        drafts = self.env["jxc.purchase.order.line"].search(
            [
                ("order_id.from_shortage", "=", True),
                ("state", "in", ("draft", "to_approve")),
                ("product_id", "in", products.ids),
                ("company_id", "=", company.id),
            ]
        )
        for line in drafts:
            covered[(line.product_id.id, line.order_id.warehouse_id.id)] += line._base_quantity(
                line.quantity
            )
        groups = defaultdict(list)
        for (product_id, warehouse_id), shortage in shortages.items():
            product = Product.browse(product_id)
            need = shortage - covered.get((product_id, warehouse_id), 0.0)
            if float_compare(need, 0, precision_rounding=product.uom_id.rounding) <= 0:
                continue
            supplier = product._get_jxc_preferred_supplier()
            if supplier:
                groups[(supplier, warehouse_id)].append((product, need))
        orders = self.browse()
        for (supplier, warehouse_id), needs in groups.items():
            orders |= self._jxc_create(
                {
                    "partner_id": supplier.id,
                    "warehouse_id": warehouse_id,
                    "company_id": company.id,
                    "from_shortage": True,
                    "origin": _("Shortages (以销定采)"),
                    "line_ids": [
                        Command.create(
                            {"product_id": product.id, "quantity": qty, "uom_id": product.uom_id.id}
                        )
                        for product, qty in needs
                    ],
                }
            )
        users = self.env.ref("jxc_purchase.group_jxc_purchase_user").users.filtered(
            lambda u: u.active and not u.share and company in u.company_ids
        )
        for order in orders:
            for user in users:
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=_("Draft purchase order from shortages: check and confirm"),
                )
        return orders
