# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sales analysis reads its groupings by month from monthly sums
(``jxc.report.sale.period``), kept by posting from now on: fill them with the sales posted so
far."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    api.Environment(cr, SUPERUSER_ID, {})["jxc.report.sale.period"]._rebuild()
