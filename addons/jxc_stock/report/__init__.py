from . import (
    jxc_report_row_mixin,
    jxc_report_wizard_mixin,
    jxc_stock_alert,
    jxc_stock_alert_notice,
)
