# The mixins first: the reports below inherit them.
from . import jxc_report_sql_view, jxc_report_xlsx, jxc_report_xlsx_mixin

# isort: split
from . import (
    jxc_report_cash,
    jxc_report_partner_balance,
    jxc_report_purchase,
    jxc_report_sale,
    jxc_report_sale_period,
    jxc_report_stock_analysis,
    jxc_report_stock_ledger,
    jxc_report_stock_summary,
    jxc_report_stock_valuation,
)
