"""Guard rails that keep the deliberately dangerous sinks harmless on a developer box:
a restricted shell with an empty PATH, an AST-checked eval, and a capped URL fetcher."""
import ast
import os
import resource
import select
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request

_BASH = shutil.which("bash") or "/bin/bash"
_JAIL = None


def _jail():
    global _JAIL
    if _JAIL is None:
        from flask import current_app
        _JAIL = os.path.join(current_app.config["WORK_DIR"], "jail")
        os.makedirs(_JAIL, exist_ok=True)
    return _JAIL


def _limits():
    for res, value in ((resource.RLIMIT_CPU, 2), (resource.RLIMIT_AS, 256 << 20),
                       (resource.RLIMIT_FSIZE, 0), (resource.RLIMIT_NOFILE, 32),
                       (resource.RLIMIT_NPROC, 512)):
        try:
            resource.setrlimit(res, (value, value))
        except (ValueError, OSError):
            pass


def shell(command):
    """bash -r -c command: builtins only, no output redirection, 3 s, 64 KiB of output."""
    jail = _jail()
    proc = subprocess.Popen([_BASH, "-r", "-c", command], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=jail,
                            env={"PATH": jail, "HOME": jail, "LC_ALL": "C"},
                            start_new_session=True, preexec_fn=_limits)
    chunks, size, deadline = [], 0, time.monotonic() + 3.0
    try:
        while size < 65536:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([proc.stdout], [], [], remaining)[0]:
                break
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.stdout.close()
        proc.wait()
    return b"".join(chunks)[:65536].decode("utf-8", "replace")


_OK_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load, ast.Call,
             ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.UAdd, ast.USub)


def _textish(node, env):
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, bytes))
    if isinstance(node, ast.Call):
        return getattr(node.func, "id", "") == "str"
    if isinstance(node, ast.Name):
        return not isinstance(env.get(node.id), (int, float))
    if isinstance(node, ast.BinOp):
        return _textish(node.left, env) or _textish(node.right, env)
    return False


def calc(expression, env=None):
    """eval() restricted to arithmetic, str(), len() and the names in env."""
    expression = str(expression).strip()
    if len(expression) > 200:
        raise ValueError("formula too long")
    names = {"str": str, "len": len, **(env or {})}
    tree = ast.parse(expression, mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, _OK_NODES):
            raise ValueError("%s not allowed in formulas" % type(node).__name__)
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in ("str", "len")
                                               and len(node.args) == 1 and not node.keywords):
            raise ValueError("only str() and len() can be called")
        if isinstance(node, ast.Name) and node.id not in names:
            raise ValueError("unknown name %r" % node.id)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, complex)) \
                and abs(node.value) > 10 ** 9:
            raise ValueError("number too large")
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Mod)) \
                and (_textish(node.left, names) or _textish(node.right, names)):
            raise ValueError("string repetition/formatting not allowed")
    return eval(compile(tree, "<formula>", "eval"), {"__builtins__": {}}, names)


class _PlainFiles(urllib.request.FileHandler):
    def file_open(self, req):
        path = urllib.request.url2pathname(req.selector)
        if os.path.exists(path) and not os.path.isfile(path):
            raise urllib.error.URLError("not a regular file")
        return super().file_open(req)


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _PlainFiles())


def fetch(url):
    """GET url with a 3 s timeout; at most 64 KiB of the body is read."""
    req = urllib.request.Request(url, headers={"User-Agent": "riverside-referrals/2.3"})
    with _opener.open(req, timeout=3) as resp:
        return getattr(resp, "status", None) or 200, resp.read(65536)
