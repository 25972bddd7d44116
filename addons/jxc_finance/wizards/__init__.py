from . import (
    jxc_finance_aging,
    jxc_finance_aging_line,
    jxc_finance_invoice_import,
    jxc_finance_lock_date,
    jxc_finance_opening_import,
    jxc_finance_statement,
    jxc_finance_statement_line,
)
