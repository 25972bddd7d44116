# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class JxcStockAlertNotice(models.Model):
    """Which alerts were already notified, so each situation is notified once."""

    _name = "jxc.stock.alert.notice"
    _description = "Notified Stock Alert"

    alert_key = fields.Char(required=True, index=True)
    company_id = fields.Many2one("res.company", index=True)
