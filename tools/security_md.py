"""Regenerate the machine-readable tables of docs/SECURITY.md from a database.

Usage: .venv/bin/python tools/security_md.py DB
DB must have the five addons installed (e.g. the test database `jxc_test` after `make test`).
The tables between `<!-- generated:NAME -->` and `<!-- /generated -->` (groups, access rights,
sensitive fields, multi-company rules) are rewritten from the code as it is: one restricted user
per JXC group, in a transaction that is rolled back. The prose around them (actions, design
rules, known gaps) stays yours to keep true. `addons/jxc_reports/tests/test_role_matrix.py`
checks the tables against the code.
"""

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONF = os.path.join(ROOT, ".run", "odoo.conf")
PAGE = os.path.join(ROOT, "docs", "SECURITY.md")
ADDONS = ["jxc_stock", "jxc_purchase", "jxc_sales", "jxc_finance", "jxc_reports"]
OPERATIONS = [("r", "read"), ("w", "write"), ("c", "create"), ("u", "unlink")]
EXTRA_MODELS = ["product.supplierinfo", "res.partner"]


def column_name(xmlid):
    """`jxc_stock.group_jxc_stock_user` -> `stock.user`; `jxc_stock.group_jxc_cost` -> `cost`."""
    name = xmlid.split(".", 1)[1].removeprefix("group_jxc_")
    head, _sep, tail = name.partition("_")
    return f"{head}.{tail}" if tail else head


def kind(model):
    if model._abstract:
        return "abstract"
    if model._transient:
        return "transient"
    return "model" if model._auto else "view"


def row(cells):
    return "| " + " | ".join(cells) + " |"


def tables(env):
    Groups = env["res.groups"]
    jxc = Groups.browse(
        env["ir.model.data"]
        .search([("model", "=", "res.groups"), ("module", "in", ADDONS)])
        .mapped("res_id")
    )
    xmlids = jxc.get_external_id()
    order = {addon: n for n, addon in enumerate(ADDONS)}
    groups = sorted(jxc, key=lambda g: (order[xmlids[g.id].split(".")[0]], g.id))
    columns = {column_name(xmlids[g.id]): g for g in groups}
    names = {g: c for c, g in columns.items()}
    users = {}
    for column, group in columns.items():
        users[column] = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": f"Matrix {column}",
                    "login": f"security_md_{column}",
                    "groups_id": [(6, 0, (env.ref("base.group_user") | group).ids)],
                }
            )
        )
    out = {}
    lines = [
        row(["column", "group", "XML id", "implies"]),
        row(["---"] * 4),
    ]
    for column, group in columns.items():
        implied = [
            f"`{names[g]}`" if g in names else g.full_name for g in group.implied_ids.sorted("id")
        ]
        lines.append(
            row([f"`{column}`", group.full_name, f"`{xmlids[group.id]}`", ", ".join(implied)])
        )
    out["groups"] = lines

    by_addon = {addon: [] for addon in ADDONS}
    for model_name in sorted(name for name in env.registry if name.startswith("jxc.")):
        module = env[model_name]._original_module
        by_addon[module if module in by_addon else "jxc_stock"].append(model_name)
    by_addon["jxc_stock"] += ["res.partner"]
    by_addon["jxc_purchase"] += ["product.supplierinfo"]
    lines = []
    for addon in ADDONS:
        lines += [f"### {addon}", ""]
        lines.append(row(["model", "kind", *columns]))
        lines.append(row(["---"] * (len(columns) + 2)))
        for model_name in by_addon[addon]:
            cells = []
            for column in columns:
                Model = env[model_name].with_user(users[column])
                letters = "".join(
                    letter for letter, operation in OPERATIONS if Model.has_access(operation)
                )
                cells.append(letters or "-")
            lines.append(row([f"`{model_name}`", kind(env[model_name]), *cells]))
        lines.append("")
    out["access"] = lines[:-1]

    lines = [row(["model", "fields", "groups", "readers"]), row(["---"] * 4)]
    for model_name in sorted(env.registry):
        if model_name == "res.users":
            continue  # repeats res.partner's fields (delegation)
        grouped = {}
        for name, field in env[model_name]._fields.items():
            if field.groups and any(g.startswith("jxc_") for g in field.groups.split(",")):
                grouped.setdefault(field.groups, []).append(name)
        for field_groups, field_names in grouped.items():
            field = env[model_name]._fields[field_names[0]]
            readers = [
                column
                for column, user in users.items()
                if env[model_name].with_user(user).has_access("read")
                and field.is_accessible(env[model_name].with_user(user).env)
            ]
            lines.append(
                row(
                    [
                        f"`{model_name}`",
                        ", ".join(field_names),
                        f"`{field_groups}`",
                        ", ".join(readers) or "-",
                    ]
                )
            )
    out["fields"] = lines

    rules = env["ir.rule"].search([("global", "=", True)])
    ruled = sorted(
        {
            r.model_id.model
            for r in rules
            if r.model_id.model.startswith("jxc.") and "company_ids" in r.domain_force
        }
    )
    out["companies"] = [row(["model"]), row(["---"]), *(row([f"`{m}`"]) for m in ruled)]
    return out


def main(db):
    sys.path.insert(0, ROOT)
    import odoo

    odoo.tools.config.parse_config(["-c", CONF, "-d", db])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        generated = tables(env)
        cr.rollback()
    with open(PAGE, encoding="utf-8") as f:
        text = f.read()
    for name, lines in generated.items():
        pattern = re.compile(rf"(<!-- generated:{name} -->\n).*?(<!-- /generated -->)", re.DOTALL)
        if not pattern.search(text):
            sys.exit(f"{PAGE} has no <!-- generated:{name} --> block")
        text = pattern.sub(
            lambda m, lines=lines: m.group(1) + "\n".join(lines) + "\n" + m.group(2), text
        )
    with open(PAGE, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{PAGE}: tables regenerated from {db}")


if __name__ == "__main__":
    main(*sys.argv[1:2])
