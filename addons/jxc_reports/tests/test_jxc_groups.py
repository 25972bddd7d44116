"""Security layout shared by the five addons: one JXC category, a user and a manager group each."""

from odoo.tests import TransactionCase

ADDONS = ["jxc_stock", "jxc_purchase", "jxc_sales", "jxc_finance", "jxc_reports"]


class TestJxcGroups(TransactionCase):
    def test_each_addon_has_user_and_manager_under_jxc(self):
        jxc = self.env.ref("jxc_stock.module_category_jxc")
        admin = self.env.ref("base.user_admin")
        for addon in ADDONS:
            user = self.env.ref(f"{addon}.group_{addon}_user")
            manager = self.env.ref(f"{addon}.group_{addon}_manager")
            self.assertEqual(user.category_id, manager.category_id, addon)
            self.assertEqual(user.category_id.parent_id, jxc, addon)
            self.assertIn(user, manager.implied_ids, addon)
            self.assertIn(admin, manager.users, addon)

    def test_menu_tree_has_a_department_per_addon(self):
        root = self.env.ref("jxc_stock.menu_jxc_root")
        for addon in ADDONS:
            menu = self.env.ref(f"{addon}.{addon}_menu")
            user = self.env.ref(f"{addon}.group_{addon}_user")
            self.assertEqual(menu.parent_id, root, addon)
            # The department's lowest group: its users, or one they imply (sales' own documents).
            self.assertIn(menu.groups_id, user | user.implied_ids, addon)
            self.assertEqual(menu.groups_id.category_id, user.category_id, addon)
