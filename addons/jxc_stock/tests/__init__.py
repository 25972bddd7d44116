from . import (
    test_access,
    test_concurrency,
    test_costing,
    test_count,
    test_exports,
    test_integrity,
    test_ledger,
    test_lots,
    test_numbers,
    test_picking,
    test_replenish,
    test_reservation,
)
