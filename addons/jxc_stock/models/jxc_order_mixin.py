# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..utils import is_rpc_call, list_action


class JxcOrderMixin(models.AbstractModel):
    """What purchase and sale orders share: numbering, amounts, currency, sending, closing.

    The concrete model defines the fields (``name``, ``partner_id``, ``date_order``,
    ``company_id``, ``currency_id``, ``state``, ``line_ids``, ``picking_ids`` and the
    ``amount_*`` fields) and the class attributes below.
    """

    _name = "jxc.order.mixin"
    _inherit = ["jxc.document.mixin", "jxc.scan.mixin"]
    _description = "JXC Order"
    _jxc_locked_writable = ("notes", "user_id", "origin")

    price_include_tax = fields.Boolean(
        string="Prices Include Tax",
        default=lambda self: self.env.company.jxc_price_include_tax,
        tracking=True,
        help="含税价: the unit prices include tax, untaxed amounts are calculated back per "
        "line. New orders take the company's setting.",
    )

    _jxc_mail_template = None  # xml id of the "send by email" template
    _jxc_open_quantity = None  # line field: what is left to receive / deliver
    _jxc_grid_product_flag = None  # product field of what the variant grid offers (sale_ok…)
    _jxc_open_picking_type = None  # stock document type of the order's goods (purchase_in…)

    @api.depends("line_ids.price_subtotal", "line_ids.price_tax", "currency_id", "date_order")
    def _compute_amounts(self):
        for order in self:
            order.amount_untaxed = sum(order.line_ids.mapped("price_subtotal"))
            order.amount_tax = sum(order.line_ids.mapped("price_tax"))
            order.amount_total = order.amount_untaxed + order.amount_tax
            order.amount_total_company = order._to_company_currency(order.amount_total)

    @api.depends("picking_ids")
    def _compute_picking_count(self):
        for order in self:
            order.picking_count = len(order.picking_ids)

    def _action_view_pickings(self):
        """The order's receipts / deliveries: their list, or the form of the only one."""
        self.ensure_one()
        link = self._fields["picking_ids"].inverse_name
        action = list_action(
            self.env, "jxc_stock.jxc_stock_picking_action_all", [(link, "=", self.id)]
        )
        if len(self.picking_ids) == 1:
            action.update(res_id=self.picking_ids.id, view_mode="form", views=[(False, "form")])
        return action

    def action_batch_confirm(self):
        """Confirm the selected orders from the list (a server action), each as its Confirm
        button does — approval and credit rules included — all or nothing per order; a
        notification lists what failed and why (see ``jxc.document.mixin._jxc_batch``)."""
        confirmed = tuple(
            state
            for state in self._fields["state"].get_values(self.env)
            if state not in ("draft", "cancel")
        )
        return self._jxc_batch("action_confirm", confirmed, _("Confirm"))

    def action_post_open_pickings(self):
        """一键入库 / 一键出库: post the confirmed order's open receipt / delivery as 审核 on the
        document does (planned quantities in full unless done quantities were entered), with
        the caller's rights: who may not post that document is refused."""
        pickings = self.env["jxc.stock.picking"]
        for order in self:
            if order.state != "confirmed":
                raise UserError(
                    _("%s is not confirmed: there is nothing to receive or ship.", order.name)
                )
            open_pickings = order.picking_ids.filtered(
                lambda p: p.state == "draft" and p.picking_type == self._jxc_open_picking_type
            )
            if not open_pickings:
                raise UserError(_("%s has no open receipt or delivery left to post.", order.name))
            pickings |= open_pickings
        if is_rpc_call(self._name, "action_post_open_pickings"):
            # As the document's own 审核 does (action_done): wait for the products' turn.
            self.env["jxc.stock.quant"]._take_turn(pickings.line_ids.product_id)
        pickings.action_done()
        return True

    def _to_company_currency(self, amount):
        """``amount`` of the order's currency in company currency, at the order date."""
        self.ensure_one()
        if not self.currency_id or not self.company_id:
            return amount
        return self.currency_id._convert(
            amount,
            self.company_id.currency_id,
            self.company_id,
            (self.date_order or fields.Datetime.now()).date(),
        )

    def action_cancel(self):
        """Cancel: a draft entirely; a confirmed order, what is not received / delivered yet
        (``_action_cancel``)."""
        self._check_action_rights()
        for order in self:
            if order.state in ("done", "cancel"):
                raise UserError(_("%s is already closed.", order.name))
        return self._action_cancel()

    def action_draft(self):
        """Back to draft: cancelled orders that never received / delivered anything
        (``_action_draft``)."""
        self._check_action_rights()
        return self._action_draft()

    def action_open_grid(self):
        """多规格录入: the variant grid of a draft order (``jxc.order.grid``)."""
        self.ensure_one()
        self._check_action_rights()
        if self.state != "draft":
            raise UserError(
                _(
                    "%(order)s is %(state)s: variants can be entered in a grid only while it "
                    "is a draft.",
                    order=self.display_name,
                    state=self._jxc_state_label(),
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": _("Variant Grid"),
            "res_model": "jxc.order.grid",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_res_model": self._name, "default_res_id": self.id},
        }

    def action_send(self):
        """The mail composer with the order's template (and its PDF)."""
        self.ensure_one()
        template = self.env.ref(self._jxc_mail_template, raise_if_not_found=False)
        return {
            "type": "ir.actions.act_window",
            "name": _("Send by Email"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id if template else False,
                "default_composition_mode": "comment",
                "force_email": True,
            },
        }

    def _jxc_scan_find_line(self, match):
        # A case scanned adds to the line in cases, a bottle to a line in bottles.
        return self._jxc_scan_lines(match)._scan_pick_line(match["packaging"], convert=False)

    def _jxc_scan_line_values(self, line, match):
        # Orders name no lots: a lot's barcode orders its product.
        if line:
            return line._scan_add_values("quantity", match["packaging"], match["count"])
        Line = self.env[self._fields[self._jxc_scan_lines_field].comodel_name]
        return Line._scan_new_line_values(match)

    def _check_done(self):
        """Confirmed orders with nothing left to receive / deliver are done."""
        for order in self.filtered(lambda o: o.state == "confirmed"):
            if all(
                float_compare(
                    line[self._jxc_open_quantity], 0, precision_rounding=line.uom_id.rounding
                )
                <= 0
                for line in order.line_ids
            ):
                order._jxc_write({"state": "done"})

    def _create_stock_document(self, vals):
        """The receipt / delivery that confirming the order makes, as part of that step: no
        separate "created" log or followers; made as superuser since order staff do not
        write stock documents. Its responsible is who confirmed, not the superuser
        (OdooBot)."""
        picking = (
            self.env["jxc.stock.picking"]
            .sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            ._jxc_create(dict({"user_id": self.env.user.id}, **vals))
        )
        return self.env["jxc.stock.picking"].browse(picking.ids)
