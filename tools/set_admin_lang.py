"""Make Chinese the admin's language in a new demo database (JXC's users work in Chinese)."""

import sys

import odoo
from odoo.tools import config

config.parse_config(["-c", sys.argv[1]])
registry = odoo.modules.registry.Registry(sys.argv[2])
with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    env.ref("base.user_admin").write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
