from . import jxc_stock_alert, jxc_stock_alert_notice
