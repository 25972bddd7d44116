# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.jxc_stock.utils import internal_context

from .jxc_purchase_order import PRICE_GROUPS

PURCHASE_TYPES = ("purchase_in", "purchase_return")


class JxcStockPicking(models.Model):
    """采购入库单 (``purchase_in``) and 采购退货单 (``purchase_return``)."""

    _inherit = "jxc.stock.picking"

    picking_type = fields.Selection(
        selection_add=[("purchase_in", "Purchase Receipt"), ("purchase_return", "Purchase Return")],
        # Uninstalling purchase keeps its documents, as the core types that move goods the
        # same way.
        ondelete={
            "purchase_in": lambda pickings: pickings._keep_as_type("in"),
            "purchase_return": lambda pickings: pickings._keep_as_type("out"),
        },
    )
    purchase_id = fields.Many2one(
        "jxc.purchase.order",
        string="Purchase Order",
        readonly=True,
        index="btree_not_null",
        copy=True,
        check_company=True,
    )
    cancel_backorder = fields.Boolean(
        string="No Backorder",
        help="Receipts: close the rest of the order line instead of waiting for it.",
    )
    purchase_amount_total = fields.Monetary(
        string="Purchase Value",
        compute="_compute_purchase_amount_total",
        groups=PRICE_GROUPS,
        help="Receipts and purchase returns: the lines at the order's prices, in company "
        "currency (the value that enters or leaves stock).",
    )

    @api.depends("line_ids.purchase_value")
    def _compute_purchase_amount_total(self):
        for picking in self:
            picking.purchase_amount_total = sum(picking.line_ids.mapped("purchase_value"))

    @api.model
    def _get_picking_types(self):
        types = super()._get_picking_types()
        # Receipts and returns: the warehouse, or purchase staff of small companies.
        groups = ("jxc_stock.group_jxc_stock_user", "jxc_purchase.group_jxc_purchase_user")
        types.update(
            {
                "purchase_in": {
                    "direction": "in",
                    "post_groups": groups,
                    "manual": False,
                    "cancel_by_hand": False,
                },
                "purchase_return": {"direction": "out", "post_groups": groups, "manual": False},
            }
        )
        return types

    def _should_create_backorder_purchase_in(self):
        return bool(self.purchase_id) and not self.cancel_backorder

    def _check_can_post_purchase_in(self):
        self._check_order_lines("purchase_id", "purchase_line_id")
        self._check_receipt_quantities()

    def _check_can_post_purchase_return(self):
        self._check_return_quantities()

    def _set_quantities_done_in_full(self):
        # A receipt line where only rejected quantities were entered is edited.
        if self.picking_type == "purchase_in" and any(
            not float_is_zero(line.quantity_rejected, precision_rounding=line.uom_id.rounding)
            for line in self.line_ids
        ):
            return
        return super()._set_quantities_done_in_full()

    def _after_post_purchase_in(self, lines):
        order = self.sudo().purchase_id
        if order and self.cancel_backorder:
            for line in self.sudo().line_ids.purchase_line_id:
                line.with_context(**internal_context()).qty_cancelled = max(
                    line.quantity - line._qty_received_exact(), 0.0
                )
        order._check_done()

    def _check_can_reverse_purchase_in(self):
        landed = (
            self.env["jxc.purchase.landed.cost"]
            .sudo()
            .search([("picking_ids", "in", self.ids), ("state", "=", "posted")], limit=1)
        )
        if landed:
            raise UserError(
                _(
                    "%(receipt)s carries the posted landed cost %(cost)s: reverse it first.",
                    receipt=self.name,
                    cost=landed.name,
                )
            )

    def action_create_landed_cost(self):
        """采购费用分摊 entered on the receipt: a new landed cost of these posted purchase
        receipts (purchase managers, who may create landed costs)."""
        self.env["jxc.purchase.landed.cost"].check_access("create")
        self.check_access("read")
        if not self or any(
            p.picking_type != "purchase_in" or p.state != "done" or p.is_reversal for p in self
        ):
            raise UserError(_("Landed costs are entered on posted purchase receipts only."))
        if len(self.company_id) > 1:
            raise UserError(_("The receipts of one landed cost belong to one company."))
        return {
            "type": "ir.actions.act_window",
            "name": _("Landed Cost"),
            "res_model": "jxc.purchase.landed.cost",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_picking_ids": [Command.set(self.ids)],
                "default_company_id": self.company_id.id,
            },
        }

    def action_create_return(self):
        """A draft 采购退货单 for what can still go back from this receipt."""
        self.ensure_one()
        if self.picking_type != "purchase_in" or self.state != "done":
            raise UserError(_("Only posted purchase receipts can be returned."))
        self._check_post_rights()
        picking = self._create_return("purchase_return", {"purchase_id": self.purchase_id.id})
        return picking._get_action_view()

    def _check_receipt_quantities(self):
        """Accepted quantities may not exceed ordered + the company's tolerance."""
        tolerance = self.company_id.jxc_receipt_tolerance / 100.0
        # Nothing entered on any line: each posts its planned quantity (once, not per line).
        in_full = not any(ln.quantity_done or ln.quantity_rejected for ln in self.line_ids)
        for number, line in enumerate(self.line_ids, start=1):
            # Stock staff post receipts without access to purchase orders: read as sudo.
            order_line = line.sudo().purchase_line_id
            if (
                float_compare(line.quantity_rejected, 0, precision_rounding=line.uom_id.rounding)
                < 0
            ):
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s: the rejected quantity cannot be negative.",
                        doc=self.name,
                        line=number,
                    )
                )
            if line.quantity_rejected and not line.reject_reason:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s (%(product)s): give the reason for "
                        "rejecting %(qty)s.",
                        doc=self.name,
                        line=number,
                        product=line.product_id.display_name,
                        qty=line._format_quantity(line.quantity_rejected),
                    )
                )
            if not order_line:
                continue
            done = line.quantity_done or (line.quantity if in_full else 0.0)
            # Rejected goods go back and are owed again: only accepted quantities count.
            incoming = order_line._qty_from_base(line._qty_to_base(done))
            already = order_line.qty_received
            limit = order_line.quantity * (1 + tolerance)
            if (
                float_compare(
                    already + incoming, limit, precision_rounding=order_line.uom_id.rounding
                )
                > 0
            ):
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s (%(product)s): receiving %(qty)s %(uom)s would "
                        "bring %(total)s of %(ordered)s ordered, more than the %(tolerance)s%% "
                        "tolerance allows.",
                        doc=self.name,
                        line=number,
                        product=line.product_id.display_name,
                        qty=line._format_number(done),
                        uom=line._unit_name(),
                        total=order_line._format_number(already + incoming),
                        ordered=order_line._format_quantity(order_line.quantity),
                        tolerance=tolerance * 100,
                    )
                )
