from . import (
    test_access,
    test_concurrency,
    test_costing,
    test_count,
    test_ledger,
    test_lots,
    test_picking,
    test_replenish,
    test_reservation,
    test_warehouse_scope,
)
