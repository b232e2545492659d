#!/usr/bin/env python3
"""Generate the benchmark-style test app (app.py) and its ground truth (TRUTH.tsv).

    python gen.py          # rewrites app.py and TRUTH.tsv next to this file

Deterministic: a fixed seed drives every choice, so re-running gives identical files.

Model (as in the OWASP Benchmark): a case = one input location + a "flow" that moves
the input into a variable + one "sink" of a category.  A case is vulnerable when the
flow carries the input through and the sink is a vulnerable one.  Safe cases either
use a safe sink (sanitiser, allow-list, cast, parameterisation ...) or a flow that
drops the input on every path (constant overwrite, always-true/false branch, wrong
dict key, log-only ...), which is then fed to a *vulnerable-looking* sink.  For the
insecure-cookie class the input does not matter, only the cookie flags do.

Every sink carries the payloads that exploit it; check_truth.py replays them.
"""
import os
import random
import textwrap
from dataclasses import dataclass, field

from gen_prelude import PRELUDE, ROUTING

SEED = 20261206
HERE = os.path.dirname(os.path.abspath(__file__))
LOCATIONS = ["query", "form", "json", "path", "header", "cookie"]


@dataclass
class Sink:
    key: str
    vuln: bool
    body: str
    exploits: list = field(default_factory=list)   # payloads (sqli: (true, false) pairs)
    note: str = ""
    default: str = None       # harmless default value of the input (None: category default)
    const: str = None         # Python expression a killing flow substitutes (None: category's)
    helpers: str = ""         # module-level code placed before the view (@@N@@ = case number)
    no_path: bool = False     # exploit impossible through a path segment (needs a leading "/")


@dataclass
class Flow:
    key: str
    keeps: bool               # does the input reach the sink?
    body: str
    note: str = ""
    helpers: str = ""


@dataclass
class Category:
    name: str
    default: str
    const: str
    params: list
    headers: list
    cookies: list
    sinks: list
    flows_kill: bool = True   # False: safety does not depend on the data flow


def S(*a, **k):
    return Sink(*a, **k)


# ====================================================================== flows
FLOWS_KEEP = [
    Flow("direct", True, "@@B@@ = @@P@@"),
    Flow("dict", True, '''
        bucket = {"first": "unused", "second": @@P@@}
        @@B@@ = bucket["second"]'''),
    Flow("list", True, '''
        values = ["placeholder", @@P@@, "tail"]
        values.remove("placeholder")
        @@B@@ = values[0]'''),
    Flow("helper", True, "@@B@@ = _relay_@@N@@(@@P@@)", helpers='''
        def _relay_@@N@@(text_in):
            return text_in.strip()
        '''),
    Flow("class", True, "@@B@@ = Carrier_@@N@@(@@P@@).unwrap()", helpers='''
        class Carrier_@@N@@:
            def __init__(self, payload):
                self.payload = payload

            def unwrap(self):
                return self.payload
        '''),
    Flow("percent", True, '@@B@@ = "%s" % @@P@@'),
    Flow("format", True, '@@B@@ = "{}".format(@@P@@)'),
    Flow("fstring", True, '@@B@@ = f"{@@P@@}"'),
    Flow("ternary-keep", True, '''
        num = 106
        @@B@@ = @@P@@ if (7 * 18) + num > 200 else "This_should_never_happen"'''),
    Flow("join", True, '''
        parts = []
        parts.append(@@P@@)
        @@B@@ = "".join(parts)'''),
    Flow("b64", True, '''
        encoded = base64.b64encode(@@P@@.encode("utf-8"))
        @@B@@ = base64.b64decode(encoded).decode("utf-8")'''),
    Flow("switch-keep", True, '''
        selector = "ABC"[1]
        if selector == "A":
            @@B@@ = "alpha"
        elif selector == "B":
            @@B@@ = @@P@@
        else:
            @@B@@ = "gamma"'''),
]

FLOWS_KILL = [
    Flow("overwrite", False, '''
        @@B@@ = @@P@@.strip()
        @@B@@ = @@C@@  # pinned while the feature is being reviewed''',
         note="input overwritten by a constant on every path"),
    Flow("ternary-const", False, '''
        num = 106
        @@B@@ = @@C@@ if (7 * 18) + num > 200 else @@P@@''',
         note="ternary always picks the constant ((7*18)+106 > 200)"),
    Flow("dict-other-key", False, '''
        bucket = {"keyA-@@N@@": @@C@@, "keyB-@@N@@": @@P@@}
        @@B@@ = bucket["keyA-@@N@@"]''',
         note="dict round trip reads the key holding the constant"),
    Flow("list-other-index", False, '''
        values = [@@P@@, @@C@@]
        values.pop(0)
        @@B@@ = values[0]''',
         note="list round trip drops the input (pop(0)) before use"),
    Flow("log-only", False, '''
        log.info("case @@N@@ received %r", @@P@@)
        @@B@@ = @@C@@''',
         note="input only written to a log line"),
    Flow("switch-const", False, '''
        selector = "ABC"[2]
        if selector == "A":
            @@B@@ = @@P@@
        elif selector == "B":
            @@B@@ = @@P@@.lower()
        else:
            @@B@@ = @@C@@''',
         note="switch on a constant selector always takes the constant branch"),
    Flow("false-branch", False, '''
        @@B@@ = @@C@@
        if _legacy_mode_@@N@@():
            @@B@@ = @@P@@''',
         note="the branch that would use the input is never taken (12 % 5 == 3 is False)",
         helpers='''
        def _legacy_mode_@@N@@():
            return 12 % 5 == 3
        '''),
    Flow("class-other-attr", False, "@@B@@ = Pair_@@N@@(@@P@@, @@C@@).fallback", helpers='''
        class Pair_@@N@@:
            def __init__(self, given, fallback):
                self.given = given
                self.fallback = fallback
        ''', note="object keeps the input but the sink gets the other attribute"),
]

