# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcStockQuant(models.Model):
    _inherit = "jxc.stock.quant"

    # Whoever reads the reports with costs also sees what the stock is worth (dashboard).
    value = fields.Monetary(
        groups="jxc_stock.group_jxc_stock_user,jxc_reports.group_jxc_reports_cost"
    )
