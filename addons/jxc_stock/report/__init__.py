from . import jxc_stock_alert
