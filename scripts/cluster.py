"""make cluster: the production topology on this machine, on loopback, as the current user.

nginx on $RASA_PORT (round-robin, no stickiness) in front of $CLUSTER_REPLICAS Rasa servers (default 2,
ports RASA_PORT+1...), and on $ACTION_PORT in front of $CLUSTER_ACTION_REPLICAS action servers
(default 2, ports ACTION_PORT+1...); PostgreSQL ($CLUSTER_PG_PORT, 55432) holds the tracker store and
the intake records, Redis ($CLUSTER_REDIS_PORT, 56379) the lock store. Everything lives in
$CLUSTER_DIR (var/cluster/). As root, PostgreSQL runs as the postgres user and nginx's workers as
nobody.

supervisord (scripts/supervision.py, the same design as `make run`) starts Redis, the action servers,
the Rasa servers and nginx, starts again whichever dies, and restarts an action server that hangs
(superlance's httpok). This script starts PostgreSQL (pg_ctl) and supervisord, then asks each server
every second whether it is ready (/health/ready, /health) and rewrites nginx's upstreams when that
changes (nginx reloads without dropping a request). Ctrl-C or SIGTERM stops it all in order: nginx
finishes what it has, the Rasa servers finish their turns (SIGTERM, all at once), then the action
servers, Redis and PostgreSQL.

$CLUSTER_DIR/state.json names every process, port and file (the tests read it).
"""

from __future__ import annotations

import glob
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bot.paths import VAR_DIR
from bot.sessions import load_secret
from channels.cluster import ERROR_TEXT
from scripts import supervision

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "scripts" / "templates"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
START_TIMEOUT_S = 600
FAILURE_THRESHOLD = 3
QUIET_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
             "PYTHONWARNINGS": "ignore", "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1"}  # fmt: skip
HSTS = "max-age=31536000; includeSubDomains"


def as_root() -> bool:
    return os.geteuid() == 0


def pg_tool(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        sys.exit("PostgreSQL is not installed: run scripts/install_system.sh")
    return found[-1]


def as_postgres(args: list, **kwargs) -> subprocess.CompletedProcess:
    prefix = ["runuser", "-u", "postgres", "--"] if as_root() else []
    return subprocess.run(prefix + args, check=True, capture_output=True, text=True, **kwargs)


def port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def http_ok(url: str, timeout: float = 4) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return reply.status == 200
    except Exception:
        return False


def tls_lines(cert: str, key: str) -> str:
    """With a certificate and key: TLS on nginx's port, and HSTS on every answer (also the error page's)."""
    if not (cert and key):
        return ""
    return (f"        ssl_certificate {cert};\n        ssl_certificate_key {key};\n"
            "        ssl_protocols TLSv1.2 TLSv1.3;\n"
            f'        add_header Strict-Transport-Security "{HSTS}" always;\n')  # fmt: skip


def nginx_conf(prefix: Path, port: int, action_port: int, action_timeout: float, cert: str = "", key: str = "") -> str:
    text = (TEMPLATES / "cluster-nginx.conf.template").read_text(encoding="utf-8")
    values = {"user_line": "user nobody nogroup;" if as_root() else "", "prefix": str(prefix), "port": str(port),
              "ssl": " ssl" if cert and key else "", "tls_lines": tls_lines(cert, key),
              "action_port": str(action_port), "read_timeout": "60", "action_timeout": str(int(action_timeout)),
              "error_text": ERROR_TEXT}  # fmt: skip
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def upstreams(rasa: list, actions: list) -> str:
    """nginx's upstream blocks from (port, ready) pairs. Servers that are not ready are left out; when none
    is ready, all stay in (fail open: each server then answers for itself, with the Dutch error when its
    stores are down)."""

    def block(name: str, servers: list, fail_timeout: int) -> str:
        any_ready = any(ready for _, ready in servers)
        options = f"max_fails=1 fail_timeout={fail_timeout}s"
        lines = [f"    server 127.0.0.1:{port} {options}{'' if ready or not any_ready else ' down'};"
                 for port, ready in servers]  # fmt: skip
        return f"upstream {name} {{\n" + "\n".join(lines) + "\n}\n"

    return block("rasa", rasa, 5) + block("actions", actions, 3)


def free_port_block(count: int) -> int:
    """The first of ``count`` consecutive free loopback ports."""
    while True:
        base = random.randint(20000, 60000)
        if all(port_free(port) for port in range(base, base + count)):
            return base


def launch(directory: Path, env: dict) -> subprocess.Popen:
    """This script as a child process, with its output in ``directory``/cluster.log."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "cluster.log", "a") as log:
        return subprocess.Popen([PYTHON, "-m", "scripts.cluster"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ, **env, "CLUSTER_DIR": str(directory)})  # fmt: skip


def wait_ready(process: subprocess.Popen, directory: Path, timeout: float = 600) -> dict:
    """The state of a launched cluster once every server is ready."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the cluster stopped: " + (directory / "cluster.log").read_text()[-3000:])
        try:
            state = json.loads((directory / "state.json").read_text())
            if state["ready"]:
                return state
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(1)
    raise RuntimeError(f"the cluster was not ready within {timeout:.0f} s")


