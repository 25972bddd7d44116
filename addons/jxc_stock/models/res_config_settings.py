# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import config, human_size

from .. import backup
from .jxc_backup import DEFAULT_KEEP, PARAM_FOLDER, PARAM_KEEP


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    jxc_allow_negative_stock = fields.Boolean(
        related="company_id.jxc_allow_negative_stock", readonly=False
    )
    jxc_expiry_alert_days = fields.Integer(
        related="company_id.jxc_expiry_alert_days", readonly=False
    )
    jxc_price_include_tax = fields.Boolean(
        related="company_id.jxc_price_include_tax", readonly=False
    )
    jxc_paperformat_order_id = fields.Many2one(
        related="company_id.jxc_paperformat_order_id", readonly=False
    )
    jxc_paperformat_stock_id = fields.Many2one(
        related="company_id.jxc_paperformat_stock_id", readonly=False
    )
    # 数据备份: one database, one setting for all its companies: the scheduled action's
    # activity (kept across upgrades: its data is noupdate) and two ir.config_parameter.
    jxc_backup_enabled = fields.Boolean(string="Daily Backup")
    jxc_backup_dir = fields.Char(string="Backup Folder", config_parameter=PARAM_FOLDER)
    jxc_backup_default_dir = fields.Char(
        string="Default Backup Folder", compute="_compute_jxc_backup_info"
    )
    jxc_backup_keep = fields.Integer(
        string="Backups Kept", config_parameter=PARAM_KEEP, default=DEFAULT_KEEP
    )
    jxc_backup_last = fields.Char(string="Last Backup", compute="_compute_jxc_backup_info")

    def _compute_jxc_backup_info(self):
        default = backup.default_folder(config, self.env.cr.dbname)
        last = self.env["jxc.backup"]._last_backup_text() if self.env.user._is_system() else False
        self.jxc_backup_default_dir = default
        self.jxc_backup_last = last

    @api.constrains("jxc_backup_keep")
    def _check_jxc_backup_keep(self):
        if any(settings.jxc_backup_keep < 1 for settings in self):
            raise ValidationError(_("Keep at least one backup."))

    @api.model
    def _jxc_backup_cron(self):
        cron = self.env.ref("jxc_stock.ir_cron_jxc_backup", raise_if_not_found=False)
        return (cron or self.env["ir.cron"]).sudo()

    @api.model
    def get_values(self):
        res = super().get_values()
        res["jxc_backup_enabled"] = self._jxc_backup_cron().active
        return res

    def set_values(self):
        # The backup settings choose where the server writes files: system administrators only,
        # whoever calls (the settings' access rights already say so; this holds if they change).
        if self._jxc_backup_changed():
            self._check_jxc_backup_admin()
        res = super().set_values()
        cron = self._jxc_backup_cron()
        if cron and cron.active != self.jxc_backup_enabled:
            cron.active = self.jxc_backup_enabled
        return res

    def _jxc_backup_changed(self):
        """Whether these settings change the backup (on or off, folder, number kept): read
        as superuser, only to compare — the parameters are the system's."""
        params = self.env["ir.config_parameter"].sudo()
        return (
            self._jxc_backup_cron().active != self.jxc_backup_enabled
            or (params.get_param(PARAM_FOLDER) or False) != (self.jxc_backup_dir or False)
            or int(params.get_param(PARAM_KEEP) or DEFAULT_KEEP) != self.jxc_backup_keep
        )

    def _check_jxc_backup_admin(self):
        if not self.env.su and not self.env.user._is_system():
            raise AccessError(
                _("Only system administrators can back up the database or change its backup.")
            )

    def action_backup_now(self):
        """Back up the database now, into the backup folder (keeping the newest backups)."""
        self._check_jxc_backup_admin()
        result = self.env["jxc.backup"]._backup()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": _("Backup written"),
                "message": _(
                    "%(path)s (%(size)s)", path=result["path"], size=human_size(result["size"])
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
