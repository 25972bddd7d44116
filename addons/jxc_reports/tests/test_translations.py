# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools.translate import TranslationModuleReader

from odoo.addons.jxc_finance.tests.common import JxcFinanceCommon

# A term a Chinese reader would see as English: a word of two or more Latin letters and not
# one Chinese character ("ID", "%s" and numbers stay as they are in every language).
ENGLISH = re.compile(r"[A-Za-z]*[a-z]{2,}")
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# Placeholders and markup are not words a reader sees.
NOT_WORDS = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|<[^>]*>|&[a-z]+;|\{[a-z_]+\}")
# A report's file name is a Python expression: its record's fields are not words either.
CODE_WORDS = re.compile(r"\bobject(\.[a-z_]+)+")


def reads_english(text, code=False):
    text = NOT_WORDS.sub("", text or "")
    if code:
        text = CODE_WORDS.sub("", text)
    return bool(ENGLISH.search(text)) and not CHINESE.search(text)


class TestTranslations(JxcFinanceCommon):
    """Chinese everywhere (#15): with zh_CN loaded, no JXC source term is left in English, and
    the strings a user met in English (the shortage warning, the ledger's move types, the
    statement dialog's title, the discount error) and the numbers in messages read right."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.modules = cls.env["ir.module.module"].search(
            [("name", "=like", "jxc\\_%"), ("state", "=", "installed")]
        )
        cls.modules._update_translations(["zh_CN"], overwrite=True)
        cls.zh = cls.env(context=dict(cls.env.context, lang="zh_CN"))

    def _jxc_field(self, name, res_id):
        """The field a ``ir.model.fields,…`` term belongs to, or None."""
        if not name.startswith("ir.model.fields") or not isinstance(res_id, str):
            return None
        record = self.env.ref(res_id, raise_if_not_found=False)
        if record is None:
            return None
        if record._name == "ir.model.fields.selection":
            record = record.field_id
        model = self.env.get(record.model)
        return model._fields.get(record.name) if model is not None else None

    def test_every_jxc_term_is_translated(self):
        """Every term JXC's code, models, views and data export has a Chinese translation
        (fields JXC's models inherit from Odoo's mixins translate with Odoo)."""
        self.assertEqual(len(self.modules), 5)
        # A Python file Babel cannot read (an f-string among a _() call's arguments) is
        # left out from there on, with an error in the log: its messages stay in English.
        with self.assertNoLogs("odoo.tools.translate", level="ERROR"):
            reader = TranslationModuleReader(
                self.env.cr, modules=self.modules.mapped("name"), lang="zh_CN"
            )
        terms, missing = 0, []
        for module, ttype, name, res_id, source, value, _comments in reader:
            terms += 1
            if value and value != source:
                continue
            field = self._jxc_field(name, res_id)
            if field is not None and not (field._module or "").startswith("jxc_"):
                continue
            if reads_english(source, code=name.endswith("print_report_name")):
                missing.append(f"{module} {ttype} {name} {res_id}: {source!r}")
        self.assertGreater(terms, 3000)
        self.assertFalse(missing, "untranslated JXC terms:\n" + "\n".join(missing[:50]))

    def test_field_labels_and_choices_read_in_chinese(self):
        """What the screens show of every JXC model: field labels and the labels of choices,
        including choices a report borrows from another model (the stock ledger's move
        types), in Chinese."""
        english = []
        models = self.env["ir.model"].search([("model", "=like", "jxc.%")])
        self.assertGreater(len(models), 40)
        for model_name in models.mapped("model"):
            Model = self.zh.get(model_name)
            if Model is None:
                continue
            described = Model.fields_get(attributes=["string", "selection"])
            for fname, desc in described.items():
                field = Model._fields[fname]
                if not (field._module or "").startswith("jxc_"):
                    continue
                texts = [desc.get("string")] + [label for _v, label in desc.get("selection") or []]
                english += [f"{model_name}.{fname}: {t!r}" for t in texts if reads_english(t)]
        self.assertFalse(english, "English labels:\n" + "\n".join(english[:50]))

    def test_stock_ledger_move_types_in_chinese(self):
        labels = dict(
            self.zh["jxc.report.stock.ledger"].fields_get(["move_type"])["move_type"]["selection"]
        )
        moves = dict(self.zh["jxc.stock.move"].fields_get(["move_type"])["move_type"]["selection"])
        self.assertEqual(labels, moves)
        for move_type in ("in", "sale_out", "purchase_in", "count_loss"):
            self.assertRegex(labels[move_type], CHINESE)
        # Stored values stay the technical keys, whatever the reader's language.
        self.assertIn(
            "sale_out", self.zh["jxc.report.stock.ledger"]._fields["move_type"].get_values(self.zh)
        )

    def test_shortage_warning_in_chinese(self):
        order = self._make_order([(self.product, 5)]).with_env(self.zh)
        result = order.line_ids._onchange_check_availability()
        self.assertEqual(result["warning"]["title"], "库存不足")
        self.assertIn("订购 5", result["warning"]["message"])

    def test_discount_error_in_chinese(self):
        order = self._make_order([(self.product, 1)])
        with (
            self.assertRaisesRegex(UserError, "折扣必须在 0 到 100% 之间.*150"),
            self.cr.savepoint(),
        ):
            order.line_ids.with_env(self.zh).write({"discount": 150})
        self.env.invalidate_all()
        self.assertEqual(order.line_ids.discount, 0)

    def test_statement_dialog_has_its_title(self):
        statement = self.zh["jxc.finance.statement"].create({"partner_id": self.customer.id})
        action = statement.with_user(self.finance_user).with_context(lang="zh_CN").action_compute()
        self.assertEqual(action["name"], "对账单")

    def test_numbers_in_messages_with_currency_digits(self):
        """ "¥ 1,525.50 超过 ¥ 1,000.00", not "1525.5 超过 1000.0"."""
        self._entry(self.customer, 1525.5, ref="FMT-1")
        payment = self._payment(self.customer, 1000.0, post=False, settle_mode="manual")
        entry = self.env["jxc.finance.entry"].search([("reference", "=", "FMT-1")])
        payment.write({"line_ids": [Command.create({"entry_id": entry.id, "amount": 1525.5})]})
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            payment.with_env(self.zh).action_post()
        message = str(caught.exception)
        self.assertIn("1,525.50", message)
        self.assertIn("1,000.00", message)
        self.assertIn(self.currency.symbol, message)
        self.assertNotIn("1525.5 ", message)
        self.env.invalidate_all()
        self.assertEqual(payment.state, "draft")
        self.assertEqual(entry.amount_residual, 1525.5)

    def test_quantities_in_messages_with_their_unit(self):
        """A delivery over what is left on the order names the quantities as entered."""
        order = self._make_order([(self.product, 3)])
        with self.assertRaises(UserError) as caught, self.cr.savepoint():
            order.line_ids.with_env(self.zh).write({"quantity": -1234.5})
        self.assertIn("-1,234.5", str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(order.line_ids.quantity, 3)
