# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

# Sale prices JXC adds are for sales staff: stock staff never see them (DESIGN, Roles).
SALE_PRICE_GROUPS = "jxc_sales.group_jxc_sales_user_own"


class ProductTemplate(models.Model):
    _inherit = "product.template"

    jxc_min_sale_price = fields.Float(
        string="Minimum Sale Price",
        digits="Product Price",
        groups=SALE_PRICE_GROUPS,
        help="最低售价, per base unit, without tax, in the company's currency: confirming a sale "
        "below it needs a sales manager. 0: no minimum.",
    )

    @api.constrains("jxc_min_sale_price")
    def _check_jxc_min_sale_price(self):
        for template in self:
            if template.jxc_min_sale_price < 0:
                raise UserError(
                    _("%s: the minimum sale price cannot be negative.", template.display_name)
                )