class Config:
    def __init__(self, env=os.environ):
        self.dir = Path(env.get("CLUSTER_DIR", VAR_DIR / "cluster")).resolve()
        self.port = int(env.get("RASA_PORT", "5005"))
        self.action_port = int(env.get("ACTION_PORT", "5055"))
        self.replicas = int(env.get("CLUSTER_REPLICAS", "2"))
        self.action_replicas = int(env.get("CLUSTER_ACTION_REPLICAS", "2"))
        self.pg_port = int(env.get("CLUSTER_PG_PORT", "55432"))
        self.redis_port = int(env.get("CLUSTER_REDIS_PORT", "56379"))
        self.action_timeout = float(env.get("ACTION_TIMEOUT_S", "10"))
        self.model = env.get("CLUSTER_MODEL", str(ROOT / "models" / "intake.tar.gz"))
        self.tls_cert, self.tls_key = env.get("CLUSTER_TLS_CERT", ""), env.get("CLUSTER_TLS_KEY", "")
        if bool(self.tls_cert) != bool(self.tls_key):
            sys.exit("set both CLUSTER_TLS_CERT and CLUSTER_TLS_KEY, or neither")
        self.rasa_ports = [self.port + 1 + i for i in range(self.replicas)]
        self.action_ports = [self.action_port + 1 + i for i in range(self.action_replicas)]
        origins = [o for o in env.get("CHAT_ALLOWED_ORIGINS", "").replace(",", " ").split() if o]
        if "*" in origins:
            sys.exit("CHAT_ALLOWED_ORIGINS may not contain '*'")
        self.origins = origins

    def token(self, env=os.environ) -> str:
        """$RASA_AUTH_TOKEN, or one made once and kept in the cluster folder (mode 600)."""
        if env.get("RASA_AUTH_TOKEN"):
            return env["RASA_AUTH_TOKEN"]
        path = self.dir / "auth.token"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(32))
        return path.read_text().strip()


