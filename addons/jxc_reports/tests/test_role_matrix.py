# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The role matrix of docs/SECURITY.md, checked cell by cell as restricted users.

jxc_reports depends on every other JXC addon, so every model of the matrix exists here. The
page is read from the repository (three levels above this folder); addons deployed without
the repository skip these tests, but a page that is there and cannot be read fails them.
"""

import re
import unittest
from pathlib import Path

from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user

SECURITY_MD = Path(__file__).resolve().parents[3] / "docs" / "SECURITY.md"
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}
PERMISSIONS = re.compile(r"^(?:-|r?w?c?u?)$")
KINDS = {"model", "transient", "view", "abstract"}


def _split_row(line):
    return [cell.strip().strip("`").strip() for cell in line.strip().strip("|").split("|")]


def _tables(text):
    """{section title: [(header, rows)]} of every Markdown table, by its ``##`` section."""
    sections, section, table = {}, None, None
    for line in text.splitlines():
        if line.startswith("## "):
            section, table = line[3:].strip(), None
            continue
        if not line.lstrip().startswith("|"):
            table = None
            continue
        cells = _split_row(line)
        if table is None:
            table = (cells, [])
            sections.setdefault(section, []).append(table)
        elif not all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells):
            table[1].append(cells)
    return sections


def parse_security_md(text):
    """(columns {column: group XML id}, matrix {model: (kind, {column: letters})},
    fields [(model, [field names], groups, [reader columns])], company-ruled models).

    Raises ``ValueError`` for anything that does not follow the page's layout.
    """
    sections = _tables(text)
    columns = {}
    for header, rows in sections.get("Groups", []):
        if header[:3] != ["column", "group", "XML id"]:
            continue
        for row in rows:
            columns[row[0]] = row[2]
    if not columns:
        raise ValueError("no groups table (column | group | XML id) under '## Groups'")

    matrix = {}
    for header, rows in sections.get("Access rights", []):
        if header[:2] != ["model", "kind"]:
            raise ValueError(f"access rights table with header {header}")
        if sorted(header[2:]) != sorted(columns):
            raise ValueError(f"access rights table columns {header[2:]} != groups {list(columns)}")
        for row in rows:
            if len(row) != len(header):
                raise ValueError(f"row {row} has {len(row)} cells, the header {len(header)}")
            model, kind, cells = row[0], row[1], dict(zip(header[2:], row[2:], strict=True))
            if kind not in KINDS:
                raise ValueError(f"{model}: unknown kind {kind!r}")
            bad = {col: cell for col, cell in cells.items() if not PERMISSIONS.match(cell)}
            if not cells or bad or model in matrix:
                raise ValueError(f"{model}: bad or repeated row ({bad or 'repeated'})")
            matrix[model] = (kind, cells)

    fields = []
    for header, rows in sections.get("Sensitive fields", []):
        if header != ["model", "fields", "groups", "readers"]:
            raise ValueError(f"sensitive fields table with header {header}")
        for row in rows:
            if len(row) != len(header):
                raise ValueError(f"sensitive fields row {row} has {len(row)} cells")
            model, names, groups, reader_list = row
            readers = [reader.strip() for reader in reader_list.split(",")]
            if set(readers) - set(columns):
                raise ValueError(f"{model}: unknown readers {set(readers) - set(columns)}")
            fields.append((model, [n.strip() for n in names.split(",")], groups, readers))

    company_ruled = {
        row[0]
        for header, rows in sections.get("Data scopes", [])
        if header == ["model"]
        for row in rows
    }
    return columns, matrix, fields, company_ruled


