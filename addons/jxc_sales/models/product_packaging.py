# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .product_template import SALE_PRICE_GROUPS


class ProductPackaging(models.Model):
    _inherit = "product.packaging"

    jxc_sale_price = fields.Float(
        string="Sale Price",
        digits="Product Price",
        groups=SALE_PRICE_GROUPS,
        help="Price of one packaging in company currency; sale lines entered in this "
        "packaging start with it as is (a case at 98.50 stays 98.50). Empty: the pricelist "
        "price of the product × the content.",
    )

    @api.constrains("jxc_sale_price")
    def _check_jxc_sale_price(self):
        self._check_jxc_price("jxc_sale_price")

    @api.model
    def _get_jxc_line_models(self):
        return [*super()._get_jxc_line_models(), "jxc.sale.order.line"]
