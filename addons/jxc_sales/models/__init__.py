from . import (
    jxc_sale_order,
    jxc_sale_order_line,
    jxc_stock_integrity,
    jxc_stock_move,
    jxc_stock_picking,
    jxc_stock_picking_line,
    jxc_stock_reservation,
    jxc_stock_rule,
    res_company,
    res_config_settings,
    res_partner,
    res_users,
)
