#!/usr/bin/env python3
"""Replay the ground truth against a running bench app (no scanner involved).

    <venv python> check_truth.py [--only 00012,00013] [-v]

Starts app.py, then for every case:
  vuln -> the case's own exploit must work (oracle per class, see below);
  safe -> none of the exploits of any vulnerable sink of the same class may work.
Oracles: sqli = true/false payload pair gives different responses; xss = script or
handler reflected raw in text/html; cmdi = BENCH42CMD in the output; path traversal =
/etc/passwd or secret.txt content; ssti / code = 1337; open redirect = Location (or
meta refresh) leaves the site; header injection = an extra X-Bench-Injected header;
insecure cookie = a Set-Cookie without Secure or HttpOnly; ssrf = a local listener
receives the request.
"""
import argparse
import http.client
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from html import unescape
from urllib.parse import quote, urlencode, urljoin, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402

SEEN = []


class Listener(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        SEEN.append(self.path)
        body = b"SSRF-LISTENER-OK"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


def start_listener():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers        # list of (name, value)
        self.body = body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def html(self):
        return (self.header("Content-Type") or "").startswith("text/html")


def send(port, case, payload):
    path = "/t/" + case.num
    headers = {}
    body = None
    if case.loc == "query":
        path += "?" + urlencode({case.name: payload})
    elif case.loc == "form":
        body = urlencode({case.name: payload})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif case.loc == "json":
        body = json.dumps({case.name: payload})
        headers["Content-Type"] = "application/json"
    elif case.loc == "path":
        seg = quote(payload, safe="")
        if case.decode:
            seg = quote(seg, safe="")
        path += "/" + seg
    elif case.loc == "header":
        headers[case.name] = quote(payload, safe="") if case.decode else payload
    else:
        headers["Cookie"] = "%s=%s" % (case.name, quote(payload, safe=""))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    conn.request(case.method, path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read().decode("utf-8", "replace")
    reply = Reply(resp.status, resp.getheaders(), data)
    conn.close()
    return reply


MARK_1337 = re.compile(r"(?<![0-9])1337(?![0-9])")
PASSWD = re.compile(r"root:[^:\n]*:0:0")


def offsite(location, port):
    loc = location.replace("\\", "/")
    loc = re.sub(r"[\t\r\n]", "", loc).strip()
    full = urljoin("http://127.0.0.1:%d/t/x" % port, loc)
    parts = urlsplit(full)
    return parts.scheme in ("http", "https") and parts.netloc not in ("127.0.0.1:%d" % port, "bench.local")


def exploited(port, case, payload, lport):
    """True if `payload` (of case.cat) works against `case`."""
    cat = case.cat.name
    if cat == "sqli":
        t, f = payload
        a, b = send(port, case, t), send(port, case, f)
        return (a.status, a.body) != (b.status, b.body)
    if cat == "insecure-cookie":
        r = send(port, case, case.default)
        for sc in r.all("Set-Cookie"):
            attrs = [p.strip().lower() for p in sc.split(";")[1:]]
            if "secure" not in attrs or "httponly" not in attrs:
                return True
        return False
    if cat == "ssrf":
        tag = "%s-%d" % (case.num, len(SEEN))
        p = payload.replace("{L}", "127.0.0.1:%d" % lport).replace("{tag}", tag)
        send(port, case, p)
        return any(("ssrf-" + tag) in s for s in SEEN)
    r = send(port, case, payload)
    if cat == "xss-reflected":
        return r.html and any(m in r.body for m in (
            "<script>alert(1337)</script>", 'href="javascript:alert(1337)"', "' onerror='alert(1337)"))
    if cat == "cmdi":
        return "BENCH42CMD" in r.body
    if cat == "path-traversal":
        return bool(PASSWD.search(r.body)) or "BENCH-SECRET-7f3a" in r.body
    if cat in ("ssti", "code-injection"):
        return bool(MARK_1337.search(r.body))
    if cat == "open-redirect":
        if 300 <= r.status < 400 and r.header("Location") and offsite(r.header("Location"), port):
            return True
        m = re.search(r'http-equiv="refresh" content="0;url=([^"]*)"', r.body)
        return bool(m and offsite(unescape(m.group(1)), port))
    if cat == "header-injection":
        return r.header("X-Bench-Injected") is not None
    raise AssertionError(cat)


def battery(cat):
    out = []
    for s in cat.sinks:
        if s.vuln:
            for e in s.exploits or [None]:
                if e not in out:
                    out.append(e)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    cases = [c for c in gen.build_cases() if not only or c.num in only]
    listener = start_listener()
    lport = listener.server_address[1]
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "app.py")], stdout=subprocess.PIPE,
                            text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("LISTENING http://127.0.0.1:"), line
        port = int(line.rsplit(":", 1)[1])
        bad = []
        tally = {}
        for c in cases:
            if c.vuln:
                payloads = c.sink.exploits or [None]
                ok = exploited(port, c, payloads[0], lport)
                for p in payloads[1:]:
                    ok = ok and exploited(port, c, p, lport)
            else:
                hits = [p for p in battery(c.cat)
                        if not (c.loc == "path" and isinstance(p, str) and p.startswith("/"))
                        and exploited(port, c, p, lport)]
                ok = not hits
            key = (c.cat.name, "vuln" if c.vuln else "safe", c.loc)
            tally[key] = tally.get(key, 0) + 1
            if not ok:
                bad.append(c)
                print("MISMATCH %s %s %s %s loc=%s sink=%s flow=%s" % (
                    c.num, "vuln" if c.vuln else "safe", c.cat.name, c.rule, c.loc, c.sink.key, c.flow.key))
            elif args.v:
                print("ok %s %s %s %s" % (c.num, "vuln" if c.vuln else "safe", c.cat.name, c.loc))
        print("checked %d cases, %d mismatches" % (len(cases), len(bad)))
        return 1 if bad else 0
    finally:
        proc.terminate()
        proc.wait(10)
        listener.shutdown()


if __name__ == "__main__":
    sys.exit(main())
