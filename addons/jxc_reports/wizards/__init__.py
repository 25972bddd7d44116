from . import jxc_report_stock_summary_wizard
