# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase
from odoo.tools import file_open

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What the import screen sends (base_import/static/src/import_model.js).
UI_OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "encoding": "",
    "separator": "",
    "quoting": '"',
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": True,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "sheets": [],
    "sheet": "",
    "skip": 0,
    "tracking_disable": True,
}


class ImportTemplateCase(TransactionCase):
    """Runs a shipped import template (static/xls) through Odoo's import as the UI does.

    The class has Chinese loaded, as a Chinese company's database has: the templates' example
    rows name units and selection values the way a zh_CN user sees them.
    """

    _chinese_modules = ("product", "uom", "jxc_stock")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(list(cls._chinese_modules), ["zh_CN"])

    def _template(self, model, template):
        """The content of ``template`` (its URL); see assertTemplateOffered."""
        with file_open(template.lstrip("/"), "rb") as xlsx:
            return xlsx.read()

    def assertTemplateOffered(self, model, template, offered=True):
        """The import screen of ``model`` offers ``template`` (get_import_templates)."""
        entries = self.env[model].get_import_templates()
        urls = [entry["template"] for entry in entries]
        if offered:
            self.assertIn(template, urls)
            self.assertTrue(all(entry["label"] for entry in entries))
        else:
            self.assertNotIn(template, urls)

    def _preview(self, user, model, content, lang):
        env = self.env(user=user, context=dict(self.env.context, lang=lang))
        wizard = env["base_import.import"].create(
            {"res_model": model, "file": content, "file_type": XLSX, "file_name": "template.xlsx"}
        )
        preview = wizard.parse_preview(dict(UI_OPTIONS))
        self.assertNotIn("error", preview)
        return wizard, preview

    def assertHeadersMap(self, user, model, template, expected):
        """Every header of the template maps to ``expected[header]``, in English and Chinese."""
        content = self._template(model, template)
        for lang in ("en_US", "zh_CN"):
            _wizard, preview = self._preview(user, model, content, lang)
            matches = preview["matches"] or {}
            mapped = {
                header: "/".join(matches.get(index, []))
                for index, header in enumerate(preview["headers"])
            }
            self.assertEqual(mapped, expected, f"{template} in {lang}")

    def _import_template(self, user, model, template, lang="zh_CN"):
        """Import the template with the suggested mapping; return the records created."""
        result = self._run_import(user, model, template, lang)
        self.assertFalse(result["messages"], f"{template} in {lang}")
        return self.env[model].browse(result["ids"])

    def _run_import(self, user, model, template, lang):
        """Import the template with the suggested mapping as the UI does: test, then import
        if the test found nothing wrong. Return the import's result (ids, messages)."""
        wizard, preview = self._preview(user, model, self._template(model, template), lang)
        fields = [
            "/".join(preview["matches"].get(index, [])) or False
            for index in range(len(preview["headers"]))
        ]
        options = dict(UI_OPTIONS, sheet=preview["options"]["sheet"])
        # The test run rolls back to a savepoint: what the test made before must be in the
        # database by then, as it is for a user.
        self.env.flush_all()
        for dryrun in (True, False):
            result = wizard.execute_import(fields, preview["headers"], dict(options), dryrun)
            if result["messages"]:
                break
        return result
