from . import (
    jxc_report_sale,
    jxc_report_stock_ledger,
    jxc_report_stock_summary,
    jxc_report_xlsx,
)
