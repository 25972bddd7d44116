from . import test_purchase_access, test_purchase_flow, test_supplier_replenish
