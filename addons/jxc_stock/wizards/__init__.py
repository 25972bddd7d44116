from . import jxc_stock_count_import
