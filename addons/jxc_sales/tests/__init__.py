from . import (
    test_import_templates,
    test_price_guard,
    test_pricelist_rights,
    test_print,
    test_sale_access,
    test_sale_concurrency,
    test_sale_cost_access,
    test_sale_flow,
    test_sale_flow_tour,
    test_sale_grid,
    test_sale_scan,
    test_sale_scopes,
)