# ====================================================================== sqli
SQLI = Category(
    "sqli", "alice", '"alice"',
    params=["name", "user", "lookup", "who", "account", "q"],
    headers=["X-User", "X-Lookup-Name", "X-Account"],
    cookies=["last_user", "lookup", "acct"],
    sinks=[
        S("sqli-err-concat", True, '''
            sql = "SELECT name, email FROM users WHERE name = '" + @@B@@ + "'"
            try:
                rows = DB.execute(sql)
            except sqlite3.Error as exc:
                return text("database error: %s" % exc, 500)
            if not rows:
                return text("no such user")
            return text("\\n".join("%s <%s>" % (name, email) for name, email in rows))''',
          exploits=[("' OR '1'='1", "' AND '1'='2")],
          note="error-visible, string context (' UNION SELECT api_key, role FROM users -- dumps keys)"),
        S("sqli-bool-percent", True, '''
            query = "SELECT COUNT(*) FROM users WHERE name = '%s' AND role != 'disabled'" % @@B@@
            try:
                hit = DB.execute(query)[0][0] > 0
            except sqlite3.Error:
                hit = False
            return text("found" if hit else "not found")''',
          exploits=[("' OR 1=1 --", "' AND 1=2 --")],
          note="boolean-only (found / not found), errors hidden"),
        S("sqli-like-fstring", True, '''
            try:
                rows = DB.execute(f"SELECT name FROM products WHERE name LIKE '%{@@B@@}%' ORDER BY id")
            except sqlite3.Error:
                return text("search failed", 500)
            return text(", ".join(r[0] for r in rows) or "no products")''',
          exploits=[("zzz%' OR 1=1 --", "zzz%' AND 1=2 --")], default="an",
          note="inside LIKE '%...%', errors hidden (all products vs none)"),
        S("sqli-num-format", True, '''
            stmt = "SELECT id, name, price FROM products WHERE id = {}".format(@@B@@)
            try:
                rows = DB.execute(stmt)
            except sqlite3.Error as exc:
                return text("query failed: {}".format(exc), 500)
            return text("\\n".join("{} {} {}".format(*r) for r in rows) or "none")''',
          exploits=[("0 OR 1=1", "0 AND 1=2")], default="1", const='"1"',
          note="numeric context, error-visible"),
        S("sqli-orderby", True, '''
            order = @@B@@
            try:
                rows = DB.execute("SELECT name, price FROM products ORDER BY " + order)
            except sqlite3.Error as exc:
                return text(str(exc), 500)
            return text("\\n".join("%s=%s" % r for r in rows))''',
          exploits=[("(CASE WHEN 1=1 THEN name ELSE price END)", "(CASE WHEN 1=2 THEN name ELSE price END)")],
          default="name", const='"name"',
          note="ORDER BY injection, error-visible (row order flips with the condition)"),
        S("sqli-bool-class", True, '''
            return text("found" if Accounts_@@N@@().exists(@@B@@) else "not found")''',
          helpers='''
            class Accounts_@@N@@:
                table = "users"

                def exists(self, email):
                    sql = "SELECT 1 FROM %s WHERE email = '%s'" % (self.table, email)
                    try:
                        return bool(DB.execute(sql))
                    except sqlite3.Error:
                        return False
            ''',
          exploits=[("' OR 1=1 --", "' AND 1=2 --")], default="alice@bench.local",
          const='"alice@bench.local"', note="boolean-only via a repository class"),
        S("sqli-in-list", True, '''
            ids = ",".join(part.strip() for part in @@B@@.split(","))
            try:
                rows = DB.execute("SELECT name FROM products WHERE id IN (" + ids + ")")
            except sqlite3.Error:
                return text("bad id list", 400)
            return text(" ".join(r[0] for r in rows) or "none")''',
          exploits=[("0) OR (1=1", "0) AND (1=2")], default="1,2", const='"1,2"',
          note="IN (...) list, errors hidden"),
        S("sqli-num-bool", True, '''
            ident = @@B@@.replace("'", "")
            try:
                count = DB.execute("SELECT COUNT(*) FROM users WHERE id = " + ident)[0][0]
            except sqlite3.Error:
                count = 0
            return text("found" if count else "not found")''',
          exploits=[("0 OR 1=1", "0 AND 1=2")], default="1", const='"1"',
          note="numeric context, quotes stripped (useless), boolean-only"),
        S("sqli-like-bool", True, '''
            pattern = "%" + @@B@@ + "%"
            sql = "SELECT COUNT(*) FROM products WHERE category LIKE '" + pattern + "'"
            try:
                count = DB.execute(sql)[0][0]
            except sqlite3.Error:
                count = 0
            return text("found" if count else "not found")''',
          exploits=[("zzz%' OR 1=1 --", "zzz%' AND 1=2 --")], default="tool", const='"tool"',
          note="inside LIKE, boolean-only"),
        S("sqli-dict-where", True, '''
            filters = {"role": @@B@@}
            where = " AND ".join("%s = '%s'" % (k, v) for k, v in filters.items())
            try:
                rows = DB.execute("SELECT name FROM users WHERE " + where)
            except sqlite3.Error as exc:
                return text("error: %s" % exc, 500)
            return text(", ".join(r[0] for r in rows) or "nobody")''',
          exploits=[("' OR '1'='1", "' AND '1'='2")], default="staff", const='"staff"',
          note="WHERE built from a dict, error-visible"),
        # ---------------- safe
        S("sqli-param", False, '''
            rows = DB.execute("SELECT name, email FROM users WHERE name = ?", (@@B@@,))
            if not rows:
                return text("no such user")
            return text("\\n".join("%s <%s>" % row for row in rows))''',
          note="parameterised query (?)"),
        S("sqli-named", False, '''
            hit = DB.execute("SELECT COUNT(*) FROM users WHERE email = :email", {"email": @@B@@})[0][0]
            return text("found" if hit else "not found")''',
          default="alice@bench.local", note="named parameter (:email)"),
        S("sqli-int", False, '''
            try:
                pid = int(@@B@@)
            except ValueError:
                return text("id must be a number", 400)
            rows = DB.execute("SELECT id, name, price FROM products WHERE id = %d" % pid)
            return text("\\n".join("%s %s %s" % r for r in rows) or "none")''',
          default="1", note="int() cast before string formatting"),
        S("sqli-order-allow", False, '''
            column = @@B@@ if @@B@@ in ("name", "price", "id") else "id"
            rows = DB.execute("SELECT name, price FROM products ORDER BY " + column)
            return text("\\n".join("%s=%s" % r for r in rows))''',
          default="name", note="ORDER BY column from an allow-list"),
        S("sqli-quote-double", False, '''
            literal = "'" + @@B@@.replace("'", "''") + "'"
            rows = DB.execute("SELECT name, email FROM users WHERE name = " + literal)
            return text("\\n".join("%s <%s>" % row for row in rows) or "no such user")''',
          note="quotes doubled, which is complete escaping for an sqlite string literal"),
        S("sqli-like-param", False, '''
            rows = DB.execute("SELECT name FROM products WHERE name LIKE '%' || ? || '%' ORDER BY id", [@@B@@])
            return text(", ".join(r[0] for r in rows) or "no products")''',
          default="an", note="LIKE pattern bound as a parameter"),
        S("sqli-in-placeholders", False, '''
            wanted = [piece.strip() for piece in @@B@@.split(",") if piece.strip()][:20]
            if not wanted:
                return text("none")
            marks = ",".join("?" for _ in wanted)
            rows = DB.execute("SELECT name FROM products WHERE id IN (%s)" % marks, wanted)
            return text(" ".join(r[0] for r in rows) or "none")''',
          default="1,2", note="IN list of ? placeholders"),
        S("sqli-regex", False, '''
            if not re.fullmatch(r"[A-Za-z]{1,20}", @@B@@):
                return text("letters only", 400)
            rows = DB.execute(f"SELECT name, email FROM users WHERE name = '{@@B@@}'")
            return text("\\n".join("%s <%s>" % row for row in rows) or "no such user")''',
          note="regex allows letters only before the f-string"),
        S("sqli-role-map", False, '''
            roles = {"staff": "staff", "admin": "admin", "auditor": "auditor"}
            role = roles.get(@@B@@, "staff")
            rows = DB.execute("SELECT name FROM users WHERE role = '%s'" % role)
            return text(", ".join(r[0] for r in rows) or "nobody")''',
          default="staff", note="value looked up in a dict; only dict values reach the SQL"),
        S("sqli-isdigit", False, '''
            if not @@B@@.isdecimal():
                return text("not found")
            count = DB.execute("SELECT COUNT(*) FROM users WHERE id = " + str(int(@@B@@)))[0][0]
            return text("found" if count else "not found")''',
          default="1", note="isdecimal() check and int() before concatenation"),
    ])

# ====================================================================== xss
XP = "<script>alert(1337)</script>"
XSS = Category(
    "xss-reflected", "guest", '"guest"',
    params=["name", "msg", "greeting", "title", "comment", "q"],
    headers=["X-Display-Name", "X-Greeting", "User-Agent"],
    cookies=["display_name", "greeting", "banner"],
    sinks=[
        S("xss-fstring", True, '''
            return f"<h1>Hello {@@B@@}</h1>"''', exploits=[XP], note="HTML body, f-string"),
        S("xss-percent", True, '''
            page = "<p>Results for %s</p>" % @@B@@
            return page''', exploits=[XP], note="HTML body, % formatting"),
        S("xss-format", True, '''
            return "<div class='note'>{}</div>".format(@@B@@)''', exploits=[XP], note="HTML body, str.format"),
        S("xss-attr", True, '''
            return '<form><input name="q" value="' + @@B@@ + '"><button>Go</button></form>' ''',
          exploits=['"><script>alert(1337)</script>'], note="double-quoted attribute, concatenation"),
        S("xss-script-json", True, '''
            return "<script>var filter = %s;</script><p>filter applied</p>" % json.dumps(@@B@@)''',
          exploits=["</script><script>alert(1337)</script>"],
          note="json.dumps inside <script> does not escape </script>"),
        S("xss-markup", True, '''
            return render_template_string("<p>{{ msg }}</p>", msg=Markup(@@B@@))''',
          exploits=[XP], note="input wrapped in Markup() so autoescape skips it"),
        S("xss-safe-filter", True, '''
            return render_template_string("<blockquote>{{ quote_text|safe }}</blockquote>", quote_text=@@B@@)''',
          exploits=[XP], note="|safe filter"),
        S("xss-href", True, '''
            return '<a href="%s">continue</a>' % escape(@@B@@)''',
          exploits=["javascript:alert(1337)"], note="escape() does not stop a javascript: URL in href"),
        S("xss-single-attr", True, '''
            return "<img alt='" + html.escape(@@B@@, quote=False) + "' src='/missing.png'>" ''',
          exploits=["x' onerror='alert(1337)"],
          note="html.escape(quote=False) in a single-quoted attribute"),
        S("xss-list", True, '''
            items = ["<li>%s</li>" % part for part in @@B@@.split(",")]
            return "<ul>" + "".join(items) + "</ul>"''', exploits=[XP], note="list items joined into HTML"),
        S("xss-make-response", True, '''
            resp = make_response("<b>" + @@B@@ + "</b>")
            resp.headers["Content-Type"] = "text/html; charset=utf-8"
            return resp''', exploits=[XP], note="make_response with text/html"),
        # ---------------- safe
        S("xss-escape", False, '''
            return f"<h1>Hello {escape(@@B@@)}</h1>"''', note="markupsafe.escape()"),
        S("xss-html-escape", False, '''
            return "<p>Results for %s</p>" % html.escape(@@B@@)''', note="html.escape()"),
        S("xss-template-var", False, '''
            return render_template_string("<p>Hello {{ name }}</p>", name=@@B@@)''',
          note="autoescaped template variable"),
        S("xss-jsonify", False, '''
            return jsonify({"greeting": "Hello", "name": @@B@@})''', note="JSON response (application/json)"),
        S("xss-plain", False, '''
            return Response("Hello " + @@B@@, mimetype="text/plain")''',
          note="text/plain with nosniff"),
        S("xss-allow", False, '''
            theme = @@B@@ if @@B@@ in {"light", "dark", "contrast"} else "light"
            return "<body class='%s'>theme set</body>" % theme''', default="light",
          note="allow-list of themes"),
        S("xss-int", False, '''
            try:
                count = int(@@B@@)
            except ValueError:
                count = 0
            return "<p>You have %d new messages</p>" % count''', default="3", note="int() cast"),
        S("xss-tojson", False, '''
            return render_template_string("<script>var q = {{ q|tojson }};</script><p>ok</p>", q=@@B@@)''',
          note="|tojson escapes < > & ' inside <script>"),
        S("xss-abort", False, '''
            if @@B@@ not in ("guest", "member"):
                abort(404, description="No profile named %s" % @@B@@)
            return "<p>profile ok</p>"''', note="abort(description=...) is HTML-escaped by Werkzeug"),
        S("xss-markup-percent", False, '''
            return str(Markup("<b>%s</b>") % @@B@@)''', note="Markup % escapes its arguments"),
        S("xss-markup-format", False, '''
            return str(Markup("<i>{}</i>").format(@@B@@))''', note="Markup.format escapes its arguments"),
        S("xss-quote-href", False, '''
            return '<a href="/search?q=%s">search again</a>' % quote(@@B@@, safe="")''',
          note="percent-encoded into a fixed relative href"),
        S("xss-attr-escaped", False, '''
            return '<input name="q" value="%s">' % html.escape(@@B@@, quote=True)''',
          note="html.escape(quote=True) in a double-quoted attribute"),
    ])

