# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "JXC Inventory",
    "summary": "进销存 inventory core: warehouses, lots, stock ledger, quants, reservations, moving-average cost, stock documents, counts, alerts, replenishment",
    "version": "18.0.1.0.0",
    "category": "JXC",
    "author": "JXC contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "installable": True,
    "depends": ["base", "mail", "product", "uom", "web"],
    "data": [
        "security/jxc_stock_groups.xml",
        "security/ir.model.access.csv",
        "views/jxc_stock_menus.xml",
    ],
}
