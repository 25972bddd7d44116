from . import (
    jxc_report_dashboard,
    jxc_report_schedule,
    jxc_sale_order,
    jxc_stock_integrity,
    jxc_stock_integrity_line,
    jxc_stock_move,
    product_template,
)
