from . import jxc_stock_move, jxc_stock_picking
