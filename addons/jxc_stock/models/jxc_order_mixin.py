# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class JxcOrderMixin(models.AbstractModel):
    """What purchase and sale orders share: numbering, amounts, currency, sending, closing.

    The concrete model defines the fields (``name``, ``partner_id``, ``date_order``,
    ``company_id``, ``currency_id``, ``state``, ``line_ids``, ``picking_ids`` and the
    ``amount_*`` fields) and the class attributes below.
    """

    _name = "jxc.order.mixin"
    _description = "JXC Order"

    _jxc_sequence_code = None  # ir.sequence code of the order numbers
    _jxc_mail_template = None  # xml id of the "send by email" template
    _jxc_open_quantity = None  # line field: what is left to receive / deliver

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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._jxc_sequence_code) or "/"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft_or_cancel(self):
        for order in self:
            if order.state not in ("draft", "cancel"):
                raise UserError(_("%s: only draft or cancelled orders can be deleted.", order.name))

    def action_send(self):
        """The mail composer with the order's template (and its PDF)."""
        self.ensure_one()
        template = self.env.ref(self._jxc_mail_template, raise_if_not_found=False)
        return {
            "type": "ir.actions.act_window",
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
                order.state = "done"

    def _create_stock_document(self, vals):
        """The receipt / delivery that confirming the order makes, as part of that step: no
        separate "created" log or followers; made as superuser since order staff do not
        write stock documents."""
        return (
            self.env["jxc.stock.picking"]
            .sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(vals)
            .sudo(False)
        )


class JxcOrderLineMixin(models.AbstractModel):
    """What purchase and sale order lines share: units, amounts, checks, locking."""

    _name = "jxc.order.line.mixin"
    _description = "JXC Order Line"

    _jxc_editable_states = ("draft",)

    @api.depends("product_id")
    def _compute_uom_id(self):
        for line in self:
            if not line.uom_id or line.uom_id.category_id != line.product_id.uom_id.category_id:
                line.uom_id = line._get_default_uom()

    def _get_default_uom(self):
        return self.product_id.uom_id

    def _get_discount(self):
        """Discount in percent (sales has one; purchase lines do not)."""
        return 0.0

    @api.depends("quantity", "price_unit", "tax_rate", "currency_id")
    def _compute_amounts(self):
        for line in self:
            currency = line.currency_id or line.order_id.currency_id
            subtotal = line.quantity * line.price_unit * (1 - line._get_discount() / 100.0)
            tax = subtotal * line.tax_rate / 100.0
            if currency:
                subtotal, tax = currency.round(subtotal), currency.round(tax)
            line.price_subtotal = subtotal
            line.price_tax = tax
            line.price_total = subtotal + tax

    @api.depends("product_id", "order_id.partner_id", "uom_id")
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
                        qty=line.quantity,
                    )
                )
            if line.price_unit < 0:
                raise UserError(_("%s: the unit price cannot be negative.", label))
            if line.tax_rate < 0:
                raise UserError(_("%s: the tax rate cannot be negative.", label))

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

    def write(self, vals):
        if "qty_cancelled" in vals and not self.env.context.get("jxc_order_internal"):
            raise UserError(_("Cancelled quantities are set by cancelling the order."))
        locked = {"product_id", "quantity", "uom_id", "price_unit", "discount", "tax_rate"}
        if locked & set(vals) and any(line.state not in self._jxc_editable_states for line in self):
            raise UserError(_("Lines of a confirmed order cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if any(line.state not in self._jxc_editable_states for line in self):
            raise UserError(_("Lines of a confirmed order cannot be deleted."))

    def _base_quantity(self, quantity=None):
        """``quantity`` (default: the line's) in the product's base unit, unrounded."""
        self.ensure_one()
        qty = self.quantity if quantity is None else quantity
        if not self.uom_id:
            return qty
        return self.uom_id._compute_quantity(qty, self.product_id.uom_id, round=False)

    def _value_of(self, quantity):
        """What ``quantity`` (in the line's unit) of the line is worth, tax included, in
        company currency: the receivable / payable value of goods."""
        self.ensure_one()
        if not self.quantity:
            return 0.0
        order = self.order_id
        value = order._to_company_currency(self.price_total) * quantity / self.quantity
        return order.company_id.currency_id.round(value)

    def _get_net_price(self):
        """Unit price after discount."""
        self.ensure_one()
        return self.price_unit * (1 - self._get_discount() / 100.0)

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
        return last.uom_id._compute_price(last._get_net_price(), self.uom_id or last.uom_id)
