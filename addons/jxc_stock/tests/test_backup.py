# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import shutil
import tempfile
import zipfile

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import JxcHttpCase, JxcStockCommon


class JxcBackupCommon(JxcStockCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.db = cls.env.cr.dbname
        cls.system_admin = new_test_user(
            cls.env,
            email=False,
            login="jxc_system_admin",
            groups="base.group_user,base.group_system,jxc_stock.group_jxc_stock_manager",
        )
        # Access Rights (base.group_erp_manager) without Settings: Odoo's "administrator"
        # in execute(), not a system administrator.
        cls.rights_admin = new_test_user(
            cls.env,
            email=False,
            login="jxc_rights_admin",
            groups="base.group_user,base.group_erp_manager,jxc_stock.group_jxc_stock_manager",
        )

    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp(prefix="jxc-backup-test-")
        self.addCleanup(shutil.rmtree, self.folder, True)
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("jxc_stock.backup_dir", self.folder)
        params.set_param("jxc_stock.backup_keep", 2)

    def _files(self):
        return sorted(os.listdir(self.folder))

    def _touch(self, *names):
        for name in names:
            with open(os.path.join(self.folder, name), "wb") as f:
                f.write(b"old")


class TestBackup(JxcBackupCommon):
    def test_cron_writes_odoo_dump_and_keeps_the_newest_of_this_database_only(self):
        """Two kept: three older backups of this database and the new one leave the new one
        and the newest older one; other databases' backups and other files stay."""
        db = self.db
        own = [f"{db}_2020-01-0{day}_00-00-00.zip" for day in (1, 2, 3)]
        others = [
            f"other_{db}_2020-01-01_00-00-00.zip",
            f"{db}_core_2020-01-01_00-00-00.zip",
            f"{db}_2020-01-01.zip",
            "notes.txt",
        ]
        self._touch(*own, *others)

        self.env["jxc.backup"]._cron_backup()

        new = [name for name in self._files() if name not in own + others]
        self.assertEqual(len(new), 1, self._files())
        self.assertRegex(new[0], rf"^{db}_\d{{4}}-\d\d-\d\d_\d\d-\d\d-\d\d\.zip$")
        self.assertEqual(self._files(), sorted([own[2], new[0], *others]))
        # Odoo's own dump: what the database manager writes and restores.
        with zipfile.ZipFile(os.path.join(self.folder, new[0])) as archive:
            names = archive.namelist()
            manifest = json.loads(archive.read("manifest.json"))
            self.assertIn(b"CREATE TABLE public.jxc_stock_move", archive.read("dump.sql"))
        self.assertIn("dump.sql", names)
        self.assertTrue(any(name.startswith("filestore/") for name in names))
        self.assertEqual(manifest["db_name"], db)
        self.assertEqual(manifest["version_info"][:2], [18, 0])
        self.assertIn("jxc_stock", manifest["modules"])
        # Nothing half-written is left behind.
        self.assertFalse([name for name in self._files() if name.startswith(".")])

    def test_daily_backup_is_the_scheduled_action_on_by_default(self):
        cron = self.env.ref("jxc_stock.ir_cron_jxc_backup")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
        settings = self.env["res.config.settings"].with_user(self.system_admin)
        self.assertTrue(settings.create({}).jxc_backup_enabled)
        settings.create({"jxc_backup_enabled": False}).execute()
        self.assertFalse(cron.active)
        self.assertFalse(settings.create({}).jxc_backup_enabled)
        settings.create({"jxc_backup_enabled": True}).execute()
        self.assertTrue(cron.active)

    def test_default_folder_is_where_odoo_conf_says(self):
        from odoo.tools import config

        self.env["ir.config_parameter"].sudo().set_param("jxc_stock.backup_dir", False)
        self.assertEqual(
            self.env["jxc.backup"]._folder(),
            os.path.join(config["data_dir"], "backups", self.db),
        )
        config.options["jxc_backup_dir"] = self.folder
        self.addCleanup(config.options.pop, "jxc_backup_dir")
        self.assertEqual(self.env["jxc.backup"]._folder(), os.path.join(self.folder, self.db))

    def test_system_admin_sets_backup_and_backs_up_now(self):
        with Form(self.env["res.config.settings"].with_user(self.system_admin)) as form:
            form.jxc_backup_keep = 3
            form.jxc_backup_dir = self.folder
        form.record.execute()
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("jxc_stock.backup_keep"), "3")
        self.assertEqual(params.get_param("jxc_stock.backup_dir"), self.folder)

        settings = self.env["res.config.settings"].with_user(self.system_admin).create({})
        action = settings.action_backup_now()

        self.assertEqual(action["params"]["type"], "success")
        [name] = self._files()
        self.assertIn(os.path.join(self.folder, name), action["params"]["message"])
        self.assertIn(name, settings.jxc_backup_last)

    def test_at_least_one_backup_is_kept(self):
        settings = self.env["res.config.settings"].with_user(self.system_admin)
        with self.assertRaises(ValidationError):
            settings.create({"jxc_backup_keep": 0})

    def test_only_system_administrators_back_up_or_change_the_backup(self):
        params = self.env["ir.config_parameter"].sudo()
        settings = self.env["res.config.settings"].with_user(self.system_admin).create({})
        for user in (self.stock_manager, self.rights_admin):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    settings.with_user(user).action_backup_now()
                with self.assertRaises(AccessError):
                    self.env["res.config.settings"].with_user(user).create(
                        {"jxc_backup_dir": "/tmp"}
                    )
        # An "administrator" of execute() (Access Rights) still cannot change the backup.
        changed = settings.create(
            {"jxc_backup_dir": "/tmp", "jxc_backup_keep": 1, "jxc_backup_enabled": False}
        )
        with self.cr.savepoint(), self.assertRaises(AccessError):
            changed.with_user(self.rights_admin).execute()
        self.assertEqual(params.get_param("jxc_stock.backup_dir"), self.folder)
        self.assertEqual(params.get_param("jxc_stock.backup_keep"), "2")
        self.assertTrue(self.env.ref("jxc_stock.ir_cron_jxc_backup").active)
        self.assertEqual(self._files(), [])