class Cluster:
    def __init__(self, config: Config):
        self.c = config
        self.stopping = False
        self.logs = config.dir / "logs"
        self.nginx_dir = config.dir / "nginx"
        self.pg_data = config.dir / "pg" / "data"
        self.supervisor = None
        self.ready: dict = {}  # server name -> in nginx's upstreams
        self.failures: dict = {}  # server name -> failed readiness checks in a row
        self.pids: dict = {}
        self.nginx_started = False

    # --- infrastructure -----------------------------------------------------------------------
    def prepare(self) -> None:
        for path in (self.c.dir, self.logs, self.nginx_dir / "tmp"):
            path.mkdir(parents=True, exist_ok=True)
        taken = [p for p in [self.c.port, self.c.action_port, self.c.pg_port, self.c.redis_port, *self.c.rasa_ports,
                             *self.c.action_ports] if not port_free(p)]  # fmt: skip
        if taken:
            sys.exit(f"ports in use on 127.0.0.1: {taken} (set RASA_PORT, ACTION_PORT, CLUSTER_PG_PORT, ...)")
        if as_root():
            os.chmod(self.c.dir, 0o755)  # the postgres user reaches its data folder

    def start_postgres(self) -> None:
        pg_dir = self.pg_data.parent
        pg_dir.mkdir(exist_ok=True)
        if as_root():
            shutil.chown(pg_dir, "postgres", "postgres")
        fresh = not (self.pg_data / "PG_VERSION").exists()
        if fresh:
            as_postgres([pg_tool("initdb"), "-D", str(self.pg_data), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
        as_postgres([pg_tool("pg_ctl"), "-D", str(self.pg_data), "-w", "-l", str(pg_dir / "postgres.log"), "-o",
                     f"-p {self.c.pg_port} -k {pg_dir} -c listen_addresses=127.0.0.1", "start"])  # fmt: skip
        listed = as_postgres([pg_tool("psql"), "-h", "127.0.0.1", "-p", str(self.c.pg_port), "-U", "postgres",
                              "-Atc", "SELECT datname FROM pg_database"]).stdout.split()  # fmt: skip
        for db in ("trackers", "intakes"):
            if db not in listed:
                as_postgres([pg_tool("createdb"), "-h", "127.0.0.1", "-p", str(self.c.pg_port), "-U", "postgres", db])

    def stop_postgres(self) -> None:
        if (self.pg_data / "PG_VERSION").exists() and (self.pg_data / "postmaster.pid").exists():
            as_postgres([pg_tool("pg_ctl"), "-D", str(self.pg_data), "-m", "fast", "-w", "stop"])

    # --- the supervised programs ------------------------------------------------------------------
    def server_env(self, token: str) -> dict:
        secret = load_secret(VAR_DIR / "session.key").decode("utf-8")
        return {**os.environ, **QUIET_ENV, "CHAT_SESSION_SECRET": secret, "RASA_AUTH_TOKEN": token,
                "ACTION_PORT": str(self.c.action_port), "CLUSTER_PG_PORT": str(self.c.pg_port),
                "CLUSTER_REDIS_PORT": str(self.c.redis_port), "ACTION_TIMEOUT_S": str(self.c.action_timeout),
                "SHARED_REDIS_URL": f"redis://127.0.0.1:{self.c.redis_port}/2",
                "INTAKE_DB_URL": f"postgresql+psycopg2://postgres@127.0.0.1:{self.c.pg_port}/intakes"
                                 "?connect_timeout=5&options=-c%20statement_timeout%3D10000",
                "SANIC_GRACEFUL_SHUTDOWN_TIMEOUT": os.environ.get("SANIC_GRACEFUL_SHUTDOWN_TIMEOUT", "30")}  # fmt: skip

    def programs(self, token: str) -> list:
        """Redis, the action servers, the Rasa servers (stopped together, each finishing its turns) and nginx
        (started by this script once the servers are ready; QUIT: it finishes the requests it has)."""
        program, logs = supervision.Program, self.logs
        graceful = int(os.environ.get("SANIC_GRACEFUL_SHUTDOWN_TIMEOUT", "30"))
        cors = ["--cors", *self.c.origins] if self.c.origins else []
        redis = program("redis", ["redis-server", "--port", str(self.c.redis_port), "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no", "--dir", str(self.c.dir)],
                        priority=10, log=str(logs / "redis.log"))  # fmt: skip
        actions = [
            program(name, [PYTHON, "-m", "scripts.action_server", "--actions", "actions", "--port", str(port),
                           "--quiet"],
                    priority=20, startsecs=supervision.ACTION_STARTSECS, stopwaitsecs=5, log=str(logs / f"{name}.log"),
                    group="actions")
            for name, port in self.action_servers()
        ]  # fmt: skip
        rasa = [
            program(name, [PYTHON, "-m", "scripts.rasa_cli", "run", "--model", self.c.model, "--endpoints",
                           str(TEMPLATES / "cluster-endpoints.yml"), "--credentials", str(ROOT / "credentials.yml"),
                           "--port", str(port), "--interface", "127.0.0.1", "--logging-config-file",
                           "scripts/logging.yml", "--enable-api", "--auth-token", token, *cors],
                    priority=30, startsecs=supervision.RASA_STARTSECS,
                    startretries=supervision.RASA_STARTRETRIES, stopwaitsecs=graceful + 10,
                    log=str(logs / f"{name}.log"), group="rasa")
            for name, port in self.rasa_servers()
        ]  # fmt: skip
        conf = str(self.nginx_dir / "nginx.conf")
        nginx = program("nginx", [self.nginx_binary(), "-p", str(self.nginx_dir), "-c", conf], priority=40,
                        autostart=False, stopsignal="QUIT", stopwaitsecs=graceful + 10,
                        log=str(logs / "nginx.log"))  # fmt: skip
        return [redis, *actions, *rasa, nginx]

    def action_servers(self) -> list:
        return [(f"actions-{i + 1}", port) for i, port in enumerate(self.c.action_ports)]

    def rasa_servers(self) -> list:
        return [(f"rasa-{i + 1}", port) for i, port in enumerate(self.c.rasa_ports)]

    def health_urls(self) -> dict:
        """server name -> the URL that says it is ready."""
        urls = {name: f"http://127.0.0.1:{port}/health" for name, port in self.action_servers()}
        urls.update({name: f"http://127.0.0.1:{port}/health/ready" for name, port in self.rasa_servers()})
        return urls

    @staticmethod
    def nginx_binary() -> str:
        return shutil.which("nginx") or "/usr/sbin/nginx"

    def render_nginx(self) -> None:
        conf = nginx_conf(self.nginx_dir, self.c.port, self.c.action_port, self.c.action_timeout, self.c.tls_cert,
                          self.c.tls_key)  # fmt: skip
        (self.nginx_dir / "nginx.conf").write_text(conf)
        self.write_upstreams()

    def write_upstreams(self) -> None:
        text = upstreams([(p, self.ready.get(n, False)) for n, p in self.rasa_servers()],
                         [(p, self.ready.get(n, False)) for n, p in self.action_servers()])  # fmt: skip
        (self.nginx_dir / "upstreams.conf").write_text(text)

    def reload_nginx(self) -> None:
        if self.nginx_started:  # new workers with the new upstreams; old ones finish
            self.supervisor.call("signalProcess", "nginx", "HUP")

    # --- readiness --------------------------------------------------------------------------------
    def check_readiness(self, pool: ThreadPoolExecutor) -> bool:
        """Ask every server; True when an upstream changed. A busy server answers late now and then, so
        it is taken out after FAILURE_THRESHOLD failed checks in a row; at once when its process is gone
        or was started again (supervisord names a new pid)."""
        processes = self.supervisor.processes()
        urls = self.health_urls()
        names = list(urls)
        answers = list(pool.map(lambda n: http_ok(urls[n]), names))
        changed = False
        for name, answered in zip(names, answers):
            info = processes.get(name, {})
            pid, before = info.get("pid") or None, self.pids.get(name)
            restarted = before is not None and pid != before
            gone = restarted or info.get("statename") not in ("RUNNING", "STARTING")
            if restarted:
                print(f"{name}: stopped, started again by supervisord ({info.get('statename', '?')})", flush=True)
            self.pids[name] = pid
            self.failures[name] = 0 if answered else self.failures.get(name, 0) + 1
            was = self.ready.get(name, False)
            ready = answered or (was and self.failures[name] < FAILURE_THRESHOLD and not gone)
            if ready != was:
                self.ready[name], changed = ready, True
                print(f"{name}: {'ready' if ready else 'NOT ready'}", flush=True)
        return changed

    def write_state(self, ready: bool = False) -> None:
        processes = self.supervisor.processes() if self.supervisor else {}
        ports = {**dict(self.action_servers()), **dict(self.rasa_servers()), "redis": self.c.redis_port}
        state = {
            "ready": ready, "port": self.c.port, "action_port": self.c.action_port, "dir": str(self.c.dir),
            "access_log": str(self.nginx_dir / "access.log"), "auth_token": self.c.token(),
            "supervisord": str(self.c.dir / "supervisor" / "supervisord.conf"),
            "postgres": {"port": self.c.pg_port, "data": str(self.pg_data), "pg_ctl": pg_tool("pg_ctl"),
                         "log": str(self.pg_data.parent / "postgres.log")},
            "services": {name: {"pid": info.get("pid") or None, "port": ports.get(name), "state": info.get("statename")}
                         for name, info in processes.items()},
        }  # fmt: skip
        temporary = self.c.dir / "state.json.tmp"
        temporary.write_text(json.dumps(state, indent=2))
        temporary.replace(self.c.dir / "state.json")

    # --- running ----------------------------------------------------------------------------------
    def run(self) -> int:
        self.parent = os.getppid()
        self.prepare()
        signal.signal(signal.SIGTERM, lambda *_: self.request_stop())
        signal.signal(signal.SIGINT, lambda *_: self.request_stop())
        try:
            return self.serve()
        finally:
            self.shutdown()

    def request_stop(self) -> None:
        self.stopping = True

    def should_stop(self) -> bool:
        """Asked to stop, or the parent (make) is gone: SIGTERM to `make cluster` stops everything too."""
        return self.stopping or os.getppid() != self.parent

    def start_supervisor(self) -> None:
        token = self.c.token()
        listeners = [supervision.health_listener(f"actions:{name}", f"http://127.0.0.1:{port}/health",
                                                 self.c.action_timeout)
                     for name, port in self.action_servers()]  # fmt: skip
        listeners.append(supervision.events_listener(self.c.dir / "supervisor", stop_on_crash_loop=False))
        config = supervision.render(self.c.dir / "supervisor", self.programs(token), listeners)
        self.render_nginx()
        self.supervisor = supervision.Supervisor(config, self.server_env(token)).start()
        if not supervision.wait_for(lambda: self.supervisor.processes(), 30):
            raise RuntimeError("supervisord did not start: see " + str(self.c.dir / "supervisor"))

    def serve(self) -> int:
        print(f"Starting PostgreSQL (:{self.c.pg_port}), Redis (:{self.c.redis_port}) in {self.c.dir}", flush=True)
        self.start_postgres()
        print(f"Starting {len(self.c.action_ports)} action server(s) and {len(self.c.rasa_ports)} Rasa server(s) "
              "under supervisord ...", flush=True)  # fmt: skip
        self.start_supervisor()
        self.write_state()
        began = time.monotonic()
        servers = list(self.health_urls())
        with ThreadPoolExecutor(max_workers=8) as pool:
            while not self.should_stop() and not all(self.ready.get(name) for name in servers):
                if time.monotonic() - began > START_TIMEOUT_S or not self.supervisor.running():
                    print("the servers did not get ready in time; see the logs in " + str(self.logs), flush=True)
                    return 1
                self.check_readiness(pool)
                self.write_state()
                time.sleep(1)
            if self.should_stop():
                return 0
            self.write_upstreams()
            self.supervisor.call("startProcess", "nginx")
            self.nginx_started = True
            self.write_state(ready=True)
            scheme = "https" if self.c.tls_cert else "http"
            print(f"Ready after {time.monotonic() - began:.0f} s (Ctrl-C stops everything):", flush=True)
            print(f"  chat page:    {scheme}://localhost:{self.c.port}/chat", flush=True)
            print(f"  REST channel: {scheme}://localhost:{self.c.port}/webhooks/rest/webhook", flush=True)
            print(f"  tracker API:  token in $RASA_AUTH_TOKEN or {self.c.dir / 'auth.token'}", flush=True)
            print(f"  nginx log (which server answered): {self.nginx_dir / 'access.log'}", flush=True)
            print(f"  supervisord:  .venv/bin/supervisorctl -c {self.c.dir / 'supervisor' / 'supervisord.conf'} status",
                  flush=True)  # fmt: skip
            while not self.should_stop() and self.supervisor.running():
                if self.check_readiness(pool):
                    self.write_upstreams()
                    self.reload_nginx()
                self.write_state(ready=True)
                time.sleep(1)
        return 0 if self.should_stop() else 1

    def shutdown(self) -> None:
        self.stopping = True
        print("Stopping: nginx, then the Rasa servers (finishing their turns), the action servers, Redis, PostgreSQL",
              flush=True)  # fmt: skip
        if self.supervisor is not None:
            self.supervisor.stop(timeout=180)
        self.stop_postgres()


def main() -> int:
    return Cluster(Config()).run()


if __name__ == "__main__":
    sys.exit(main())
