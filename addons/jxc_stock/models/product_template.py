# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from ..utils import format_number


class ProductTemplate(models.Model):
    _inherit = "product.template"

    tracking = fields.Selection(
        [("none", "No Tracking"), ("lot", "By Lots"), ("serial", "By Unique Serial Number")],
        default="none",
        required=True,
        help="Lots: every stock line names a lot. Serials: every unit is a lot of quantity 1.",
    )
    use_expiration_date = fields.Boolean(
        string="Expiry Tracking", help="Lots of this product carry an expiry date."
    )
    expiration_time = fields.Integer(
        string="Shelf Life (Days)",
        help="Days from receipt to expiry, used when a received lot has no expiry date.",
    )
    specification = fields.Char(help="规格, e.g. 500ml×24")
    allow_negative_stock = fields.Boolean(
        help="Let this product go below zero even when the company forbids negative stock.",
    )
    jxc_tax_rate = fields.Float(
        string="Tax Rate (%)",
        default=13.0,
        help="税率: the VAT rate new order lines of this product start with (13, 9, 6, 3, 0).",
    )

    jxc_on_hand = fields.Float(
        string="On Hand", compute="_compute_jxc_quantities", digits="Product Unit of Measure"
    )
    jxc_reserved = fields.Float(
        string="Reserved", compute="_compute_jxc_quantities", digits="Product Unit of Measure"
    )
    jxc_available = fields.Float(
        string="Available", compute="_compute_jxc_quantities", digits="Product Unit of Measure"
    )

    @api.constrains("jxc_tax_rate")
    def _check_jxc_tax_rate(self):
        for template in self:
            if not 0 <= template.jxc_tax_rate <= 100:
                raise ValidationError(
                    _(
                        "%(product)s: the tax rate must be between 0 and 100%%, not %(rate)s.",
                        product=template.display_name,
                        rate=format_number(self.env, template.jxc_tax_rate, digits=2),
                    )
                )

    @api.depends_context("warehouse_id", "company")
    def _compute_jxc_quantities(self):
        """Sums over the variants (see product.product)."""
        for template in self:
            variants = template.product_variant_ids
            template.jxc_on_hand = sum(variants.mapped("jxc_on_hand"))
            template.jxc_reserved = sum(variants.mapped("jxc_reserved"))
            template.jxc_available = sum(variants.mapped("jxc_available"))

    def write(self, vals):
        if vals.get("uom_id"):
            self._check_jxc_base_unit_change(self.env["uom.uom"].browse(vals["uom_id"]))
        return super().write(vals)

    def _check_jxc_base_unit_change(self, uom):
        """The ledger, quants, reservations and packaging contents count in the base unit:
        once any of them or a document line counts a product, its base unit may only be
        renamed (Units → 瓶, both one unit), never replaced by one that counts differently."""
        for template in self:
            old = template.uom_id
            if (
                not old
                or old == uom
                or (
                    old.category_id == uom.category_id
                    and not float_compare(
                        old._compute_quantity(1.0, uom, round=False), 1.0, precision_digits=9
                    )
                )
            ):
                continue
            if template.product_variant_ids.with_context(active_test=False)._is_jxc_counted():
                raise UserError(
                    _(
                        "%(product)s is counted in its base unit %(old)s by stock, documents "
                        "or packagings: it cannot change to %(new)s. Archive it and create a "
                        "new product instead.",
                        product=template.display_name,
                        old=old.name,
                        new=uom.name,
                    )
                )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Products (JXC)"),
                "template": "/jxc_stock/static/xls/jxc_product_template.xlsx",
            },
            *super().get_import_templates(),
        ]

    def action_view_jxc_reservations(self):
        """Who holds my stock: the open reservations of all variants."""
        return self.product_variant_ids.action_view_jxc_reservations()

    @api.constrains("use_expiration_date", "tracking", "expiration_time")
    def _check_expiration(self):
        for template in self:
            if template.use_expiration_date and template.tracking == "none":
                raise ValidationError(
                    _(
                        "Product %(product)s: expiry tracking needs lot or serial tracking.",
                        product=template.display_name,
                    )
                )
            if template.expiration_time < 0:
                raise ValidationError(
                    _(
                        "Product %(product)s: the shelf life cannot be negative.",
                        product=template.display_name,
                    )
                )
