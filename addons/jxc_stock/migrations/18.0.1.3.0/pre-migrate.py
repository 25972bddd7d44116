# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Packagings (多单位) arrive on lines and lots get a barcode (扫码开单). The columns are
created empty here so that Odoo neither computes the packaging line by line on update nor
checks the unique (barcode, company) constraint against anything."""


def migrate(cr, version):
    cr.execute("ALTER TABLE jxc_stock_picking_line ADD COLUMN IF NOT EXISTS packaging_id int4")
    cr.execute("ALTER TABLE jxc_stock_lot ADD COLUMN IF NOT EXISTS barcode varchar")
