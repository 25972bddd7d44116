from . import (
    jxc_purchase_order,
    jxc_purchase_order_line,
    jxc_stock_move,
    jxc_stock_picking,
    jxc_stock_picking_line,
    jxc_stock_replenish,
    product_packaging,
    product_product,
    product_supplierinfo,
    res_company,
    res_config_settings,
    res_partner,
)
