# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.jxc_stock.utils import format_number


class JxcStockPicking(models.Model):
    """销售出库单 (``sale_out``) and 销售退货单 (``sale_return``)."""

    _inherit = "jxc.stock.picking"

    picking_type = fields.Selection(
        selection_add=[("sale_out", "Sale Delivery"), ("sale_return", "Sale Return")],
        # Uninstalling sales keeps its documents, as the core types that move goods the same way.
        ondelete={
            "sale_out": lambda pickings: pickings._keep_as_type("out"),
            "sale_return": lambda pickings: pickings._keep_as_type("in"),
        },
    )
    sale_id = fields.Many2one(
        "jxc.sale.order",
        string="Sale Order",
        readonly=True,
        index="btree_not_null",
        copy=True,
        check_company=True,
    )

    def _jxc_delivery_note_amount(self):
        """What the goods of a delivery are worth at their order lines' prices, tax included
        — shipped ones once posted, else those to ship; printed on the delivery note with its
        人民币大写. None for a document without a sale order or a user who may not read it
        (stock staff print the note without prices)."""
        self.ensure_one()
        if not self.sale_id or not self.sale_id.has_access("read"):
            return None
        posted = self.state == "done"
        total = 0.0
        for line in self.line_ids.filtered("sale_line_id"):
            order_line = line.sale_line_id
            ordered = order_line._qty_to_base(order_line.quantity)
            if ordered:
                shipped = line._qty_to_base(line.quantity_done if posted else line.quantity)
                total += order_line.price_total * shipped / ordered
        return self.sale_id.currency_id.round(total)

    @api.model
    def _get_picking_types(self):
        types = super()._get_picking_types()
        stock = ("jxc_stock.group_jxc_stock_user",)
        # Sales staff see stock but never move it: the warehouse posts deliveries and returns.
        types.update(
            {
                "sale_out": {
                    "direction": "out",
                    "post_groups": stock,
                    "manual": False,
                    "cancel_by_hand": False,
                },
                "sale_return": {"direction": "in", "post_groups": stock, "manual": False},
            }
        )
        return types

    def _should_create_backorder_sale_out(self):
        return bool(self.sale_id)

    def _check_can_post_sale_out(self):
        self._check_order_lines("sale_id", "sale_line_id")
        self._check_delivery_quantities()

    def _check_can_post_sale_return(self):
        self._check_return_quantities()

    def _before_post_sale_out(self, lines):
        self._consume_reservations(lines)

    def _after_post_sale_out(self, lines):
        sale_lines = self.sudo().line_ids.sale_line_id
        sale_lines._settle_reservations()
        self.sudo().sale_id._check_done()

    def _create_backorder_sale_out(self):
        # A delivery's backorder is made from the order: what is left, with the lots still
        # reserved for it.
        # Stock staff post deliveries without access to sale orders: read them as superuser.
        order = self.sudo().sale_id
        if not order:
            return self.browse()
        backorder = self.browse(order._create_delivery(self.sudo().line_ids.sale_line_id).ids)
        if backorder:
            backorder._jxc_write({"backorder_id": self.id})
            self._message_log(
                body=_("Backorder %s created for the rest.", backorder._get_html_link())
            )
        return backorder

    def action_create_sale_return(self):
        """A draft 销售退货单 for what can still come back from this delivery."""
        self.ensure_one()
        if self.picking_type != "sale_out" or self.state != "done":
            raise UserError(_("Only posted sale deliveries can be returned."))
        self._check_post_rights()
        picking = self._create_return("sale_return", {"sale_id": self.sale_id.id})
        return picking._get_action_view()

    def _effective_done(self, line, in_full=None):
        """The quantity a line will post (nothing edited on the document: in full).
        ``in_full``: whether nothing was edited, when the caller knows it already."""
        if in_full is None:
            in_full = not any(ln.quantity_done for ln in self.line_ids)
        return line.quantity if in_full else line.quantity_done

    def _check_delivery_quantities(self):
        """Never ship more than ordered (minus what was shipped or cancelled)."""
        shipped = defaultdict(float)
        in_full = not any(ln.quantity_done for ln in self.line_ids)
        for line in self.line_ids:
            if line.sale_line_id:
                shipped[line.sudo().sale_line_id] += line._get_base_quantity(
                    self._effective_done(line, in_full)
                )
        for sale_line, qty in shipped.items():
            left = sale_line._base_left_to_deliver()
            rounding = sale_line.product_id.uom_id.rounding
            if float_compare(qty, left, precision_rounding=rounding) > 0:
                raise UserError(
                    _(
                        "%(doc)s (%(product)s): cannot deliver %(qty)s %(uom)s, only %(left)s "
                        "are left to deliver on %(order)s.",
                        doc=self.name,
                        product=sale_line.product_id.display_name,
                        qty=format_number(self.env, qty),
                        uom=sale_line.product_id.uom_id.name,
                        left=format_number(self.env, left),
                        order=sale_line.order_id.name,
                    )
                )

    def _consume_reservations(self, lines):
        """Use the order's reservations for what ships: the same lot first, then any other
        reservation of the line (the goods then leave from the lot chosen on the delivery)."""
        Reservation = self.env["jxc.stock.reservation"].sudo()
        reservations = Reservation.search(
            [
                ("res_model", "=", "jxc.sale.order.line"),
                ("res_id", "in", lines.sale_line_id.ids),
                ("state", "=", "open"),
                ("quantity", ">", 0),
            ],
            order="id",
        )
        held = {r.id: r.quantity for r in reservations}
        by_sale_line = defaultdict(list)
        for reservation in reservations:
            by_sale_line[reservation.res_id].append(reservation.id)
        consume = defaultdict(float)
        for line in lines.filtered("sale_line_id"):
            needed = line._get_base_quantity(line.quantity_done)
            own = reservations.browse(by_sale_line[line.sale_line_id.id])
            for reservation in own.sorted(lambda r, ln=line: r.lot_id != ln.lot_id):
                if float_is_zero(needed, precision_rounding=line.product_id.uom_id.rounding):
                    break
                take = min(held[reservation.id], needed)
                held[reservation.id] -= take
                consume[reservation.id] += take
                needed -= take
        if consume:
            Reservation.browse(list(consume))._consume(dict(consume))
