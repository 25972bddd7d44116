# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .jxc_purchase_order import PRICE_GROUPS


class ProductSupplierinfo(models.Model):
    """Supplier prices are purchase prices: not for stock or sales staff."""

    _inherit = "product.supplierinfo"

    price = fields.Float(groups=PRICE_GROUPS)
    price_discounted = fields.Float(groups=PRICE_GROUPS)