# ====================================================================== cmdi
CM = "BENCH$((6*7))CMD"
CMDI = Category(
    "cmdi", "127.0.0.1", '"127.0.0.1"',
    params=["host", "target", "addr", "domain", "ip", "server"],
    headers=["X-Ping-Host", "X-Target", "X-Diag-Host"],
    cookies=["probe_host", "diag_target", "ping_host"],
    sinks=[
        S("cmdi-ping-concat", True, '''
            out = run_shell("ping -c 1 " + @@B@@)
            return text(out)''', exploits=[";echo " + CM, "|echo " + CM],
          note="shell string concatenation (ping is not installed; the injected echo runs)"),
        S("cmdi-nslookup-percent", True, '''
            return text(run_shell("nslookup %s" % @@B@@))''', exploits=[";echo " + CM, "|echo " + CM],
          note="% formatting into a shell string"),
        S("cmdi-host-format", True, '''
            command = "host {}".format(@@B@@)
            return text(run_shell(command))''', exploits=[";echo " + CM, "|echo " + CM],
          note="str.format into a shell string"),
        S("cmdi-echo-dquote", True, '''
            return text(run_shell(f'echo "Looking up {@@B@@}"'))''',
          exploits=["$(echo " + CM + ")", '";echo ' + CM + ';"'],
          note="inside double quotes $(...) still expands"),
        S("cmdi-echo-squote", True, '''
            return text(run_shell(f"echo '{@@B@@}'"))''',
          exploits=["';echo " + CM + ";'"], note="single quotes without escaping"),
        S("cmdi-blocklist", True, '''
            for bad in (";", "&", "|"):
                if bad in @@B@@:
                    return text("invalid character in host", 400)
            return text(run_shell("echo resolving " + @@B@@ + " && host " + @@B@@))''',
          exploits=["$(echo " + CM + ")"], note="blocklist of ; & | misses $(...)"),
        S("cmdi-quote-in-dquotes", True, '''
            safe_arg = shlex.quote(@@B@@)
            return text(run_shell('echo "%s"' % safe_arg))''',
          exploits=["$(echo " + CM + ")"],
          note="shlex.quote() result placed inside double quotes: the single quotes lose their meaning"),
        S("cmdi-join", True, '''
            argv = ["whois", @@B@@]
            return text(run_shell(" ".join(argv)))''', exploits=[";echo " + CM, "|echo " + CM],
          note="argument list joined into a shell string"),
        S("cmdi-class", True, '''
            return text(Diagnostics_@@N@@(@@B@@).trace())''', helpers='''
            class Diagnostics_@@N@@:
                template = "traceroute -m 3 %(host)s"

                def __init__(self, host):
                    self.host = host

                def trace(self):
                    return run_shell(self.template % {"host": self.host})
            ''', exploits=[";echo " + CM, "|echo " + CM], note="command template in a class"),
        S("cmdi-printf", True, '''
            return text(run_shell("printf '%s\\\\n' " + @@B@@))''',
          exploits=[";echo " + CM, "$(echo " + CM + ")"], default="hello", const='"hello"',
          note="unquoted printf argument"),
        # ---------------- safe
        S("cmdi-shlex", False, '''
            return text(run_shell("ping -c 1 " + shlex.quote(@@B@@)))''', note="shlex.quote()"),
        S("cmdi-positional", False, '''
            return text(run_shell('echo "Looking up $1"', @@B@@))''',
          note="passed as $1, never parsed as shell code"),
        S("cmdi-int", False, '''
            try:
                count = int(@@B@@)
            except ValueError:
                return text("count must be a number", 400)
            return text(run_shell("ping -c %d 127.0.0.1" % count))''', default="1", note="int() cast"),
        S("cmdi-allow", False, '''
            known = {"localhost": "127.0.0.1", "loopback": "127.0.0.1", "bench": "127.0.0.2"}
            address = known.get(@@B@@, "127.0.0.1")
            return text(run_shell("ping -c 1 " + address))''', default="localhost",
          note="dict allow-list maps to fixed addresses"),
        S("cmdi-regex", False, '''
            if not re.fullmatch(r"[A-Za-z0-9.-]{1,64}", @@B@@):
                return text("bad host name", 400)
            return text(run_shell(f"host {@@B@@}"))''', note="regex allows host-name characters only"),
        S("cmdi-ipaddress", False, '''
            try:
                address = ipaddress.ip_address(@@B@@)
            except ValueError:
                return text("not an IP address", 400)
            return text(run_shell("ping -c 1 %s" % address))''', note="ipaddress.ip_address() validation"),
        S("cmdi-isalnum", False, '''
            if not @@B@@.isalnum():
                return text("letters and digits only", 400)
            return text(run_shell("nslookup {}".format(@@B@@)))''', default="localhost",
          note="isalnum() check"),
        S("cmdi-printf-args", False, '''
            words = @@B@@.split()
            return text(run_shell("printf '%s\\\\n' \\"$@\\"", *words))''', default="hello world",
          note='words passed as "$@" arguments'),
        S("cmdi-shlex-join", False, '''
            return text(run_shell(shlex.join(["host", "-W", "1", @@B@@])))''', note="shlex.join()"),
        S("cmdi-strip", False, '''
            cleaned = re.sub(r"[^a-z0-9.]", "", @@B@@.lower())
            return text(run_shell("dig +short " + cleaned))''', note="every non [a-z0-9.] character removed"),
    ])

