# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResPartner(models.Model):
    # The partner fields JXC adds (credit limits, payment terms…) take bounded numbers only.
    _name = "res.partner"
    _inherit = ["res.partner", "jxc.number.mixin"]
