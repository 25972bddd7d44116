from . import jxc_report_dashboard, jxc_report_schedule, jxc_stock_quant
