from . import (
    test_credit,
    test_finance_access,
    test_finance_company_access,
    test_golive_finance,
    test_import_templates,
    test_landed_cost_payable,
    test_money_follows_goods,
    test_order_grid_access,
    test_settlement,
    test_slip_transfer,
    test_statement_aging,
    test_tax_included,
)
