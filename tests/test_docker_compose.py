"""The docker-compose deployment is wired as README.md describes (no Docker engine runs here)."""

import configparser
import os
import pathlib
import re
import stat
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def _odoo_options(path):
    parser = configparser.ConfigParser()
    assert parser.read(path, encoding="utf-8"), path
    return parser["options"]


@pytest.fixture(scope="module")
def odoo_conf():
    return _odoo_options(ROOT / "odoo.conf")


def _mounts(service):
    """{container path: host path or volume name} of a service's short-syntax volumes."""
    return {v.split(":")[1]: v.split(":")[0] for v in service.get("volumes", [])}


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
    db_volumes = _mounts(compose["services"]["db"])
    odoo_volumes = {
        v.split(":")[1]: v.split(":")[0] for v in compose["services"]["odoo"]["volumes"]
    }
    assert db_volumes["/var/lib/postgresql/data"] == "jxc-db" and "jxc-db" in named
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


# --- the "scale" profile -------------------------------------------------------------------

SCALE = {
    "db-replica": "postgres:16",
    "odoo-1": "odoo:18.0",
    "odoo-2": "odoo:18.0",
    "proxy": "nginx:1.27",
}
SCALE_ODOO = ("odoo-1", "odoo-2")
DEPLOY = ROOT / "deploy"


def _depends_on(service):
    depends = service.get("depends_on", [])
    return set(depends)  # a list of names, or a mapping name -> condition


def _started_with(compose, name):
    """The services `docker compose up <name>` starts: name and its depends_on, transitively."""
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(_depends_on(compose["services"][current]))
    return seen


@pytest.fixture(scope="module")
def scale_conf():
    return _odoo_options(DEPLOY / "odoo-scale.conf")


def _nginx_directives(text):
    """An nginx file as [(name, args, children or None)], comments dropped."""
    text = re.sub(r"#[^\n]*", "", text)
    tokens = re.findall(r"'[^']*'|\"[^\"]*\"|[{};]|[^\s{};'\"]+", text)

    def block(pos):
        items, words = [], []
        while pos < len(tokens):
            token, pos = tokens[pos], pos + 1
            if token == "}":
                assert not words, f"unterminated directive {words}"
                return items, pos
            if token == ";":
                items.append((words[0], words[1:], None))
                words = []
            elif token == "{":
                children, pos = block(pos)
                items.append((words[0], words[1:], children))
                words = []
            else:
                words.append(token.strip("'\""))
        assert not words, f"unterminated directive {words}"
        return items, pos

    items, pos = block(0)
    assert pos == len(tokens), "unbalanced }"
    return items


def _directives(items, name, *args):
    return [item for item in items if item[0] == name and tuple(item[1][: len(args)]) == args]


def _one(items, name, *args):
    found = _directives(items, name, *args)
    assert len(found) == 1, f"{name} {args}: {len(found)} found"
    return found[0]


@pytest.fixture(scope="module")
def nginx():
    return _nginx_directives((DEPLOY / "nginx" / "jxc.conf").read_text(encoding="utf-8"))


def _seconds(value):
    match = re.fullmatch(r"(\d+)(s|m)?", value)
    assert match, value
    return int(match[1]) * (60 if match[2] == "m" else 1)


def test_default_profile_starts_only_db_and_odoo(compose):
    always = {name for name, s in compose["services"].items() if not s.get("profiles")}
    assert always == {"db", "odoo"}
    assert compose["services"]["odoo"]["ports"] == ["8069:8069"]


def test_scale_profile_services_and_images(compose):
    services = compose["services"]
    scale = {name: s["image"] for name, s in services.items() if "scale" in s.get("profiles", [])}
    assert scale == SCALE
    # `docker compose --profile scale up -d proxy` (README) starts the topology without the
    # default odoo service: proxy, both Odoo servers, primary and replica.
    assert _started_with(compose, "proxy") == {"proxy", "odoo-1", "odoo-2", "db-replica", "db"}
    # only the proxy is published, not on the default odoo's port
    published = {name: s["ports"] for name, s in services.items() if s.get("ports")}
    assert published == {"odoo": ["8069:8069"], "proxy": ["8080:80"]}


