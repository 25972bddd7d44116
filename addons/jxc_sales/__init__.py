from . import models


def uninstall_hook(env):
    """The sale orders go with this addon: the stock they still hold is free again."""
    env["jxc.stock.reservation"].sudo().search(
        [("res_model", "=", "jxc.sale.order.line"), ("state", "=", "open")]
    )._release()
