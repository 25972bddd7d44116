from . import test_jxc_groups, test_sale_analysis, test_stock_summary
