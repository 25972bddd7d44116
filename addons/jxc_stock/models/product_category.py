# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    jxc_service_level = fields.Float(
        string="Service Level (%)",
        digits=(16, 1),
        help="Service level of the forecast replenishment rules of this category's products "
        "that set none. Empty: 95 %.",
    )