# ====================================================================== path traversal
PT_UP = "../../../../../../../../etc/passwd"
PATH_TRAVERSAL = Category(
    "path-traversal", "readme.txt", '"readme.txt"',
    params=["file", "doc", "page", "name", "path", "report"],
    headers=["X-Doc", "X-File-Name", "X-Report"],
    cookies=["last_doc", "doc", "report_file"],
    sinks=[
        S("pt-join", True, '''
            try:
                return text(read_text(os.path.join(FILES, @@B@@)))
            except OSError:
                return text("no such document", 404)''', exploits=[PT_UP, "../secret.txt"],
          note="os.path.join(FILES, input)"),
        S("pt-concat", True, '''
            location = FILES + "/" + @@B@@
            try:
                content = read_text(location)
            except OSError:
                return text("missing", 404)
            return text(content)''', exploits=[PT_UP], note="string concatenation"),
        S("pt-percent", True, '''
            try:
                return text(read_text("%s/%s" % (FILES, @@B@@)))
            except OSError as exc:
                return text("cannot open: %s" % exc.strerror, 404)''', exploits=[PT_UP],
          note="% formatting"),
        S("pt-replace-once", True, '''
            cleaned = @@B@@.replace("../", "")
            try:
                return text(read_text(os.path.join(FILES, cleaned)))
            except OSError:
                return text("no such document", 404)''',
          exploits=["....//....//....//....//....//....//....//....//etc/passwd", "....//secret.txt"],
          note='single-pass replace("../", "") is bypassed with "....//"'),
        S("pt-startswith-raw", True, '''
            candidate = os.path.join(FILES, @@B@@)
            if not candidate.startswith(FILES):
                return text("outside the documents folder", 403)
            try:
                return text(read_text(candidate))
            except OSError:
                return text("no such document", 404)''', exploits=[PT_UP],
          note="prefix check on the un-normalised path"),
        S("pt-ext-check", True, '''
            if not @@B@@.endswith(".txt"):
                return text("only .txt documents", 400)
            try:
                return text(read_text(os.path.join(FILES, @@B@@)))
            except OSError:
                return text("no such document", 404)''', exploits=["../secret.txt"],
          note="extension check only; ../secret.txt is outside the folder"),
        S("pt-pathlib", True, '''
            target = Path(FILES) / @@B@@
            try:
                return text(read_text(str(target)))
            except OSError:
                return text("no such document", 404)''', exploits=[PT_UP, "../secret.txt"],
          note="pathlib join without containment"),
        S("pt-normpath", True, '''
            relative = os.path.normpath(@@B@@)
            try:
                return text(read_text(os.path.join(FILES, relative)))
            except OSError:
                return text("no such document", 404)''', exploits=[PT_UP],
          note="normpath() keeps leading ../"),
        S("pt-class", True, '''
            return DocStore_@@N@@(os.path.join(FILES, "reports")).get(@@B@@)''', helpers='''
            class DocStore_@@N@@:
                def __init__(self, root):
                    self.root = root

                def get(self, name):
                    try:
                        return text(read_text(self.root + os.sep + name))
                    except OSError:
                        return text("no such report", 404)
            ''', exploits=[PT_UP, "../../secret.txt"], default="2024.txt", const='"2024.txt"',
          note="document store class rooted at files/reports"),
        S("pt-dotdot-only", True, '''
            if ".." in @@B@@.split("/"):
                return text("no parent references", 400)
            try:
                return text(read_text(os.path.join(FILES, @@B@@)))
            except OSError:
                return text("no such document", 404)''', exploits=["/etc/passwd"], no_path=True,
          note="rejects .. segments but an absolute path replaces the base in os.path.join"),
        S("pt-lstrip", True, '''
            name = @@B@@.lstrip("/")
            try:
                return text(read_text(os.path.join(FILES, name)))
            except OSError:
                return text("no such document", 404)''', exploits=[PT_UP],
          note="strips leading / only"),
        S("pt-send-file", True, '''
            full = os.path.join(FILES, @@B@@)
            if not os.path.isfile(full):
                return text("no such document", 404)
            return send_file(full, mimetype="text/plain")''', exploits=[PT_UP, "../secret.txt"],
          note="send_file() on a joined path"),
        # ---------------- safe
        S("pt-basename", False, '''
            full = os.path.join(FILES, os.path.basename(@@B@@))
            if not os.path.isfile(full):
                return text("no such document", 404)
            return text(read_text(full))''', note="os.path.basename() + isfile"),
        S("pt-commonpath", False, '''
            full = os.path.realpath(os.path.join(FILES, @@B@@))
            if os.path.commonpath([full, FILES]) != FILES:
                return text("outside the documents folder", 403)
            try:
                return text(read_text(full))
            except OSError:
                return text("no such document", 404)''', note="realpath + commonpath containment"),
        S("pt-allow", False, '''
            documents = {"readme": "readme.txt", "guide": "guide.txt", "readme.txt": "readme.txt"}
            chosen = documents.get(@@B@@)
            if chosen is None:
                return text("unknown document", 404)
            return text(read_text(os.path.join(FILES, chosen)))''', note="dict allow-list"),
        S("pt-send-from-directory", False, '''
            return send_from_directory(FILES, @@B@@, mimetype="text/plain")''',
          note="send_from_directory (safe_join)"),
        S("pt-secure-filename", False, '''
            name = secure_filename(@@B@@)
            try:
                return text(read_text(os.path.join(FILES, name)))
            except OSError:
                return text("no such document", 404)''', note="werkzeug secure_filename()"),
        S("pt-regex", False, '''
            if not re.fullmatch(r"[A-Za-z0-9_-]{1,40}\\.txt", @@B@@):
                return text("bad document name", 400)
            try:
                return text(read_text(FILES + "/" + @@B@@))
            except OSError:
                return text("no such document", 404)''', note="regex: plain file name with .txt"),
        S("pt-resolve", False, '''
            base = Path(FILES).resolve()
            target = (base / @@B@@).resolve()
            if not target.is_relative_to(base):
                return text("outside the documents folder", 403)
            try:
                return text(read_text(str(target)))
            except OSError:
                return text("no such document", 404)''', note="Path.resolve() + is_relative_to()"),
        S("pt-index", False, '''
            listing = sorted(os.listdir(FILES))
            try:
                chosen = listing[int(@@B@@)]
            except (ValueError, IndexError):
                return text("no such index", 404)
            try:
                return text(read_text(os.path.join(FILES, chosen)))
            except OSError:
                return text("not a file", 404)''', default="1", note="int index into a directory listing"),
        S("pt-abspath-prefix", False, '''
            full = os.path.abspath(os.path.join(FILES, @@B@@))
            if not full.startswith(FILES + os.sep):
                return text("outside the documents folder", 403)
            try:
                return text(read_text(full))
            except OSError:
                return text("no such document", 404)''', note="abspath + prefix with separator"),
        S("pt-normpath-check", False, '''
            relative = os.path.normpath(@@B@@)
            if relative.startswith("..") or os.path.isabs(relative):
                return text("bad path", 400)
            try:
                return text(read_text(os.path.join(FILES, relative)))
            except OSError:
                return text("no such document", 404)''', note="normpath, then reject leading .. and absolute"),
    ])

# ====================================================================== ssti
SSTI = Category(
    "ssti", "World", '"World"',
    params=["name", "greeting", "nick", "who", "title", "signature"],
    headers=["X-Greeting", "X-Nickname", "X-Signature"],
    cookies=["nick", "greeting", "signature"],
    sinks=[
        S("ssti-concat", True, '''
            return text(render_template_string("Hello " + @@B@@ + "!"))''',
          exploits=["{{7*191}}", "{% print 7*191 %}"], note="input concatenated into template source"),
        S("ssti-sandbox-percent", True, '''
            letter = SANDBOX.from_string("Dear %s, thanks for your order." % @@B@@)
            return text(letter.render())''', exploits=["{{7*191}}"],
          note="template source built with % (sandbox limits impact, injection is real)"),
        S("ssti-format", True, '''
            return render_template_string("<p>Welcome back, {}</p>".format(@@B@@))''',
          exploits=["{{7*191}}"], note="str.format into template source"),
        S("ssti-fstring", True, '''
            source = f"Order note: {@@B@@}"
            return text(render_template_string(source, shop="Bench"))''', exploits=["{{7*191}}"],
          note="f-string template source"),
        S("ssti-escaped-source", True, '''
            return render_template_string("<b>" + str(escape(@@B@@)) + "</b>")''',
          exploits=["{{7*191}}"], note="HTML-escaping does not touch {{ }}"),
        S("ssti-dict", True, '''
            templates = {"greeting": "Hi {{ name }}", "custom": None}
            templates["custom"] = @@B@@
            return text(SANDBOX.from_string(templates["custom"]).render(name="friend"))''',
          exploits=["{{7*191}}"], note="user template stored in a dict, then rendered"),
        S("ssti-class", True, '''
            return text(Mailer_@@N@@(@@B@@).render())''', helpers='''
            class Mailer_@@N@@:
                def __init__(self, signature):
                    self.source = "Regards,\\n" + signature

                def render(self):
                    return app.jinja_env.from_string(self.source).render()
            ''', exploits=["{{7*191}}"], note="template source assembled in a class"),
        S("ssti-strip-braces-once", True, '''
            cleaned = @@B@@.replace("{{", "").replace("}}", "")
            return text(render_template_string("Hi " + cleaned))''',
          exploits=["{% print 7*191 %}"], note="removes {{ }} but not {% %}"),
        S("ssti-preview", True, '''
            return text(render_template_string(@@B@@))''', exploits=["{{7*191}}"],
          note="whole input rendered as a template (preview feature)"),
        S("ssti-raw-wrap", True, '''
            source = "{% raw %}" + @@B@@ + "{% endraw %}"
            return text(SANDBOX.from_string(source).render())''',
          exploits=["{% endraw %}{{7*191}}{% raw %}"], note="{% raw %} wrapper can be closed by the input"),
        # ---------------- safe
        S("ssti-var", False, '''
            return text(render_template_string("Hello {{ name }}!", name=@@B@@))''',
          note="input only as a template variable"),
        S("ssti-sandbox-var", False, '''
            letter = SANDBOX.from_string("Dear {{ customer }}, thanks for your order.")
            return text(letter.render(customer=@@B@@))''', note="sandbox renders a fixed template; input is a variable"),
        S("ssti-no-braces", False, '''
            cleaned = @@B@@.replace("{", "").replace("}", "")
            return text(render_template_string("Hi " + cleaned))''',
          note="every { and } removed, so no Jinja delimiter can be formed"),
        S("ssti-string-template", False, '''
            letter = string.Template("Dear $name, welcome.")
            return text(letter.safe_substitute(name=@@B@@))''', note="string.Template, not Jinja"),
        S("ssti-choice", False, '''
            variants = {"short": "Hi!", "long": "Hello and welcome!", "formal": "Good day."}
            return text(render_template_string(variants.get(@@B@@, "Hi!")))''', default="short",
          note="template chosen from an allow-list by key"),
        S("ssti-escaped-var", False, '''
            return render_template_string("<p>Hi {{ who }}</p>", who=escape(@@B@@))''',
          note="escaped value passed as a variable"),
        S("ssti-str-format", False, '''
            return text("Hello {}, your ticket is ready".format(@@B@@))''',
          note="plain str.format, never rendered as a template"),
        S("ssti-const-template", False, '''
            return text(render_template_string(GREETING_@@N@@, **{"name": @@B@@}))''', helpers='''
            GREETING_@@N@@ = "Greetings, {{ name }}."
            ''', note="module-level constant template, input in the context dict"),
        S("ssti-int", False, '''
            try:
                quantity = int(@@B@@)
            except ValueError:
                quantity = 1
            return text(render_template_string("Quantity: " + str(quantity)))''', default="2",
          note="int() cast before concatenation"),
        S("ssti-sandbox-list", False, '''
            lines = ["Line {{ n }}: {{ value }}"]
            return text(SANDBOX.from_string(lines[0]).render(n=1, value=@@B@@))''',
          note="template from a list of constants; input as variable"),
    ])

