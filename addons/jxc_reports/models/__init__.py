from . import jxc_report_dashboard, jxc_report_schedule
