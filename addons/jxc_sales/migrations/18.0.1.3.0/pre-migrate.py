# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Packagings (多单位) arrive on lines: every existing line was entered without one. The
column is created empty here so that Odoo does not compute it line by line on update."""


def migrate(cr, version):
    cr.execute("ALTER TABLE jxc_sale_order_line ADD COLUMN IF NOT EXISTS packaging_id int4")
