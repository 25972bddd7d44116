# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "JXC Sales",
    "summary": "进销存 sales: sale orders that reserve stock on confirmation, deliveries, returns, pricing",
    "version": "18.0.1.0.0",
    "category": "JXC",
    "author": "JXC contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["jxc_stock"],
    "data": ["security/jxc_sales_groups.xml", "views/jxc_sales_menus.xml"],
}
