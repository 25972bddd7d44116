from . import jxc_report_schedule
