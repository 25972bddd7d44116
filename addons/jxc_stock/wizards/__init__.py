from . import jxc_xlsx_import_mixin  # isort: skip (the imports below inherit it)
from . import (
    jxc_golive_stock_import,
    jxc_order_grid,
    jxc_order_grid_line,
    jxc_stock_count_import,
)
