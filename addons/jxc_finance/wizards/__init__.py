from . import jxc_finance_aging, jxc_finance_statement
