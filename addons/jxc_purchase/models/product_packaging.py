# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .jxc_purchase_order import PRICE_GROUPS


class ProductPackaging(models.Model):
    _inherit = "product.packaging"

    jxc_purchase_price = fields.Float(
        string="Packaging Purchase Price",
        digits="Product Price",
        groups=PRICE_GROUPS,
        help="Untaxed price of one packaging in company currency; purchase lines entered in "
        "this packaging start with it as is. Empty: the supplier price × the content.",
    )

    @api.constrains("jxc_purchase_price")
    def _check_jxc_purchase_price(self):
        self._check_jxc_price("jxc_purchase_price")

    @api.model
    def _get_jxc_line_models(self):
        return [*super()._get_jxc_line_models(), "jxc.purchase.order.line"]
