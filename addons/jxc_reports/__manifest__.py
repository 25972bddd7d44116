# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "JXC Reports",
    "summary": "进销存 reports: 进销存汇总, sales / purchase / stock / money analysis, XLSX export, dashboard",
    "version": "18.0.1.4.0",
    "category": "JXC",
    "author": "JXC contributors",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["jxc_finance"],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "data": [
        "security/jxc_reports_groups.xml",
        "security/jxc_reports_security.xml",
        "security/ir.model.access.csv",
        "data/jxc_report_schedule_data.xml",
        "views/jxc_report_stock_summary_views.xml",
        "views/jxc_report_stock_analysis_views.xml",
        "views/jxc_report_sale_views.xml",
        "views/jxc_report_purchase_views.xml",
        "views/jxc_report_money_views.xml",
        "views/jxc_report_profit_views.xml",
        "views/jxc_finance_aging_views.xml",
        "views/jxc_report_schedule_views.xml",
        "views/jxc_reports_menus.xml",
        "views/jxc_report_dashboard_views.xml",
    ],
    "demo": ["demo/jxc_reports_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "jxc_reports/static/src/dashboard/**/*",
        ],
        "web.assets_tests": ["jxc_reports/static/tests/tours/*"],
    },
}