@tagged("post_install", "-at_install")
class TestBackupRpc(JxcBackupCommon, JxcHttpCase):
    """Over JSON-RPC, as the buttons and the settings would be called by a script."""

    def _call(self, user, model, method, args=(), kwargs=None):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs or {}},
        )

    def test_non_admins_cannot_back_up_or_change_the_backup_over_rpc(self):
        settings = self.env["res.config.settings"].with_user(self.system_admin).create({})
        calls = [
            ("res.config.settings", "action_backup_now", [settings.ids]),
            ("res.config.settings", "create", [{"jxc_backup_dir": "/tmp"}]),
            ("jxc.backup", "_cron_backup", []),
            ("jxc.backup", "_backup", []),
            ("ir.config_parameter", "set_param", ["jxc_stock.backup_dir", "/tmp"]),
        ]
        for user in (self.stock_manager, self.rights_admin, self.stock_user):
            for model, method, args in calls:
                with self.subTest(user=user.login, method=method):
                    with self.assertRaises(JsonRpcException) as refused:
                        self._call(user, model, method, args)
                    self.assertEqual(str(refused.exception), "odoo.exceptions.AccessError")
        self.assertEqual(self._files(), [])
        params = self.env["ir.config_parameter"].sudo()
        self.assertEqual(params.get_param("jxc_stock.backup_dir"), self.folder)

    def test_system_admin_backs_up_over_rpc(self):
        settings = self.env["res.config.settings"].with_user(self.system_admin).create({})
        result = self._call(
            self.system_admin, "res.config.settings", "action_backup_now", [settings.ids]
        )
        self.assertEqual(result["params"]["type"], "success")
        self.assertEqual(len(self._files()), 1)
