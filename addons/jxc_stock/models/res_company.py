# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ["res.company", "jxc.number.mixin"]

    jxc_allow_negative_stock = fields.Boolean(
        string="Allow Negative Stock",
        help="When off (the default), no document may issue more than is available "
        "(on hand minus reserved). Products can still allow it one by one.",
    )
    jxc_expiry_alert_days = fields.Integer(
        string="Expiry Alert Days",
        default=30,
        help="Lots expiring within this many days are listed in the stock alerts.",
    )
    jxc_price_include_tax = fields.Boolean(
        string="Prices Include Tax",
        help="含税价: the unit prices of new purchase and sale orders include tax; untaxed "
        "amounts are calculated back, to the cent, line by line.",
    )
    # Paper per kind of JXC print (ir.actions.report.jxc_paperformat_field names these);
    # empty: the company's paper format (A4).
    jxc_paperformat_order_id = fields.Many2one(
        "report.paperformat",
        string="Orders Paper",
        help="Paper of printed purchase and sale orders, e.g. 三联单 (241 × 140 mm). Empty: the "
        "company's paper format (A4).",
    )
    jxc_paperformat_stock_id = fields.Many2one(
        "report.paperformat",
        string="Stock Documents Paper",
        help="Paper of printed receipts, returns, transfers, other receipts and issues and count "
        "sheets, e.g. 三联单 (241 × 140 mm). Empty: the company's paper format (A4).",
    )
