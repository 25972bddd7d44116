# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Receivable / payable entries link their documents by Many2one (sale_id, purchase_id,
picking_id) instead of by order number: fill the new columns of existing entries."""


def migrate(cr, version):
    # Entries whose document no longer exists keep no link (账实核对 lists them).
    cr.execute("""
        UPDATE jxc_finance_entry e
           SET picking_id = p.id
          FROM jxc_stock_picking p
         WHERE e.res_model = 'jxc.stock.picking' AND p.id = e.res_id AND e.picking_id IS NULL
    """)
    cr.execute("""
        UPDATE jxc_finance_entry e
           SET sale_id = o.id
          FROM jxc_sale_order o
         WHERE e.res_model = 'jxc.sale.order' AND o.id = e.res_id AND e.sale_id IS NULL
    """)
    cr.execute("""
        UPDATE jxc_finance_entry e
           SET sale_id = p.sale_id
          FROM jxc_stock_picking p
         WHERE e.picking_id = p.id AND e.entry_type = 'receivable' AND e.sale_id IS NULL
    """)
    cr.execute("""
        UPDATE jxc_finance_entry e
           SET purchase_id = p.purchase_id
          FROM jxc_stock_picking p
         WHERE e.picking_id = p.id AND e.entry_type = 'payable' AND e.purchase_id IS NULL
    """)
