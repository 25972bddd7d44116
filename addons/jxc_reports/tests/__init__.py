from . import (
    test_aging_xlsx,
    test_analysis_reports,
    test_dashboard,
    test_jxc_groups,
    test_report_schedule,
    test_reports_access,
    test_role_matrix,
    test_rpc_adversarial,
    test_sale_analysis,
    test_screens_by_role,
    test_stock_analysis,
    test_stock_summary,
)
