# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "JXC Purchase",
    "summary": "进销存 purchasing: purchase orders with approval, receipts with inspection, returns, supplier evaluation",
    "version": "18.0.1.0.0",
    "category": "JXC",
    "author": "JXC contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["jxc_stock"],
    "data": [
        "security/jxc_purchase_groups.xml",
        "security/jxc_purchase_security.xml",
        "security/ir.model.access.csv",
        "data/jxc_purchase_data.xml",
        "data/mail_template_data.xml",
        "report/jxc_purchase_order_report.xml",
        "views/jxc_purchase_order_views.xml",
        "views/jxc_stock_picking_views.xml",
        "views/jxc_stock_replenish_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/jxc_purchase_menus.xml",
    ],
    "demo": ["demo/jxc_purchase_demo.xml"],
}