def test_scale_depends_on_edges(compose):
    services = compose["services"]
    assert _depends_on(services["db-replica"]) == {"db"}
    for name in SCALE_ODOO:
        depends = services[name]["depends_on"]
        assert set(depends) == {"db", "db-replica"}
        # Odoo starts once the replica answers: its read-only cursors go there
        assert depends["db-replica"]["condition"] == "service_healthy"
    assert "pg_isready" in services["db-replica"]["healthcheck"]["test"]
    assert _depends_on(services["proxy"]) == set(SCALE_ODOO)


def test_scale_odoo_services_share_filestore_addons_and_conf(compose):
    services = compose["services"]
    default_filestore = _mounts(services["odoo"])["/var/lib/odoo"]
    for name in SCALE_ODOO:
        mounts = _mounts(services[name])
        assert mounts["/mnt/extra-addons"] == "./addons"
        assert mounts["/etc/odoo/odoo.conf"] == "./deploy/odoo-scale.conf"
        # one named volume for both (and the default odoo): sessions and attachments shared
        assert mounts["/var/lib/odoo"] == default_filestore == "jxc-filestore"
        assert "ports" not in services[name]
    assert default_filestore in compose["volumes"]
    # scheduled actions run on one server only
    assert "command" not in services["odoo-1"]
    assert services["odoo-2"]["command"] == ["odoo", "--max-cron-threads=0"]


def test_scale_conf_points_at_primary_and_replica(compose, scale_conf):
    db_env = compose["services"]["db"]["environment"]
    assert int(scale_conf["workers"]) > 0
    assert int(scale_conf["max_cron_threads"]) == 1
    assert scale_conf.getboolean("proxy_mode") is True
    assert scale_conf["db_host"] == "db"
    assert compose["services"]["db"]["image"] == "postgres:16"
    assert scale_conf["db_replica_host"] == "db-replica"
    assert scale_conf["db_replica_host"] in compose["services"]
    assert scale_conf["db_port"] == scale_conf["db_replica_port"] == "5432"
    assert scale_conf["db_user"] == db_env["POSTGRES_USER"]
    assert scale_conf["db_password"] == db_env["POSTGRES_PASSWORD"]
    paths = [p.strip() for p in scale_conf["addons_path"].split(",")]
    assert "/mnt/extra-addons" in paths
    assert scale_conf["data_dir"] == "/var/lib/odoo"
    assert int(scale_conf["limit_memory_soft"]) < int(scale_conf["limit_memory_hard"])


def test_scale_conf_keeps_the_options_of_odoo_conf(odoo_conf, scale_conf):
    differing = {
        key: (value, scale_conf.get(key))
        for key, value in odoo_conf.items()
        if scale_conf.get(key) != value
    }
    assert differing == {}


