from . import models, report, wizards


def post_init_hook(env):
    # The sales analysis's monthly sums of the sales posted before the install.
    env["jxc.report.sale.period"]._rebuild()


def uninstall_hook(env):
    # The monthly sums are derived from the ledger and go with the addon. Emptied first, so
    # that they hold back none of the salespeople, categories or warehouses an uninstall
    # removes with their addon (their foreign keys restrict).
    env.cr.execute("DELETE FROM jxc_report_sale_period")