# ====================================================================== code injection
CODE = Category(
    "code-injection", "2", '"2"',
    params=["expr", "calc", "formula", "value", "amount", "x"],
    headers=["X-Expression", "X-Calc", "X-Formula"],
    cookies=["formula", "calc", "last_expr"],
    sinks=[
        S("code-calc", True, '''
            try:
                return text("= %s" % evaluate(@@B@@))
            except Exception as exc:
                return text("cannot evaluate: %s" % exc, 400)''', exploits=["7*191"], default="2*3",
          note="input evaluated as an expression (calculator)"),
        S("code-times", True, '''
            try:
                result = evaluate("10 * " + @@B@@)
            except Exception:
                return text("bad factor", 400)
            return text(str(result))''', exploits=["0+7*191"], default="3",
          note="concatenated into an expression"),
        S("code-len-quote", True, '''
            try:
                return text(str(evaluate(f"len('{@@B@@}')")))
            except Exception:
                return text("error", 400)''', exploits=["') + 7*191 + len('"], default="abc",
          note="quote breakout from a string literal"),
        S("code-percent", True, '''
            try:
                total = evaluate("%s + 1" % @@B@@)
            except Exception as exc:
                return text(str(exc), 400)
            return text("next: %s" % total)''', exploits=["7*191-1"], default="41",
          note="% formatting into an expression"),
        S("code-format", True, '''
            try:
                return text("{}".format(evaluate("({}) - 100".format(@@B@@))))
            except Exception:
                return text("error", 400)''', exploits=["7*191+100"], default="150",
          note="str.format into an expression"),
        S("code-class", True, '''
            return text(Calculator_@@N@@().compute(@@B@@))''', helpers='''
            class Calculator_@@N@@:
                scale = 1

                def compute(self, expression):
                    try:
                        return str(evaluate(expression) * self.scale)
                    except Exception as exc:
                        return "error: %s" % exc
            ''', exploits=["7*191"], default="1+1", note="calculator class evaluates the input"),
        S("code-formula-dict", True, '''
            formulas = {"total": "price * qty", "custom": @@B@@}
            try:
                return text(str(evaluate(formulas["custom"], {"price": 3, "qty": 4})))
            except Exception:
                return text("bad formula", 400)''', exploits=["7*191"], default="price * qty",
          const='"price * qty"', note="user formula stored in a dict and evaluated"),
        S("code-blocklist", True, '''
            if "__" in @@B@@ or "import" in @@B@@ or "lambda" in @@B@@:
                return text("forbidden", 403)
            try:
                return text(str(evaluate(@@B@@)))
            except Exception:
                return text("error", 400)''', exploits=["7*191"], default="1+1",
          note="keyword blocklist, expression still evaluated"),
        S("code-str-wrap", True, '''
            try:
                return text(evaluate("str(" + @@B@@ + ")"))
            except Exception:
                return text("error", 400)''', exploits=["7*191"], default="5",
          note="wrapped in str(...) and evaluated"),
        S("code-sum-parts", True, '''
            terms = @@B@@.split(",")
            try:
                return text(str(evaluate("+".join(terms))))
            except Exception:
                return text("error", 400)''', exploits=["7*191"], default="1,2,3", const='"1,2,3"',
          note="comma list joined with + and evaluated"),
        # ---------------- safe
        S("code-literal-eval", False, '''
            try:
                parsed = ast.literal_eval(@@B@@)
            except (ValueError, SyntaxError):
                return text("not a literal", 400)
            return text(repr(parsed))''', note="ast.literal_eval()"),
        S("code-var", False, '''
            return text(str(evaluate("len(text_value) * 2", {"text_value": @@B@@})))''',
          note="input only bound as a variable of a fixed expression"),
        S("code-int", False, '''
            try:
                number = int(@@B@@)
            except ValueError:
                return text("integer expected", 400)
            return text(str(evaluate("%d * 2" % number)))''', note="int() cast"),
        S("code-float", False, '''
            try:
                number = float(@@B@@)
            except ValueError:
                return text("number expected", 400)
            return text(str(evaluate(repr(number) + " + 0.5")))''', note="float() cast"),
        S("code-json", False, '''
            try:
                data = json.loads(@@B@@)
            except ValueError:
                return text("invalid JSON", 400)
            return text("parsed a %s" % type(data).__name__)''', default="[1, 2]", note="json.loads()"),
        S("code-op-allow", False, '''
            pieces = @@B@@.split(" ")
            if len(pieces) != 3 or pieces[1] not in ("+", "-"):
                return text("use: <int> <+|-> <int>", 400)
            try:
                left, right = int(pieces[0]), int(pieces[2])
            except ValueError:
                return text("integers only", 400)
            return text(str(evaluate("%d %s %d" % (left, pieces[1], right))))''', default="2 + 3",
          note="operator allow-list, operands int()"),
        S("code-repr", False, '''
            try:
                return text(str(evaluate("len(" + repr(@@B@@) + ")")))
            except Exception:
                return text("error", 400)''', note="repr() turns the input into a string literal"),
        S("code-digits", False, '''
            if not re.fullmatch(r"[0-9]{1,6}", @@B@@):
                return text("digits only", 400)
            return text(str(evaluate(@@B@@ + " + 1")))''', default="41", note="regex: digits only"),
        S("code-str-var", False, '''
            return text(evaluate("str(amount)", {"amount": @@B@@}))''', note="input bound as a variable"),
        S("code-decimal", False, '''
            try:
                amount = Decimal(@@B@@)
            except InvalidOperation:
                return text("not a number", 400)
            return text(str(amount * 2))''', note="Decimal() parse, no eval"),
    ])

# ====================================================================== open redirect
EVIL = "https://evil.example/"
REDIRECT = Category(
    "open-redirect", "/", '"/"',
    params=["next", "url", "return_to", "redirect", "target", "continue"],
    headers=["Referer", "X-Return-To", "X-Next"],
    cookies=["return_to", "next_url", "after_login"],
    sinks=[
        S("redir-direct", True, '''
            return redirect(@@B@@)''', exploits=[EVIL], note="redirect(input)"),
        S("redir-format", True, '''
            return redirect("{}".format(@@B@@), code=302)''', exploits=[EVIL], note="redirect via format"),
        S("redir-slash-prefix", True, '''
            if not @@B@@.startswith("/"):
                return text("relative paths only", 400)
            return redirect(@@B@@)''', exploits=["//evil.example/"], no_path=True,
          note='startswith("/") accepts //evil.example'),
        S("redir-substring", True, '''
            if "bench.local" not in @@B@@ and not @@B@@.startswith("/"):
                return text("unknown host", 400)
            return redirect(@@B@@)''', exploits=["https://evil.example/?bench.local"],
          note='substring check "bench.local" in url'),
        S("redir-endswith", True, '''
            netloc = urlsplit(@@B@@).netloc
            if netloc and not netloc.endswith("bench.local"):
                return text("unknown host", 400)
            return redirect(@@B@@)''', exploits=["https://evilbench.local/"],
          note='netloc.endswith("bench.local") accepts evilbench.local'),
        S("redir-meta", True, '''
            return '<meta http-equiv="refresh" content="0;url=%s"><p>Redirecting...</p>' % escape(@@B@@)''',
          exploits=[EVIL], note="meta refresh (escaped, but still an open redirect)"),
        S("redir-response", True, '''
            return Response("moved", status=302, headers={"Location": @@B@@})''', exploits=[EVIL],
          note="Location header set directly"),
        S("redir-scheme-only", True, '''
            if urlsplit(@@B@@).scheme not in ("http", "https", ""):
                return text("bad scheme", 400)
            return redirect(@@B@@)''', exploits=[EVIL], note="scheme check only"),
        S("redir-class", True, '''
            return Navigator_@@N@@(@@B@@).go()''', helpers='''
            class Navigator_@@N@@:
                def __init__(self, destination):
                    self.destination = destination or "/"

                def go(self):
                    return redirect(self.destination, code=303)
            ''', exploits=[EVIL], note="redirect inside a helper class"),
        S("redir-host", True, '''
            return redirect("https://" + @@B@@ + "/welcome")''', exploits=["evil.example"],
          default="bench.local", const='"bench.local"', note="input is the host of the redirect"),
        # ---------------- safe
        S("redir-is-safe", False, '''
            if not _allowed_target_@@N@@(@@B@@):
                return redirect("/")
            return redirect(@@B@@)''', helpers='''
            def _allowed_target_@@N@@(url):
                if not url or "\\\\" in url or any(ord(ch) < 32 for ch in url):
                    return False
                parts = urlsplit(url)
                if parts.scheme not in ("", "http", "https"):
                    return False
                if parts.scheme and not parts.netloc:
                    return False
                if not parts.netloc and url.startswith("//"):
                    return False
                return parts.netloc in ("", "bench.local")
            ''', note="url_has_allowed_host_and_scheme-style check (only bench.local or relative)"),
        S("redir-path-regex", False, '''
            if re.fullmatch(r"/[A-Za-z0-9/_.-]*", @@B@@) and not @@B@@.startswith("//"):
                return redirect(@@B@@)
            return redirect("/")''', note="local-path regex, // rejected"),
        S("redir-map", False, '''
            destinations = {"home": "/", "health": "/health", "first": "/pages/t00001.html"}
            return redirect(destinations.get(@@B@@, "/"))''', default="home", note="key -> fixed URL map"),
        S("redir-url-for", False, '''
            endpoints = {"index": "index", "health": "health"}
            return redirect(url_for(endpoints.get(@@B@@, "index")))''', default="index",
          note="url_for() of an allow-listed endpoint"),
        S("redir-quote", False, '''
            return redirect("/pages/" + quote(@@B@@, safe=""))''', default="t00001.html",
          note="percent-encoded under a fixed local prefix"),
        S("redir-int", False, '''
            try:
                number = int(@@B@@)
            except ValueError:
                number = 1
            return redirect("/pages/t%05d.html" % number)''', default="1", note="int() into a local path"),
        S("redir-exact-host", False, '''
            target = urlparse(@@B@@)
            if target.scheme == "https" and target.hostname == "bench.local" and target.port is None \\
                    and not target.username and "\\\\" not in @@B@@:
                return redirect(@@B@@)
            return redirect("/")''', default="https://bench.local/", note="exact scheme + host comparison"),
        S("redir-path-only", False, '''
            path = urlsplit(@@B@@).path
            return redirect("/" + path.lstrip("/\\\\"))''',
          note="only the path component is kept, leading slashes and backslashes stripped"),
        S("redir-tuple", False, '''
            if @@B@@ in ("/", "/health", "/pages/t00001.html"):
                return redirect(@@B@@)
            return redirect("/")''', note="membership in a tuple of local paths"),
    ])

