from . import test_jxc_groups, test_stock_summary
