from . import (
    jxc_finance_aging,
    jxc_report_filter_mixin,
    jxc_report_period_mixin,
    jxc_report_profit,
    jxc_report_profit_line,
    jxc_report_stock_analysis_wizard,
    jxc_report_stock_summary_wizard,
    jxc_report_stock_valuation_wizard,
)
