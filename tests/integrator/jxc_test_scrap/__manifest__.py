# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "JXC Test: Scrap Issues (integrator example)",
    "summary": "Test-only addon that extends JXC as an integrator would: a scrap document type, "
    "a ledger column filled through the posting hooks, hooks overridden with super()",
    "version": "18.0.1.0.0",
    "category": "Hidden",
    "author": "JXC contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["jxc_stock"],
    "data": [],
}
