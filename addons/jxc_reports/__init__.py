from . import models, report, wizards


def post_init_hook(env):
    # The sales analysis's monthly sums of the sales posted before the install.
    env["jxc.report.sale.period"]._rebuild()
