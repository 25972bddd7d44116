# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


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
