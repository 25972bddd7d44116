from . import (
    test_forecast_purchase,
    test_import_templates,
    test_landed_cost,
    test_print,
    test_purchase_access,
    test_purchase_flow,
    test_purchase_flow_tour,
    test_purchase_grid,
    test_purchase_price_access,
    test_purchase_scan,
    test_purchase_scan_tour,
    test_supplier_replenish,
)
