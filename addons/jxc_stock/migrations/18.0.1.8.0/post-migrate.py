# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The rules' max in force (effective_max) arrives, and a forecast rule's min in force becomes
its reorder point: stock alerts compare with both. Fill them for every rule."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["jxc.stock.rule"].with_context(active_test=False).search([])._refresh_effective_min()