# ====================================================================== header injection
HI = "x\r\nX-Bench-Injected: yes"
HI_LF = "x\nX-Bench-Injected: yes"
HEADER = Category(
    "header-injection", "bench", '"bench"',
    params=["label", "lang", "tag", "ref", "trace", "filename"],
    headers=["X-Request-Label", "X-Trace", "X-Tag"],
    cookies=["label", "trace", "tag"],
    sinks=[
        S("hdr-label", True, '''
            emit_header("X-Bench-Label", @@B@@)
            return text("labelled")''', exploits=[HI], note="value copied into a response header"),
        S("hdr-disposition", True, '''
            emit_header("Content-Disposition", 'attachment; filename="%s.txt"' % @@B@@)
            return text("report body")''', exploits=[HI], note="Content-Disposition filename"),
        S("hdr-set-cookie", True, '''
            emit_header("Set-Cookie", "lang=" + @@B@@ + "; Path=/; Secure; HttpOnly; SameSite=Lax")
            return text("language saved")''', exploits=[HI], note="raw Set-Cookie header"),
        S("hdr-link", True, '''
            emit_header("Link", f'<{@@B@@}>; rel="canonical"')
            return text("ok")''', exploits=[HI], note="Link header (f-string)"),
        S("hdr-class", True, '''
            bag = HeaderBag_@@N@@()
            bag.add("X-Trace-Id", @@B@@)
            bag.flush()
            return text("traced")''', helpers='''
            class HeaderBag_@@N@@:
                def __init__(self):
                    self.items = []

                def add(self, name, value):
                    self.items.append((name, value))

                def flush(self):
                    for name, value in self.items:
                        emit_header(name, value)
            ''', exploits=[HI], note="header bag class"),
        S("hdr-crlf-pair", True, '''
            value = @@B@@.replace("\\r\\n", " ")
            emit_header("X-Bench-Tag", value)
            return text("tagged")''', exploits=[HI_LF],
          note='only the "\\r\\n" pair is replaced; a bare \\n (%0a) still splits'),
        S("hdr-dict", True, '''
            headers = {"X-Request-Id": @@B@@, "X-Served-By": "bench"}
            for name, value in headers.items():
                emit_header(name, value)
            return text("ok")''', exploits=[HI], note="headers dict loop"),
        S("hdr-format", True, '''
            emit_header("X-Cache-Tag", "page-{}".format(@@B@@))
            return text("cached")''', exploits=[HI], note="str.format into a header"),
        # ---------------- safe
        S("hdr-strip", False, '''
            emit_header("X-Bench-Label", re.sub(r"[\\r\\n]", "", @@B@@))
            return text("labelled")''', note="CR and LF removed"),
        S("hdr-quote", False, '''
            emit_header("Content-Disposition", 'attachment; filename="%s.txt"' % quote(@@B@@, safe=""))
            return text("report body")''', note="percent-encoded"),
        S("hdr-int", False, '''
            try:
                version = int(@@B@@)
            except ValueError:
                version = 0
            emit_header("X-Api-Version", str(version))
            return text("ok")''', default="2", note="int() cast"),
        S("hdr-allow", False, '''
            lang = @@B@@ if @@B@@ in ("en", "de", "fr") else "en"
            emit_header("Content-Language", lang)
            return text("ok")''', default="en", note="allow-list"),
        S("hdr-werkzeug", False, '''
            resp = text("labelled")
            try:
                resp.headers["X-Bench-Label"] = @@B@@
            except ValueError:
                return text("invalid header value", 400)
            return resp''', note="Werkzeug Headers refuses newlines"),
        S("hdr-b64", False, '''
            token = base64.urlsafe_b64encode(@@B@@.encode("utf-8")).decode("ascii")
            emit_header("X-Trace-Token", token)
            return text("traced")''', note="base64-encoded"),
        S("hdr-splitlines", False, '''
            first = @@B@@.splitlines()[0] if @@B@@ else ""
            emit_header("X-Bench-Tag", first)
            return text("tagged")''', note="only the first line is used"),
        S("hdr-printable", False, '''
            if not @@B@@.isprintable():
                return text("unprintable characters", 400)
            emit_header("X-Request-Id", @@B@@)
            return text("ok")''', note="isprintable() rejects control characters"),
        S("hdr-split-join", False, '''
            emit_header("X-Cache-Tag", "page-" + " ".join(@@B@@.split()))
            return text("cached")''', note="whitespace (incl. CR/LF) collapsed by split()/join()"),
    ])

# ====================================================================== insecure cookie
COOKIE = Category(
    "insecure-cookie", "light", '"light"',
    params=["theme", "token", "remember", "cart", "pref", "device"],
    headers=["X-Theme", "X-Device", "X-Cart"],
    cookies=["theme_choice", "device_pref", "cart_pref"],
    flows_kill=False,
    sinks=[
        S("ck-bare", True, '''
            resp = text("saved")
            resp.set_cookie("@@CK@@", @@B@@)
            return resp''', note="set_cookie without Secure, HttpOnly, SameSite"),
        S("ck-httponly-only", True, '''
            resp = make_response("saved")
            resp.set_cookie("@@CK@@", @@B@@, httponly=True, max_age=3600)
            return resp''', note="HttpOnly but no Secure / SameSite"),
        S("ck-no-httponly", True, '''
            resp = text("saved")
            resp.set_cookie("@@CK@@", @@B@@, secure=True, samesite="Lax")
            return resp''', note="Secure + SameSite but no HttpOnly"),
        S("ck-raw-header", True, '''
            resp = text("saved")
            resp.headers.add("Set-Cookie", "@@CK@@=%s; Path=/" % quote(@@B@@, safe=""))
            return resp''', note="raw Set-Cookie header without flags"),
        S("ck-samesite-none", True, '''
            resp = text("saved")
            resp.set_cookie("@@CK@@", @@B@@, httponly=True, samesite="None")
            return resp''', note="SameSite=None without Secure"),
        S("ck-opts-dict", True, '''
            resp = text("saved")
            resp.set_cookie("@@CK@@", @@B@@, **COOKIE_OPTS_@@N@@)
            return resp''', helpers='''
            COOKIE_OPTS_@@N@@ = {"max_age": 7 * 24 * 3600, "path": "/", "samesite": "Lax"}
            ''', note="options dict without Secure / HttpOnly"),
        S("ck-class", True, '''
            resp = text("remembered")
            RememberMe_@@N@@(@@B@@).attach(resp)
            return resp''', helpers='''
            class RememberMe_@@N@@:
                def __init__(self, value):
                    self.value = value

                def attach(self, resp):
                    resp.set_cookie("@@CK@@", self.value, secure=False, httponly=False)
            ''', note="helper class sets secure=False, httponly=False"),
        S("ck-is-secure", True, '''
            resp = text("saved")
            resp.set_cookie("@@CK@@", @@B@@, secure=request.is_secure, httponly=True, samesite="Lax")
            return resp''', note="secure=request.is_secure is False over plain HTTP"),
        # ---------------- safe
        S("ck-all-flags", False, '''
            resp = text("saved")
            resp.set_cookie("@@CK@@", @@B@@, secure=True, httponly=True, samesite="Lax")
            return resp''', note="Secure; HttpOnly; SameSite=Lax"),
        S("ck-flags-dict", False, '''
            resp = text("saved")
            resp.set_cookie("@@CK@@", @@B@@, **COOKIE_FLAGS_@@N@@)
            return resp''', helpers='''
            COOKIE_FLAGS_@@N@@ = {"secure": True, "httponly": True, "samesite": "Strict", "max_age": 3600}
            ''', note="flags dict with Secure/HttpOnly/SameSite=Strict"),
        S("ck-raw-flags", False, '''
            resp = text("saved")
            resp.headers.add("Set-Cookie", "@@CK@@=%s; Path=/; Secure; HttpOnly; SameSite=Lax" % quote(@@B@@, safe=""))
            return resp''', note="raw Set-Cookie with all attributes"),
        S("ck-helper", False, '''
            resp = text("saved")
            _private_cookie_@@N@@(resp, "@@CK@@", @@B@@)
            return resp''', helpers='''
            def _private_cookie_@@N@@(resp, name, value, secure=True, httponly=True, samesite="Lax"):
                resp.set_cookie(name, value, secure=secure, httponly=httponly, samesite=samesite)
            ''', note="helper with secure defaults"),
        S("ck-class-secure", False, '''
            resp = text("remembered")
            Preference_@@N@@(@@B@@).attach(resp)
            return resp''', helpers='''
            class Preference_@@N@@:
                flags = dict(secure=True, httponly=True, samesite="Strict")

                def __init__(self, value):
                    self.value = value

                def attach(self, resp):
                    resp.set_cookie("@@CK@@", self.value, **self.flags)
            ''', note="class applies all flags"),
        S("ck-false-branch", False, '''
            resp = text("noted")
            if _old_clients_@@N@@():
                resp.set_cookie("@@CK@@", @@B@@)
            return resp''', helpers='''
            def _old_clients_@@N@@():
                return len("bench") > 10
            ''', note="flag-less cookie only in a branch that is never taken; no cookie is set"),
        S("ck-log-only", False, '''
            log.info("preference %r stored server-side", @@B@@)
            return text("stored")''', note="value logged only, no cookie at all"),
        S("ck-config", False, '''
            resp = text("saved")
            resp.set_cookie("@@CK@@", @@B@@, secure=SECURE_@@N@@, httponly=SECURE_@@N@@, samesite="Lax")
            return resp''', helpers='''
            SECURE_@@N@@ = True
            ''', note="flags from a module constant (True)"),
    ])

