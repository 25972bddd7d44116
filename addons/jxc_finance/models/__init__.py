from . import jxc_order_line_invoice_mixin  # isort: skip (the order lines inherit it)
from . import jxc_order_invoice_mixin  # isort: skip (the orders inherit it)
from . import jxc_finance_reversal_mixin  # isort: skip (slips and transfers inherit it)
from . import (
    jxc_finance_account,
    jxc_finance_category,
    jxc_finance_entry,
    jxc_finance_invoice,
    jxc_finance_invoice_line,
    jxc_finance_opening,
    jxc_finance_opening_line,
    jxc_finance_payment,
    jxc_finance_payment_line,
    jxc_finance_slip,
    jxc_finance_slip_line,
    jxc_finance_transfer,
    jxc_golive,
    jxc_purchase_landed_cost,
    jxc_purchase_order,
    jxc_purchase_order_line,
    jxc_sale_order,
    jxc_sale_order_line,
    jxc_stock_integrity,
    jxc_stock_integrity_line,
    jxc_stock_picking,
    res_company,
    res_config_settings,
    res_partner,
)
