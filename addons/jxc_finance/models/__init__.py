from . import (
    jxc_finance_account,
    jxc_finance_entry,
    jxc_finance_payment,
    jxc_purchase_order,
    jxc_sale_order,
    jxc_stock_integrity,
    jxc_stock_integrity_line,
    jxc_stock_picking,
    res_company,
    res_config_settings,
    res_partner,
)
