# JupyterHub configuration for a FactorLab class on one machine.
#
# Every student is a real OS user; LocalProcessSpawner starts their single-user
# Jupyter server as that user, in their own home folder (mode 0700, so no
# student can read or change another's files). Before each start a hook gives
# the student a FactorLab workspace (docker/workspace.sh: a writable copy of
# notebooks/ next to links into the shared, read-only repository) and, if the
# class uses it, a private Go build cache seeded from a warm one.
#
# The values that differ between machines come from the environment, so the
# same file serves the test in this folder (hub_test.go) and a teacher's hub:
#
#   FACTORLAB_HUB_URL          public address, e.g. http://127.0.0.1:8000
#   FACTORLAB_HUB_API_URL      the hub's own address behind the proxy
#   FACTORLAB_HUB_PROXY_API    the proxy's API address
#   FACTORLAB_HUB_PROXY_CMD    configurable-http-proxy executable
#   FACTORLAB_HUB_STATE        folder for the database, cookie secret, pid file
#   FACTORLAB_HUB_USERS        students, comma-separated
#   FACTORLAB_HUB_PASSWORD     the class password (at least 8 characters)
#   FACTORLAB_HUB_SERVICE_TOKEN an API token for the teacher's scripts (admin)
#   FACTORLAB_HUB_SINGLEUSER   jupyterhub-singleuser executable
#   FACTORLAB_HUB_REPO         the read-only FactorLab repository
#   FACTORLAB_HUB_TOOLS        folder that holds gonb, goimports (and gopls)
#   FACTORLAB_HUB_JUPYTER_PATH Jupyter data folder where the gonb kernel is registered
#   FACTORLAB_HUB_GOMODCACHE   the shared, read-only Go module cache
#   FACTORLAB_HUB_WARM_GOCACHE a warm Go build cache copied into each new
#                              student's ~/.cache/go-build ("" = students start cold)
#   FACTORLAB_HUB_ONE_OS_USER  "1": every student runs as the hub's own OS user
#                              (no root: no isolation between students)
import os
import shutil
import subprocess
import time

env = os.environ.get
c = get_config()  # noqa: F821 (provided by JupyterHub)

state = env("FACTORLAB_HUB_STATE", os.getcwd())
c.JupyterHub.bind_url = env("FACTORLAB_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = env("FACTORLAB_HUB_API_URL", "http://127.0.0.1:8081")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(state, "jupyterhub.pid")
c.ConfigurableHTTPProxy.api_url = env("FACTORLAB_HUB_PROXY_API", "http://127.0.0.1:8001")
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "jupyterhub-proxy.pid")
if env("FACTORLAB_HUB_PROXY_CMD"):
    c.ConfigurableHTTPProxy.command = [env("FACTORLAB_HUB_PROXY_CMD")]
# Students' servers keep running while the hub restarts; the hub finds them
# again from its database.
c.JupyterHub.cleanup_servers = False

students = [u for u in env("FACTORLAB_HUB_USERS", "").split(",") if u]
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env("FACTORLAB_HUB_PASSWORD")
c.Authenticator.allowed_users = set(students)

if env("FACTORLAB_HUB_SERVICE_TOKEN"):
    c.JupyterHub.services = [{"name": "teacher", "api_token": env("FACTORLAB_HUB_SERVICE_TOKEN")}]
    c.JupyterHub.load_roles = [{"name": "admin", "services": ["teacher"]}]

one_os_user = env("FACTORLAB_HUB_ONE_OS_USER") == "1"
if one_os_user:
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(state, "homes", "{username}")
else:
    c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [env("FACTORLAB_HUB_SINGLEUSER", "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab/tree/factorlab/notebooks/00_welcome.ipynb"
c.Spawner.start_timeout = 300  # a loaded 2-core machine starts Python slowly
c.Spawner.http_timeout = 300
c.Spawner.poll_interval = 5  # notice a dead server within seconds

tools = env("FACTORLAB_HUB_TOOLS", "/opt/go-path/bin")
c.Spawner.environment = {
    "PATH": os.pathsep.join([tools, "/usr/local/go/bin", "/usr/local/bin", "/usr/bin", "/bin"]),
    "JUPYTER_PATH": env("FACTORLAB_HUB_JUPYTER_PATH", ""),
    "GOMODCACHE": env("FACTORLAB_HUB_GOMODCACHE", ""),
    # Every module the notebooks import is in the shared module cache, which
    # was filled (and checked against go.sum) by `go mod download`. GoNB runs
    # `go get` for a cell's imports, which asks a proxy for the newest
    # version: the cache itself serves as that proxy, so no network is used
    # (GOPROXY=off would make `go get` fail).
    "GOPROXY": "file://" + os.path.join(env("FACTORLAB_HUB_GOMODCACHE", ""), "cache", "download"),
    "GOSUMDB": "off",
    "GOFLAGS": "-mod=mod",
    "GOTOOLCHAIN": "local",
    "GOTELEMETRY": "off",
}


def home_of(spawner):
    if one_os_user:
        return spawner.home_dir
    import pwd

    return pwd.getpwnam(spawner.user.name).pw_dir


def as_student(spawner, argv):
    """Run argv as the student's OS user (or as ourselves with one OS user)."""
    if not one_os_user:
        argv = ["runuser", "-u", spawner.user.name, "--"] + argv
    p = subprocess.run(argv, cwd=home_of(spawner), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({p.returncode}): {p.stdout.strip()}")


def make_workspace(spawner):
    start = time.monotonic()
    home = home_of(spawner)
    os.makedirs(home, mode=0o700, exist_ok=True)
    repo = env("FACTORLAB_HUB_REPO")
    as_student(spawner, ["bash", os.path.join(repo, "docker", "workspace.sh"), repo,
                         os.path.join(home, "factorlab")])
    warm = env("FACTORLAB_HUB_WARM_GOCACHE", "")
    cache = os.path.join(home, ".cache", "go-build")  # Go's default GOCACHE under $HOME
    if warm and not os.path.exists(cache):
        as_student(spawner, ["mkdir", "-p", os.path.dirname(cache)])
        as_student(spawner, ["cp", "-R", warm, cache])
    spawner.log.info("factorlab workspace for %s ready in %.1fs", spawner.user.name,
                     time.monotonic() - start)


c.Spawner.pre_spawn_hook = make_workspace