class TestRoleMatrix(TransactionCase):
    """One restricted user per JXC group; every cell of the matrix is asserted as that user."""

    @classmethod
    def setUpClass(cls):
        if not SECURITY_MD.is_file():
            raise unittest.SkipTest(
                f"{SECURITY_MD} is absent: the addons are deployed without their repository"
            )
        cls.columns, cls.matrix, cls.sensitive_fields, cls.company_ruled = parse_security_md(
            SECURITY_MD.read_text(encoding="utf-8")
        )
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create(
            {"name": "Role Matrix Company B", "currency_id": cls.company_a.currency_id.id}
        )
        cls.users, cls.users_ab = {}, {}
        for column, xmlid in cls.columns.items():
            login = "matrix_" + column.replace(".", "_")
            groups = f"base.group_user,{xmlid}"
            cls.users[column] = new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company_a.id,
                company_ids=[Command.set(cls.company_a.ids)],
            )
            cls.users_ab[column] = new_test_user(
                cls.env,
                login=login + "_ab",
                groups=groups,
                company_id=cls.company_a.id,
                company_ids=[Command.set((cls.company_a | cls.company_b).ids)],
            )
        cls.records_b = cls._make_company_b_documents()

    @classmethod
    def _make_company_b_documents(cls):
        """The main documents of company B, made by their own flows as superuser:
        {model: record}."""
        env = cls.env(
            context=dict(
                cls.env.context, tracking_disable=True, allowed_company_ids=cls.company_b.ids
            )
        )
        company = cls.company_b
        company.write({"jxc_finance_lock_date": False, "jxc_po_approval_amount": 0.0})
        warehouse = env["jxc.stock.warehouse"].create(
            {"name": "Matrix B", "code": "MXB", "company_id": company.id}
        )
        product = env["product.product"].create(
            {"name": "Matrix Product", "type": "consu", "list_price": 10.0}
        )
        partner = env["res.partner"].create({"name": "Matrix Partner B", "is_company": True})
        receipt = env["jxc.stock.picking"].create(
            {
                "picking_type": "in",
                "warehouse_id": warehouse.id,
                "company_id": company.id,
                "line_ids": [
                    Command.create({"product_id": product.id, "quantity": 10, "unit_cost": 4.0})
                ],
            }
        )
        receipt.action_done()
        purchase = env["jxc.purchase.order"].create(
            {
                "partner_id": partner.id,
                "warehouse_id": warehouse.id,
                "company_id": company.id,
                "line_ids": [
                    Command.create({"product_id": product.id, "quantity": 2, "price_unit": 5.0})
                ],
            }
        )
        purchase.action_confirm()
        purchase.picking_ids.action_done()
        pricelist = env["product.pricelist"].create(
            {
                "name": "Matrix B",
                "currency_id": company.currency_id.id,
                "company_id": company.id,
            }
        )
        sale = env["jxc.sale.order"].create(
            {
                "partner_id": partner.id,
                "warehouse_id": warehouse.id,
                "company_id": company.id,
                "pricelist_id": pricelist.id,
                # No salesperson: salespeople limited to their own documents see it too, so
                # that only the company rule can hide it.
                "user_id": False,
                "line_ids": [
                    Command.create({"product_id": product.id, "quantity": 3, "price_unit": 10.0})
                ],
            }
        )
        sale.action_confirm()
        account = env["jxc.finance.account"].create(
            {"name": "Matrix B Bank", "account_type": "bank", "company_id": company.id}
        )
        payment = env["jxc.finance.payment"].create(
            {
                "payment_type": "inbound",
                "partner_id": partner.id,
                "amount": 5.0,
                "account_id": account.id,
                "company_id": company.id,
            }
        )
        payment.action_post()
        records = {
            "jxc.sale.order": sale,
            "jxc.purchase.order": purchase,
            "jxc.stock.picking": receipt,
            "jxc.stock.move": receipt.move_ids,
            "jxc.stock.quant": env["jxc.stock.quant"].search(
                [("warehouse_id", "=", warehouse.id), ("product_id", "=", product.id)]
            ),
            "jxc.finance.entry": env["jxc.finance.entry"].search(
                [("origin", "=", sale.name), ("entry_type", "=", "receivable")]
            ),
            "jxc.finance.payment": payment,
        }
        for model, record in records.items():
            assert len(record) == 1 and record.company_id == company, (model, record)
        return records

    def _cells(self):
        """(model, column, letters) of every cell of the matrix."""
        return [
            (model, column, cells[column])
            for model, (_kind, cells) in sorted(self.matrix.items())
            for column in self.columns
        ]

    def test_page_has_a_full_matrix(self):
        self.assertTrue(self.columns, "no groups parsed from docs/SECURITY.md")
        self.assertTrue(self.matrix, "no access rights parsed from docs/SECURITY.md")
        for column, xmlid in self.columns.items():
            with self.subTest(column=column):
                self.assertTrue(
                    self.env.ref(xmlid, raise_if_not_found=False), f"{xmlid} does not exist"
                )
        jxc_groups = self.env["res.groups"].search(
            [("category_id", "child_of", self.env.ref("jxc_stock.module_category_jxc").id)]
        ) | self.env.ref("jxc_stock.group_jxc_cost")
        documented = self.env["res.groups"].browse(
            [self.env.ref(xmlid).id for xmlid in self.columns.values()]
        )
        self.assertEqual(jxc_groups - documented, self.env["res.groups"], "undocumented groups")

    def test_every_jxc_model_is_in_the_matrix(self):
        registry = {name for name in self.env.registry if name.startswith("jxc.")}
        self.assertFalse(
            registry - set(self.matrix),
            "JXC models missing from docs/SECURITY.md's access rights",
        )
        self.assertFalse(
            set(self.matrix) - set(self.env.registry),
            "docs/SECURITY.md lists models that do not exist",
        )
        for model, (kind, _cells) in self.matrix.items():
            Model = self.env[model]
            actual = (
                "abstract"
                if Model._abstract
                else "transient"
                if Model._transient
                else "model"
                if Model._auto
                else "view"
            )
            with self.subTest(model=model):
                self.assertEqual(kind, actual, f"{model} is a {actual}, not a {kind}")

    def test_access_rights_match_the_matrix(self):
        checked = 0
        for model, column, letters in self._cells():
            Model = self.env[model].with_user(self.users[column])
            for letter, operation in OPERATIONS.items():
                with self.subTest(model=model, group=column, operation=operation):
                    self.assertEqual(
                        Model.has_access(operation),
                        letter in letters,
                        f"{model}: {operation} as {column} (matrix: {letters})",
                    )
                checked += 1
        self.assertGreater(checked, 0)
        self.assertEqual(checked, len(self.matrix) * len(self.columns) * len(OPERATIONS))

    def test_sensitive_fields_match_the_code(self):
        documented = set()
        for model, names, groups, readers in self.sensitive_fields:
            for name in names:
                documented.add((model, name))
                field = self.env[model]._fields.get(name)
                with self.subTest(model=model, field=name):
                    self.assertTrue(field, "documented field does not exist")
                    self.assertEqual(field.groups, groups)
                for column, user in self.users.items():
                    Model = self.env[model].with_user(user)
                    with self.subTest(model=model, field=name, group=column):
                        self.assertEqual(
                            Model.has_access("read") and field.is_accessible(Model.env),
                            column in readers,
                            f"{model}.{name}: read as {column} (readers: {readers})",
                        )
        in_code = {
            (model, name)
            for model in self.env.registry
            for name, field in self.env[model]._fields.items()
            if field.groups
            and any(group.startswith("jxc_") for group in field.groups.split(","))
            and not (model == "res.users" and name in self.env["res.partner"]._fields)
        }
        self.assertTrue(documented, "no sensitive fields parsed from docs/SECURITY.md")
        self.assertFalse(in_code - documented, "fields with a JXC group missing from the page")

    def test_company_rules_match_the_code(self):
        rules = self.env["ir.rule"].search([("global", "=", True)])
        in_code = {
            rule.model_id.model
            for rule in rules
            if rule.model_id.model.startswith("jxc.") and "company_ids" in rule.domain_force
        }
        self.assertTrue(self.company_ruled, "no multi-company models parsed from the page")
        self.assertEqual(self.company_ruled, in_code)

    def test_other_company_documents_are_invisible(self):
        """A user of company A finds no document of company B, whatever their group; the same
        user enabled in both companies does, when the group reads the model."""
        checked = 0
        for model, record in self.records_b.items():
            self.assertIn(model, self.company_ruled)
            readers = [col for col in self.columns if "r" in self.matrix[model][1][col]]
            self.assertTrue(readers, f"no group reads {model}")
            for column in readers:
                env_a, env_ab = (
                    self.env(user=user, context={"allowed_company_ids": user.company_ids.ids})
                    for user in (self.users[column], self.users_ab[column])
                )
                with self.subTest(model=model, group=column):
                    self.assertFalse(
                        env_a[model].search([("id", "=", record.id)]),
                        f"{column} of company A finds {record} of company B",
                    )
                    self.assertFalse(record.with_env(env_a).has_access("read"))
                    self.assertEqual(
                        env_ab[model].search([("id", "=", record.id)]),
                        record,
                        f"{column} of companies A and B does not find {record}",
                    )
                checked += 1
        self.assertGreater(checked, 0)
