# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import float_compare, float_is_zero


class JxcStockPicking(models.Model):
    """采购入库单 (``purchase_in``) and 采购退货单 (``purchase_return``)."""

    _inherit = "jxc.stock.picking"

    picking_type = fields.Selection(
        selection_add=[("purchase_in", "Purchase Receipt"), ("purchase_return", "Purchase Return")],
        ondelete={"purchase_in": "cascade", "purchase_return": "cascade"},
    )
    purchase_id = fields.Many2one(
        "jxc.purchase.order",
        string="Purchase Order",
        readonly=True,
        index="btree_not_null",
        copy=True,
        check_company=True,
    )
    return_of_id = fields.Many2one(
        "jxc.stock.picking",
        string="Return Of",
        readonly=True,
        index="btree_not_null",
        help="The purchase receipt these goods go back from.",
    )
    cancel_backorder = fields.Boolean(
        string="No Backorder",
        help="Receipts: close the rest of the order line instead of waiting for it.",
    )

    def _get_direction(self):
        if self.picking_type == "purchase_in":
            return "in"
        if self.picking_type == "purchase_return":
            return "out"
        return super()._get_direction()

    def _get_move_type(self, direction):
        if self.picking_type in ("purchase_in", "purchase_return"):
            return self.picking_type
        return super()._get_move_type(direction)

    def _should_create_backorder(self):
        if self.picking_type == "purchase_in" and self.purchase_id:
            return not self.cancel_backorder
        return super()._should_create_backorder()

    def _get_origin_move(self, line):
        if self.picking_type == "purchase_return" and line.return_of_line_id:
            return line.return_of_line_id.move_ids[:1]
        return super()._get_origin_move(line)

    def _check_can_post(self):
        res = super()._check_can_post()
        if self.picking_type == "purchase_in":
            self._check_receipt_quantities()
        elif self.picking_type == "purchase_return":
            self._check_return_quantities()
        return res

    def _set_quantities_done_in_full(self):
        # A receipt line where only rejected quantities were entered is edited.
        if self.picking_type == "purchase_in" and any(
            not float_is_zero(line.quantity_rejected, precision_rounding=line.uom_id.rounding)
            for line in self.line_ids
        ):
            return
        return super()._set_quantities_done_in_full()

    def action_done(self):
        res = super().action_done()
        receipts = self.sudo().filtered(lambda p: p.picking_type == "purchase_in")
        for picking in receipts.filtered(lambda p: p.purchase_id and p.cancel_backorder):
            for line in picking.line_ids.purchase_line_id:
                line.qty_cancelled = max(line.quantity - line.qty_received, 0.0)
        receipts.purchase_id._check_done()
        return res

    def action_create_return(self):
        """A draft 采购退货单 for what can still go back from this receipt."""
        self.ensure_one()
        if self.picking_type != "purchase_in" or self.state != "done":
            raise UserError(_("Only posted purchase receipts can be returned."))
        lines = []
        for line in self.line_ids:
            returnable = line.quantity_returnable
            if float_compare(returnable, 0, precision_rounding=line.uom_id.rounding) > 0:
                lines.append(
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "name": line.name,
                            "quantity": returnable,
                            "uom_id": line.uom_id.id,
                            "lot_id": line.lot_id.id,
                            "unit_cost": line.unit_cost,
                            "purchase_line_id": line.purchase_line_id.id,
                            "return_of_line_id": line.id,
                        }
                    )
                )
        if not lines:
            raise UserError(_("Everything received on %s was returned already.", self.name))
        picking = self.create(
            {
                "picking_type": "purchase_return",
                "warehouse_id": self.warehouse_id.id,
                "company_id": self.company_id.id,
                "partner_id": self.partner_id.id,
                "purchase_id": self.purchase_id.id,
                "return_of_id": self.id,
                "origin": self.name,
                "line_ids": lines,
            }
        )
        return picking._get_action_view()

    def _check_receipt_quantities(self):
        """Accepted quantities may not exceed ordered + the company's tolerance."""
        tolerance = self.company_id.jxc_receipt_tolerance / 100.0
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
                        qty=line.quantity_rejected,
                    )
                )
            if not order_line:
                continue
            done = line.quantity_done or (
                line.quantity
                if not any(ln.quantity_done or ln.quantity_rejected for ln in self.line_ids)
                else 0.0
            )
            # Rejected goods go back and are owed again: only accepted quantities count.
            incoming = line.uom_id._compute_quantity(done, order_line.uom_id, round=False)
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
                        qty=done,
                        uom=line.uom_id.name,
                        total=already + incoming,
                        ordered=order_line.quantity,
                        tolerance=tolerance * 100,
                    )
                )

    def _check_return_quantities(self):
        """A return takes back at most what its receipt line received and did not return."""
        for number, line in enumerate(self.line_ids, start=1):
            origin = line.return_of_line_id
            if not origin:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s: a purchase return line must name the "
                        "receipt line it returns.",
                        doc=self.name,
                        line=number,
                    )
                )
            qty = line.quantity_done or line.quantity
            returnable = origin.uom_id._compute_quantity(
                origin.quantity_returnable, line.uom_id, round=False
            )
            if float_compare(qty, returnable, precision_rounding=line.uom_id.rounding) > 0:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s (%(product)s): cannot return %(qty)s %(uom)s, only "
                        "%(returnable)s received on %(receipt)s are left to return.",
                        doc=self.name,
                        line=number,
                        product=line.product_id.display_name,
                        qty=qty,
                        uom=line.uom_id.name,
                        returnable=returnable,
                        receipt=origin.picking_id.name,
                    )
                )
            if line.lot_id != origin.lot_id:
                raise UserError(
                    _(
                        "%(doc)s, line %(line)s: return lot %(lot)s, the one received.",
                        doc=self.name,
                        line=number,
                        lot=origin.lot_id.name,
                    )
                )


class JxcStockPickingLine(models.Model):
    _inherit = "jxc.stock.picking.line"

    purchase_line_id = fields.Many2one(
        "jxc.purchase.order.line",
        string="Purchase Order Line",
        readonly=True,
        index="btree_not_null",
    )
    quantity_ordered = fields.Float(related="purchase_line_id.quantity", string="Ordered")
    quantity_rejected = fields.Float(
        string="Rejected",
        digits="Product Unit of Measure",
        copy=False,
        help="Refused at inspection: recorded, not stocked.",
    )
    reject_reason = fields.Char(string="Reject Reason")
    return_of_line_id = fields.Many2one(
        "jxc.stock.picking.line", string="Returned Line", readonly=True, index="btree_not_null"
    )
    return_line_ids = fields.One2many(
        "jxc.stock.picking.line", "return_of_line_id", string="Return Lines"
    )
    quantity_returnable = fields.Float(
        string="Returnable",
        digits="Product Unit of Measure",
        compute="_compute_quantity_returnable",
        help="Received on this posted line and not yet returned.",
    )

    @api.depends("move_ids", "return_line_ids.state", "return_line_ids.move_ids")
    def _compute_quantity_returnable(self):
        for line in self:
            if line.state != "done" or line.picking_type != "purchase_in":
                line.quantity_returnable = 0.0
                continue
            received = sum(line.move_ids.mapped("quantity"))
            returned = -sum(
                line.return_line_ids.filtered(lambda rl: rl.state == "done").move_ids.mapped(
                    "quantity"
                )
            )
            line.quantity_returnable = line.product_id.uom_id._compute_quantity(
                received - returned, line.uom_id, round=False
            )
