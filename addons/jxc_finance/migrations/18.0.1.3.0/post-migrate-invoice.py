# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Invoices (发票) arrive: what was delivered / received before is all still to invoice.
Compute the order lines that have posted goods (pre-migrate-invoice.py left them at zero)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for model, domain in (
        ("jxc.sale.order.line", ["|", ("qty_delivered", "!=", 0), ("qty_returned", "!=", 0)]),
        ("jxc.purchase.order.line", ["|", ("qty_received", "!=", 0), ("qty_returned", "!=", 0)]),
    ):
        Line = env[model].with_context(active_test=False)
        lines = Line.search(domain)
        names = ("qty_invoiced", "qty_to_invoice", "amount_invoiced", "amount_to_invoice")
        env.add_to_compute(Line._fields["qty_invoiced"], lines)
        for name in names[1:]:
            env.add_to_compute(Line._fields[name], lines)
        lines.flush_recordset(list(names))
