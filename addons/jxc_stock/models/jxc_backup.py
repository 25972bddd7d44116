# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging
import os
import subprocess
import sys
from datetime import UTC, datetime

import odoo
from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import config, format_datetime, human_size

from .. import backup

_logger = logging.getLogger(__name__)

PARAM_FOLDER = "jxc_stock.backup_dir"
PARAM_KEEP = "jxc_stock.backup_keep"
DEFAULT_KEEP = 7
# Odoo's options the dump needs, passed to the process that makes it.
DUMP_OPTIONS = ("db_host", "db_port", "db_user", "db_password", "db_sslmode", "pg_path", "data_dir")
# runpy, so that the addon's folder is not put first on the child's sys.path.
CHILD = "import runpy, sys; runpy.run_path(sys.argv.pop(1), run_name='__main__')"


class JxcBackup(models.AbstractModel):
    """数据备份: the daily backup of this database and its settings, company-independent: on
    while the scheduled action ``ir_cron_jxc_backup`` is active, the folder and the number kept
    in ir.config_parameter (see ``res.config.settings``)."""

    _name = "jxc.backup"
    _description = "JXC Backup"

    @api.model
    def _folder(self):
        """The folder set in the settings, else where odoo.conf says (``backup.default_folder``)."""
        params = self.env["ir.config_parameter"].sudo()
        return params.get_param(PARAM_FOLDER) or backup.default_folder(config, self.env.cr.dbname)

    @api.model
    def _keep(self):
        value = self.env["ir.config_parameter"].sudo().get_param(PARAM_KEEP)
        try:
            return max(int(value), 1) if value else DEFAULT_KEEP
        except ValueError:
            return DEFAULT_KEEP

    @api.model
    def _cron_backup(self):
        self._backup()
        return True

    @api.model
    def _backup(self):
        """Back up this database into the backup folder and keep the newest backups only;
        return {path, size, removed}. The dump runs in its own process (see ``backup``)."""
        db, folder, keep = self.env.cr.dbname, self._folder(), self._keep()
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            raise UserError(
                _(
                    "The backup folder %(folder)s cannot be created: %(error)s",
                    folder=folder,
                    error=error,
                )
            ) from error
        options = {key: config[key] for key in DUMP_OPTIONS if key in config.options}
        env = dict(os.environ)
        odoo_path = os.path.dirname(os.path.dirname(odoo.__file__))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [odoo_path, env.get("PYTHONPATH")]))
        run = subprocess.run(
            [sys.executable, "-c", CHILD, backup.__file__, db, folder, str(keep)],
            input=json.dumps(options),
            capture_output=True,
            text=True,
            cwd=folder,
            env=env,
            check=False,
        )
        if run.returncode:
            _logger.error("Backup of %s into %s failed:\n%s", db, folder, run.stderr[-4000:])
            raise UserError(
                _(
                    "The backup of %(db)s into %(folder)s failed; see the server log.",
                    db=db,
                    folder=folder,
                )
            )
        result = json.loads(run.stdout.strip().splitlines()[-1])
        _logger.info("Backup of %s written to %s (%s bytes)", db, result["path"], result["size"])
        for path in result["removed"]:
            _logger.info("Old backup of %s deleted: %s", db, path)
        return result

    @api.model
    def _last_backup(self):
        """(path, modification time, size) of the newest backup in the folder, or None."""
        found = backup.list_backups(self._folder(), self.env.cr.dbname)
        if not found:
            return None
        stat = os.stat(found[-1])
        return found[-1], stat.st_mtime, stat.st_size

    @api.model
    def _last_backup_text(self):
        last = self._last_backup()
        if not last:
            return _("No backup yet")
        path, mtime, size = last
        when = datetime.fromtimestamp(mtime, UTC).replace(tzinfo=None)
        return _(
            "%(path)s (%(when)s, %(size)s)",
            path=path,
            when=format_datetime(self.env, when),
            size=human_size(size),
        )
