"""Fences around the dangerous bits, so the portal can run on a developer machine.

None of these *refuse* the attacker's input: they only bound what it can do.
"""
import ast
import os
import signal
import subprocess
import urllib.error
import urllib.request

OUTPUT_LIMIT = 64 * 1024


# ---------------------------------------------------------------- shell

def _process_count():
    uid = os.getuid()
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


# There are no binaries in the jail; `sleep` waits on stdin, a pipe nobody writes to.
BASE_PRELUDE = 'sleep() { read -r -t "${1:-1}" _; return 0; }'


def run_shell(command, jail_dir, prelude="", timeout=3):
    """Run `command` with restricted bash: PATH is an empty folder, so only builtins
    (and functions from the preludes) exist; CPU, memory, file size and process count
    are capped; the whole process group is killed after `timeout` seconds."""
    empty_bin = os.path.join(jail_dir, "bin")
    os.makedirs(empty_bin, exist_ok=True)
    limits = f"ulimit -t 2 -v 200000 -f 0 -u {_process_count() + 32}"
    script = f"{limits}\n{BASE_PRELUDE}\n{prelude}\n{command}\n"
    idle_read, idle_write = os.pipe()
    try:
        proc = subprocess.Popen(
            ["/bin/bash", "--noprofile", "--norc", "-r", "-c", script],
            cwd=jail_dir,
            env={"PATH": empty_bin, "HOME": jail_dir, "LC_ALL": "C"},
            stdin=idle_read,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    finally:
        os.close(idle_read)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        out, _ = proc.communicate()
        out += b"\n[timed out]"
    finally:
        os.close(idle_write)
    _kill_group(proc.pid)
    return out[:OUTPUT_LIMIT].decode("utf-8", "replace")


def _kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# ---------------------------------------------------------------- expressions

_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Call, ast.Name, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.USub, ast.UAdd,
)
_FUNCTIONS = {"str": str, "int": int, "float": float, "abs": abs, "len": len, "round": round}


def _may_be_text(node):
    return any(
        isinstance(n, ast.Call) or (isinstance(n, ast.Constant) and isinstance(n.value, str))
        for n in ast.walk(node)
    )


def check_expression(source):
    """Raise ValueError unless `source` is plain arithmetic / str() style calls."""
    if len(source) > 200:
        raise ValueError("expression too long")
    tree = ast.parse(source, mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, _NODES):
            raise ValueError(f"{type(node).__name__} is not allowed")
        if isinstance(node, ast.Name) and node.id not in _FUNCTIONS:
            raise ValueError(f"unknown name {node.id}")
        if isinstance(node, ast.Call) and (not isinstance(node.func, ast.Name) or node.keywords):
            raise ValueError("only simple calls are allowed")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str)):
            raise ValueError("unsupported constant")
        # "x" * 10**9 or "%09999999d" % 1 would eat the machine
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Mod)):
            if _may_be_text(node.left) or _may_be_text(node.right):
                raise ValueError("text repetition/formatting is not allowed")
    return tree


def restricted_globals():
    return {"__builtins__": {}, **_FUNCTIONS}


# ---------------------------------------------------------------- outbound HTTP

class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


def fetch(url):
    """GET `url` (exactly that URL: redirects are reported, not followed).
    Returns (status, headers, first 64 KB of the body)."""
    try:
        with _opener.open(url, timeout=3) as resp:
            return resp.getcode(), dict(resp.headers.items()), resp.read(OUTPUT_LIMIT)
    except urllib.error.HTTPError as err:
        body = err.read(OUTPUT_LIMIT) if err.fp else b""
        return err.code, dict(err.headers.items()) if err.headers else {}, body
