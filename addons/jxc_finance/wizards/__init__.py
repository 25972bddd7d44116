from . import jxc_finance_aging, jxc_finance_lock_date, jxc_finance_statement
