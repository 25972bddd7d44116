# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "JXC Finance",
    "summary": "进销存 finance: receivables and payables, receipts and payments with settlement, credit limits, statements, aging",
    "version": "18.0.1.0.0",
    "category": "JXC",
    "author": "JXC contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["jxc_purchase", "jxc_sales"],
    "data": ["security/jxc_finance_groups.xml", "views/jxc_finance_menus.xml"],
}
