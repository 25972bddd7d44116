# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "JXC Sales",
    "summary": "进销存 sales: sale orders that reserve stock on confirmation, deliveries, returns, pricing",
    "version": "18.0.1.1.0",
    "category": "JXC",
    "author": "JXC contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["jxc_stock"],
    "data": [
        "security/jxc_sales_groups.xml",
        "security/jxc_sales_security.xml",
        "security/ir.model.access.csv",
        "data/jxc_sales_data.xml",
        "data/mail_template_data.xml",
        "report/jxc_sale_order_report.xml",
        "views/jxc_sale_order_views.xml",
        "views/jxc_stock_picking_views.xml",
        "views/res_partner_views.xml",
        "views/jxc_stock_quant_views.xml",
        "views/res_config_settings_views.xml",
        "views/jxc_sales_menus.xml",
    ],
    "demo": ["demo/jxc_sales_demo.xml"],
}
