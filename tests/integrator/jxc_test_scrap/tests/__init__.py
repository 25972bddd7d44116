from . import test_scrap