def _run_script(script, env, tmp_path, *args):
    """Run a deploy script with stubs of the commands it calls, each logging its arguments
    (and PGPASSWORD) to <tmp>/calls; pg_basebackup makes a standby's marker files."""
    stubs = tmp_path / "bin"
    stubs.mkdir(exist_ok=True)
    log = tmp_path / "calls"
    stub = f'#!/bin/bash\necho "$(basename "$0") $* PGPASSWORD=${{PGPASSWORD:-}}" >>{log}\n'
    for command in ("pg_isready", "chown", "docker-entrypoint.sh"):
        (stubs / command).write_text(stub)
    (stubs / "psql").write_text(stub + f'cat >>"{log}"\n')  # its SQL
    (stubs / "gosu").write_text(stub + 'shift; exec "$@"\n')
    (stubs / "pg_basebackup").write_text(
        stub + 'while [ "$1" != -D ]; do shift; done; touch "$2/PG_VERSION" "$2/standby.signal"\n'
    )
    for path in stubs.iterdir():
        path.chmod(0o755)
    run = subprocess.run(
        ["bash", str(script), *args],
        env={**env, "PATH": f"{stubs}:{os.environ['PATH']}"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return run, calls


def _script(compose, service, target):
    """The host file of a script a service mounts at target; executable, in git too."""
    source = _mounts(compose["services"][service])[target]
    path = ROOT / source
    assert path.is_file(), source
    assert path.stat().st_mode & stat.S_IXUSR, f"{source} is not executable"
    staged = subprocess.run(
        ["git", "ls-files", "-s", "--", source],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    if staged:  # a git checkout with the file committed
        assert staged[0] == "100755", f"{source} has git mode {staged[0]}"
    return path


def test_primary_init_script_allows_replication(compose, tmp_path):
    db = compose["services"]["db"]
    script = _script(compose, "db", "/docker-entrypoint-initdb.d/10-jxc-replication.sh")
    assert _mounts(db)["/var/lib/postgresql/data"] == "jxc-db"
    pgdata = tmp_path / "data"
    pgdata.mkdir()
    hba = pgdata / "pg_hba.conf"
    hba.write_text("host all all all scram-sha-256\n", encoding="utf-8")
    env = {"PGDATA": str(pgdata), "POSTGRES_USER": db["environment"]["POSTGRES_USER"]}
    for _again in range(2):  # idempotent: also run by hand on an older volume
        run, calls = _run_script(script, env, tmp_path)
        assert run.returncode == 0, run.stderr
        assert calls[0].startswith("psql -v ON_ERROR_STOP=1 --username odoo")
        assert "ALTER SYSTEM SET wal_keep_size = '1GB';" in calls
    lines = [line for line in hba.read_text(encoding="utf-8").splitlines() if "#" not in line]
    assert lines == ["host all all all scram-sha-256", "host replication odoo all scram-sha-256"]


def test_replica_entrypoint_clones_the_primary_once(compose, tmp_path):
    replica = compose["services"]["db-replica"]
    target = "/usr/local/bin/jxc-replica-entrypoint.sh"
    script = _script(compose, "db-replica", target)
    assert replica["entrypoint"] == ["bash", target]
    assert _mounts(replica)["/var/lib/postgresql/data"] == "jxc-db-replica"
    assert "jxc-db-replica" in compose["volumes"]
    db_env = compose["services"]["db"]["environment"]
    env = {key: str(value) for key, value in replica["environment"].items()}
    assert env["PRIMARY_HOST"] == "db" and env["PRIMARY_PORT"] == "5432"
    assert env["PRIMARY_USER"] == db_env["POSTGRES_USER"]
    assert env["PGPASSWORD"] == db_env["POSTGRES_PASSWORD"]
    pgdata = tmp_path / "replica"
    env["PGDATA"] = str(pgdata)
    command = replica["command"]
    assert command == ["postgres", "-c", "hot_standby_feedback=on"]

    # first start: wait for the primary, copy it as a standby, start the image's entrypoint
    run, calls = _run_script(script, env, tmp_path, *command)
    assert run.returncode == 0, run.stderr
    assert [c.split()[0] for c in calls] == [
        "chown",
        "pg_isready",
        "gosu",
        "pg_basebackup",
        "chown",
        "docker-entrypoint.sh",
    ]
    assert calls[1] == "pg_isready -q -h db -p 5432 -U odoo PGPASSWORD=odoo"
    assert calls[3] == (
        f"pg_basebackup -h db -p 5432 -U odoo -D {pgdata} -R -X stream --checkpoint=fast"
        " PGPASSWORD=odoo"
    )
    assert calls[2] == f"gosu postgres {calls[3]}"
    assert calls[5] == "docker-entrypoint.sh postgres -c hot_standby_feedback=on PGPASSWORD=odoo"
    assert stat.S_IMODE(pgdata.stat().st_mode) == 0o700

    # later starts: no new copy
    run, calls = _run_script(script, env, tmp_path, *command)
    assert run.returncode == 0, run.stderr
    assert calls == ["docker-entrypoint.sh postgres -c hot_standby_feedback=on PGPASSWORD=odoo"]

    # a data directory that is not a standby (promoted) is not served as the replica
    (pgdata / "standby.signal").unlink()
    run, calls = _run_script(script, env, tmp_path, *command)
    assert run.returncode == 1 and calls == []
    assert "not a standby" in run.stderr


def test_deploy_shell_scripts_parse():
    scripts = sorted(DEPLOY.rglob("*.sh"))
    assert {s.name for s in scripts} == {"primary-init.sh", "replica-entrypoint.sh"}
    for script in scripts:
        assert script.read_text(encoding="utf-8").startswith("#!/bin/bash\n")
        run = subprocess.run(
            ["bash", "-n", str(script)], capture_output=True, text=True, check=False
        )
        assert run.returncode == 0, run.stderr


def test_nginx_upstreams_are_the_two_odoo_services(nginx, scale_conf):
    http = _one(nginx, "upstream", "jxc_odoo")[2]
    websocket = _one(nginx, "upstream", "jxc_odoo_websocket")[2]
    assert [args for _name, args, _c in http] == [
        [f"{name}:{scale_conf['http_port']}"] for name in SCALE_ODOO
    ]
    assert [args for _name, args, _c in websocket] == [
        [f"{name}:{scale_conf['gevent_port']}"] for name in SCALE_ODOO
    ]
    assert (scale_conf["http_port"], scale_conf["gevent_port"]) == ("8069", "8072")


def test_nginx_routes_websocket_and_sets_proxy_headers(nginx, scale_conf):
    server = _one(nginx, "server")[2]
    assert _one(nginx, "map", "$http_upgrade", "$connection_upgrade")[2] == [
        ("default", ["upgrade"], None),
        ("", ["close"], None),
    ]
    websocket = _one(server, "location", "/websocket")[2]
    root = _one(server, "location", "/")[2]
    assert _one(websocket, "proxy_pass")[1] == ["http://jxc_odoo_websocket"]
    assert _one(root, "proxy_pass")[1] == ["http://jxc_odoo"]
    assert _one(websocket, "proxy_http_version")[1] == ["1.1"]
    headers = {
        "X-Forwarded-Host": "$http_host",
        "X-Forwarded-For": "$proxy_add_x_forwarded_for",
        "X-Forwarded-Proto": "$scheme",
        "X-Real-IP": "$remote_addr",
    }
    for location, extra in (
        (websocket, {"Upgrade": "$http_upgrade", "Connection": "$connection_upgrade"}),
        (root, {}),
    ):
        # proxy_set_header in a location replaces the server's: each sets them all
        set_headers = dict(args for _n, args, _c in _directives(location, "proxy_set_header"))
        assert set_headers == {**headers, **extra}
    # Odoo, not the proxy, ends a long request (limit_time_real)
    assert _seconds(_one(server, "proxy_read_timeout")[1][0]) > int(scale_conf["limit_time_real"])
    assert _one(server, "client_max_body_size")[1] == ["512m"]
    assert _one(server, "gzip")[1] == ["on"]


def test_proxy_publishes_the_nginx_port_readme_names(compose, nginx):
    proxy = compose["services"]["proxy"]
    assert _mounts(proxy)["/etc/nginx/conf.d/default.conf"] == "./deploy/nginx/jxc.conf"
    host_port, container_port = proxy["ports"][0].split(":")
    assert _one(_one(nginx, "server")[2], "listen")[1] == [container_port]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"http://localhost:{host_port}" in readme
    assert "docker compose --profile scale up -d proxy" in readme