# ====================================================================== ssrf
SSRF_PLAIN = "http://{L}/ssrf-{tag}"
SSRF = Category(
    "ssrf", "http://127.0.0.1:9/feed.xml", 'own_url("/health")',
    params=["url", "feed", "webhook", "src", "callback", "image"],
    headers=["X-Feed-Url", "X-Callback", "X-Image-Src"],
    cookies=["feed_url", "webhook", "avatar_src"],
    sinks=[
        S("ssrf-direct", True, '''
            try:
                status, body = fetch(@@B@@)
            except Exception as exc:
                return text("fetch failed: %s" % exc, 502)
            return text(body)''', exploits=[SSRF_PLAIN], note="fetches any URL and returns the body"),
        S("ssrf-blind", True, '''
            try:
                status, body = fetch(@@B@@)
            except Exception:
                return text("unreachable", 502)
            return text("fetched %d bytes (HTTP %s)" % (len(body), status))''', exploits=[SSRF_PLAIN],
          note="blind: only size and status returned"),
        S("ssrf-scheme", True, '''
            if not @@B@@.startswith(("http://", "https://")):
                return text("http(s) only", 400)
            try:
                return text(fetch(@@B@@)[1])
            except Exception as exc:
                return text(str(exc), 502)''', exploits=[SSRF_PLAIN], note="scheme check only"),
        S("ssrf-blocklist", True, '''
            lowered = @@B@@.lower()
            if "localhost" in lowered or "169.254." in lowered or "metadata" in lowered:
                return text("blocked", 403)
            try:
                return text(fetch(@@B@@)[1])
            except Exception as exc:
                return text(str(exc), 502)''', exploits=[SSRF_PLAIN],
          note="blocklist misses 127.0.0.1"),
        S("ssrf-substring", True, '''
            if "feeds.bench.test" not in @@B@@:
                return text("only feeds.bench.test", 400)
            try:
                return text(fetch(@@B@@)[1])
            except Exception as exc:
                return text(str(exc), 502)''', exploits=[SSRF_PLAIN + "?feeds.bench.test"],
          note="substring allow check"),
        S("ssrf-extension", True, '''
            if not urlsplit(@@B@@).path.endswith((".xml", ".rss")):
                return text("feeds only", 400)
            try:
                return text(fetch(@@B@@)[1])
            except Exception as exc:
                return text(str(exc), 502)''', exploits=[SSRF_PLAIN + "/feed.xml"],
          note="checks the path extension, not the host"),
        S("ssrf-host", True, '''
            url = f"http://{@@B@@}/status"
            try:
                return text(fetch(url)[1])
            except Exception as exc:
                return text(str(exc), 502)''', exploits=["{L}/ssrf-{tag}?x="], default="127.0.0.1:9",
          const="own_host()", note="input is the host[:port] of the URL"),
        S("ssrf-class", True, '''
            return text(Notifier_@@N@@(@@B@@).ping())''', helpers='''
            class Notifier_@@N@@:
                def __init__(self, hook):
                    self.hook = hook

                def ping(self):
                    try:
                        status, _ = fetch(self.hook)
                        return "webhook answered %s" % status
                    except Exception as exc:
                        return "webhook failed: %s" % exc
            ''', exploits=[SSRF_PLAIN], note="webhook ping class (blind)"),
        S("ssrf-urljoin", True, '''
            url = urljoin("http://feeds.bench.test/api/", @@B@@)
            try:
                return text(fetch(url)[1])
            except Exception as exc:
                return text(str(exc), 502)''', exploits=[SSRF_PLAIN],
          note="urljoin with an absolute URL replaces the base"),
        # ---------------- safe
        S("ssrf-host-allow", False, '''
            parts = urlsplit(@@B@@)
            if parts.scheme != "https" or parts.hostname not in ("feeds.bench.test",) or parts.port:
                return text("host not allowed", 400)
            try:
                return text(fetch(@@B@@)[1])
            except Exception as exc:
                return text(str(exc), 502)''', note="scheme + hostname allow-list (urlsplit)"),
        S("ssrf-key", False, '''
            feeds = {"health": "/health", "index": "/"}
            path = feeds.get(@@B@@, "/health")
            try:
                return text(fetch(own_url(path))[1])
            except Exception as exc:
                return text(str(exc), 502)''', default="health", note="key selects a fixed local URL"),
        S("ssrf-quote-path", False, '''
            try:
                return text(fetch(own_url("/pages/" + quote(@@B@@, safe="")))[1])
            except Exception as exc:
                return text(str(exc), 502)''', default="t00001.html",
          note="percent-encoded path segment on a fixed host"),
        S("ssrf-prefix-slash", False, '''
            if not @@B@@.startswith("https://feeds.bench.test/"):
                return text("feeds.bench.test only", 400)
            try:
                return text(fetch(@@B@@)[1])
            except Exception as exc:
                return text(str(exc), 502)''', note="prefix check that includes the trailing / of the authority"),
        S("ssrf-int", False, '''
            try:
                number = int(@@B@@)
            except ValueError:
                return text("number expected", 400)
            try:
                return text(fetch(own_url("/pages/t%05d.html" % number))[1])
            except Exception as exc:
                return text(str(exc), 502)''', default="1", note="int() into a local path"),
        S("ssrf-regex", False, '''
            if not re.fullmatch(r"t[0-9]{5}\\.html", @@B@@):
                return text("bad page name", 400)
            try:
                return text(fetch(own_url("/pages/" + @@B@@))[1])
            except Exception as exc:
                return text(str(exc), 502)''', default="t00001.html", note="regex page name on a fixed host"),
        S("ssrf-netloc-pair", False, '''
            parsed = urlparse(@@B@@)
            if (parsed.scheme, parsed.netloc) not in {("https", "feeds.bench.test")}:
                return text("not an allowed feed", 400)
            try:
                return text(fetch(@@B@@)[1])
            except Exception as exc:
                return text(str(exc), 502)''', note="(scheme, netloc) allow-list"),
    ])

CATEGORIES = [SQLI, XSS, CMDI, PATH_TRAVERSAL, SSTI, CODE, REDIRECT, HEADER, COOKIE, SSRF]

PARAM_VARS = ["param", "incoming", "raw_input", "user_value", "given"]
BAR_VARS = ["bar", "subject", "chosen", "operand", "picked"]
PATH_VARS = ["item", "segment", "slug", "part"]
SET_COOKIES = ["session_hint", "remember_token", "sid", "auth_ticket", "cart_id", "login_state",
               "prefs_token", "device_id"]


@dataclass
class Case:
    num: str
    cat: Category
    vuln: bool
    loc: str
    name: str            # parameter / header / cookie / path-variable name
    sink: Sink
    flow: Flow
    method: str
    rule: str
    default: str
    decode: str          # "" | "unquote" | "unquote_plus" (header/cookie/path values)
    code: str = ""
    set_cookie: str = ""

    @property
    def cls(self):
        return self.cat.name


def dedent(s):
    return textwrap.dedent(s).strip("\n")


