# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Invoices (发票) arrive: order lines get their invoiced and not yet invoiced quantities and
amounts. The columns are created here, at zero, so that Odoo does not compute every line on
update; post-migrate-invoice.py computes the lines that have goods delivered or received
(the others have nothing to invoice)."""


def migrate(cr, version):
    for table in ("jxc_sale_order_line", "jxc_purchase_order_line"):
        cr.execute(
            f"""
            ALTER TABLE {table}
                ADD COLUMN IF NOT EXISTS qty_invoiced numeric DEFAULT 0,
                ADD COLUMN IF NOT EXISTS qty_to_invoice numeric DEFAULT 0,
                ADD COLUMN IF NOT EXISTS amount_invoiced numeric DEFAULT 0,
                ADD COLUMN IF NOT EXISTS amount_to_invoice numeric DEFAULT 0
            """
        )
        for column in ("qty_invoiced", "qty_to_invoice", "amount_invoiced", "amount_to_invoice"):
            cr.execute(f"ALTER TABLE {table} ALTER COLUMN {column} DROP DEFAULT")
