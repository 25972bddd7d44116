# Copyright 2026 JXC contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class JxcGoliveStep(models.Model):
    """A step of a go-live's checklist: its state and summary are computed from the
    company's data each time they are read (see ``jxc.golive._get_steps``)."""

    _name = "jxc.golive.step"
    _description = "Go-Live Step"
    _order = "sequence, id"

    golive_id = fields.Many2one("jxc.golive", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="golive_id.company_id", store=True)
    key = fields.Char(required=True, readonly=True)
    sequence = fields.Integer(readonly=True)
    name = fields.Char(string="Step", compute="_compute_state")
    is_done = fields.Boolean(string="Done", compute="_compute_state")
    summary = fields.Char(compute="_compute_state")
    has_action = fields.Boolean(compute="_compute_state")

    _sql_constraints = [
        ("key_uniq", "unique(golive_id, key)", "A go-live has each step once."),
    ]

    @api.depends("key", "golive_id.state", "golive_id.cutover_date")
    def _compute_state(self):
        labels = {key: label for _seq, key, label in self.env["jxc.golive"]._get_steps()}
        for step in self:
            step.name = labels.get(step.key, step.key)
            if step.key in labels:
                step.is_done, step.summary = step.golive_id._get_step_state(step.key)
            else:  # a step of a department that was uninstalled
                step.is_done, step.summary = False, ""
            step.has_action = (
                step.key in labels
                and hasattr(step.golive_id, f"_get_step_action_{step.key}")
                and step.key != "finish"
            )

    def action_open(self):
        self.ensure_one()
        self.golive_id.check_access("read")
        return self.golive_id._get_step_action(self.key)
