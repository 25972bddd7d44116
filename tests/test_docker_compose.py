"""The docker-compose deployment is wired as README.md describes (no Docker engine runs here)."""

import configparser
import pathlib

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def odoo_conf():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "odoo.conf", encoding="utf-8")
    return parser["options"]


def test_images_are_official_odoo_18_and_postgres_16(compose):
    assert compose["services"]["odoo"]["image"] == "odoo:18.0"
    assert compose["services"]["db"]["image"] == "postgres:16"


def test_addons_and_config_are_mounted(compose):
    volumes = compose["services"]["odoo"]["volumes"]
    targets = {v.split(":")[1]: v.split(":")[0] for v in volumes}
    assert targets["/mnt/extra-addons"] == "./addons"
    assert targets["/etc/odoo/odoo.conf"] == "./odoo.conf"
    assert (ROOT / "addons" / "jxc_stock" / "__manifest__.py").is_file()


def test_database_and_filestore_are_named_volumes(compose):
    named = set(compose["volumes"])
    db_volumes = [v.split(":")[0] for v in compose["services"]["db"]["volumes"]]
    odoo_volumes = {
        v.split(":")[1]: v.split(":")[0] for v in compose["services"]["odoo"]["volumes"]
    }
    assert db_volumes == ["jxc-db"] and "jxc-db" in named
    assert odoo_volumes["/var/lib/odoo"] in named


def test_odoo_conf_points_at_compose_database(compose, odoo_conf):
    db_env = compose["services"]["db"]["environment"]
    assert odoo_conf["db_host"] == "db"
    assert odoo_conf["db_user"] == db_env["POSTGRES_USER"]
    assert odoo_conf["db_password"] == db_env["POSTGRES_PASSWORD"]
    assert "db" in compose["services"]["odoo"]["depends_on"]
    assert odoo_conf["data_dir"] == "/var/lib/odoo"


def test_odoo_conf_addons_path_has_the_mounted_addons(odoo_conf):
    paths = [p.strip() for p in odoo_conf["addons_path"].split(",")]
    assert "/mnt/extra-addons" in paths
