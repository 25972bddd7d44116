from . import test_jxc_groups
