import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

# The integrator's example addon is tested by test_integrator_addon.py, inside its own Odoo.
collect_ignore = ["integrator"]