def read_code(rng, case, pvar):
    """Statement(s) that put the raw input into `pvar`."""
    d = repr(case.default)
    n = case.name
    loc = case.loc
    wrap = (lambda e: "%s(%s)" % (case.decode, e)) if case.decode else (lambda e: e)
    if loc in ("query", "form"):
        src = "request.args" if loc == "query" else "request.form"
        style = rng.randrange(3)
        if style == 0:
            return "%s = %s.get(%r, %s)" % (pvar, src, n, d)
        if style == 1:
            return "%s = %s.get(%r) or %s" % (pvar, src, n, d)
        return "%s = %s[%r] if %r in %s else %s" % (pvar, src, n, n, src, d)
    if loc == "json":
        if rng.randrange(2):
            return "%s = str(json_field(%r, %s))" % (pvar, n, d)
        return "\n".join([
            "body = request.get_json(silent=True)",
            "if not isinstance(body, dict):",
            "    body = {}",
            "%s = str(body.get(%r, %s))" % (pvar, n, d),
        ])
    if loc == "path":
        return "%s = %s" % (pvar, wrap(n))
    if loc == "header":
        if rng.randrange(2):
            return "%s = %s" % (pvar, wrap("request.headers.get(%r, %s)" % (n, d)))
        return "%s = %s" % (pvar, wrap("request.headers.get(%r) or %s" % (n, d)))
    return "%s = %s" % (pvar, wrap("request.cookies.get(%r, %s)" % (n, d)))


def render_case(rng, case):
    pvar = rng.choice(PARAM_VARS)
    bvar = rng.choice(BAR_VARS)
    const = case.sink.const or case.cat.const
    subst = {"@@P@@": pvar, "@@B@@": bvar, "@@C@@": const, "@@N@@": case.num,
             "@@CK@@": case.set_cookie}

    def fill(s):
        for k, v in subst.items():
            s = s.replace(k, v)
        return s

    helpers = [fill(dedent(h)) for h in (case.flow.helpers, case.sink.helpers) if h.strip()]
    body = [read_code(rng, case, pvar), dedent(case.flow.body), dedent(case.sink.body)]
    sig = case.name if case.loc == "path" else ""
    fn = "bench_test_%s(%s)" % (case.num, sig)
    lines = []
    for h in helpers:
        lines += [h, "", ""]
    lines.append("def %s:" % fn)
    lines.append(textwrap.indent(fill("\n".join(body)), "    "))
    return "\n".join(lines).rstrip() + "\n"


def build_cases():
    rng = random.Random(SEED)
    specs = []
    for ci, cat in enumerate(CATEGORIES):
        vuln_sinks = [s for s in cat.sinks if s.vuln]
        safe_sinks = [s for s in cat.sinks if not s.vuln]
        locs = [LOCATIONS[(j + ci) % 6] for j in range(40)]
        plan = []
        # 20 vulnerable: vulnerable sink + input-preserving flow
        vs = vuln_sinks[:]
        rng.shuffle(vs)
        for j in range(20):
            plan.append((True, locs[j], "vs", None))
        # 20 safe: a few killing flows (fed into vulnerable sinks), the rest safe sinks
        kills = FLOWS_KILL[:] if cat.flows_kill else []
        rng.shuffle(kills)
        for j in range(20, 40):
            k = j - 20
            if k < len(kills):
                plan.append((False, locs[j], "kill", kills[k]))
            else:
                plan.append((False, locs[j], "ss", None))
        vi = si = 0
        ss = safe_sinks[:]
        rng.shuffle(ss)
        keep_flows = FLOWS_KEEP[:]
        rng.shuffle(keep_flows)
        fi = 0
        for vuln, loc, kind, flow in plan:
            if kind == "vs":
                # next vulnerable sink usable at this location
                for _ in range(len(vs)):
                    sink = vs[vi % len(vs)]
                    vi += 1
                    if not (sink.no_path and loc == "path"):
                        break
            elif kind == "kill":
                sink = rng.choice([s for s in vuln_sinks if not (s.no_path and loc == "path")])
            else:
                sink = ss[si % len(ss)]
                si += 1
            if flow is None:
                flow = keep_flows[fi % len(keep_flows)]
                fi += 1
            specs.append((cat, vuln, loc, sink, flow))
    rng.shuffle(specs)

    cases = []
    counters = {}
    for idx, (cat, vuln, loc, sink, flow) in enumerate(specs, 1):
        num = "%05d" % idx
        key = (cat.name, loc)
        counters[key] = counters.get(key, 0) + 1
        ordinal = counters[key]
        default = sink.default if sink.default is not None else cat.default
        if loc == "path" and default.startswith("/"):
            default = default.lstrip("/") or "home"   # a path segment cannot start with "/"
        decode = ""
        if loc == "cookie":
            decode = "unquote" if ordinal % 3 else "unquote_plus"
        if cat is HEADER and loc in ("header", "path"):
            decode = "unquote"    # CR/LF cannot arrive raw in a header or a path segment
        if loc == "query":
            name = cat.params[ordinal % len(cat.params)]
        elif loc == "form":
            name = cat.params[(ordinal + 2) % len(cat.params)]
        elif loc == "json":
            name = cat.params[(ordinal + 4) % len(cat.params)]
        elif loc == "header":
            name = cat.headers[ordinal % len(cat.headers)]
        elif loc == "cookie":
            name = cat.cookies[ordinal % len(cat.cookies)]
        else:
            name = PATH_VARS[ordinal % len(PATH_VARS)]
        method = "POST" if loc in ("form", "json") else "GET"
        rule = "/t/%s/<path:%s>" % (num, name) if loc == "path" else "/t/%s" % num
        case = Case(num, cat, vuln, loc, name, sink, flow, method, rule, default, decode)
        if cat is COOKIE:
            case.set_cookie = SET_COOKIES[idx % len(SET_COOKIES)]
        case.code = render_case(rng, case)
        cases.append(case)
    return cases


# ---------------------------------------------------------------------- truth
def show(payload):
    return payload.replace("\r", "%0d").replace("\n", "%0a").replace("\t", " ")


def how_to_send(case, payload):
    p = show(payload)
    if case.loc == "query":
        return "GET %s?%s=%s" % (case.rule, case.name, p)
    if case.loc == "form":
        return "POST %s form %s=%s" % (case.rule, case.name, p)
    if case.loc == "json":
        return 'POST %s JSON {"%s": "%s"}' % (case.rule, case.name, p)
    if case.loc == "path":
        enc = "double-URL-encoded" if case.decode else "URL-encoded"
        return "GET /t/%s/<%s %s>" % (case.num, enc, p)
    if case.loc == "header":
        return "GET %s with header %s: %s%s" % (
            case.rule, case.name, p, " (URL-encoded; the app unquotes it)" if case.decode else "")
    return "GET %s with cookie %s=<URL-encoded %s>" % (case.rule, case.name, p)


def truth_note(case):
    if not case.vuln:
        if not case.flow.keeps:
            return "safe: %s (sink would be: %s)" % (case.flow.note, case.sink.note)
        return "safe: " + case.sink.note
    cat = case.cat.name
    if cat == "insecure-cookie":
        return "any request (%s %s) -> Set-Cookie %s: %s" % (
            case.method, example_path(case), case.set_cookie, case.sink.note)
    ex = case.sink.exploits[0]
    if cat == "sqli":
        return "%s -> differs from %s; %s" % (how_to_send(case, ex[0]), show(ex[1]), case.sink.note)
    effect = {
        "xss-reflected": "script/handler reflected unescaped in text/html",
        "cmdi": "output contains BENCH42CMD",
        "path-traversal": "file outside files/ returned (/etc/passwd or secret.txt)",
        "ssti": "output contains 1337",
        "code-injection": "output contains 1337",
        "open-redirect": "Location/refresh points to evil.example",
        "header-injection": "response carries an extra X-Bench-Injected header",
        "ssrf": "server requests the attacker URL",
    }[cat]
    payload = ex.replace("{L}", "127.0.0.1:PORT").replace("{tag}", "x")
    return "%s -> %s; %s" % (how_to_send(case, payload), effect, case.sink.note)


def example_path(case):
    if case.loc == "path":
        from urllib.parse import quote
        return "/t/%s/%s" % (case.num, quote(case.default, safe=""))
    if case.loc == "query":
        from urllib.parse import urlencode
        return "/t/%s?%s" % (case.num, urlencode({case.name: case.default}))
    return "/t/%s" % case.num


def main():
    cases = build_cases()
    table = ",\n".join(
        "    (%r, %r, [%r], bench_test_%s, %r, %r, %r)" % (
            c.num, c.rule, c.method, c.num, c.loc, c.name, c.default) for c in cases)
    source = PRELUDE.replace("@@COUNT@@", cases[-1].num).replace("@@SEED@@", str(SEED))
    source += "\n\n".join(c.code for c in cases)
    source += ROUTING.replace("@@TABLE@@", table)
    with open(os.path.join(HERE, "app.py"), "w") as fh:
        fh.write(source)
    cols = ["id", "verdict", "class", "method", "route_rule", "example_path", "input_location",
            "input_name", "needs_login", "notes"]
    rows = ["\t".join(cols)]
    for c in cases:
        rows.append("\t".join([c.num, "vuln" if c.vuln else "safe", c.cls, c.method, c.rule,
                               example_path(c), c.loc, c.name, "no", truth_note(c)]))
    with open(os.path.join(HERE, "TRUTH.tsv"), "w") as fh:
        fh.write("\n".join(rows) + "\n")
    print("wrote app.py and TRUTH.tsv (%d cases)" % len(cases))


if __name__ == "__main__":
    main()
