#!/usr/bin/env python3
"""Generate tests/corpus: Flask endpoints from sources x propagations x sinks."""
import ast
import csv
import json
import os
import random
import re
import shutil
import sys
from textwrap import indent

sys.path.insert(0, os.path.dirname(__file__))
from lib_sources import SOURCES, CLEAN_SOURCES, TAINTED_PROPS, CLEAN_PROPS  # noqa: E402
from lib_sinks import SINKS  # noqa: E402
from lib_manual import MANUAL  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "tests", "corpus")
SEED = 20240611

CWE = {"cmdi": 78, "codeinj": 94, "deserialization": 502, "hash": 328, "ldapi": 90,
       "pathtraver": 22, "redirect": 601, "securecookie": 614, "sqli": 89, "trustbound": 501,
       "weakrand": 330, "xpathi": 643, "xss": 79, "xxe": 611, "ssti": 1336, "ssrf": 918}
CATEGORIES = sorted(CWE)
NON_TAINT = {"hash", "securecookie", "weakrand"}
BIG = {"sqli", "xss", "pathtraver", "cmdi"}
NO_INT_CAST = {"deserialization", "xxe", "ssrf", "redirect"}

STDLIB = ["os", "re", "io", "json", "ast", "uuid", "html", "shlex", "base64", "string", "hashlib",
          "hmac", "secrets", "random", "time", "shutil", "subprocess", "sqlite3", "pickle", "marshal",
          "importlib", "configparser", "codecs", "builtins", "urllib.parse", "urllib.request",
          "xml.sax", "xml.sax.handler"]
THIRD = ["yaml", "jsonpickle", "requests", "httpx", "urllib3", "jinja2", "ldap", "ldap.filter",
         "defusedxml.minidom", "defusedxml.sax"]
FLASK_NAMES = ["request", "redirect", "abort", "jsonify", "make_response", "Response", "render_template",
               "render_template_string", "send_file", "send_from_directory", "session", "url_for"]

P_NAMES = ["param", "raw", "user_input", "incoming", "arg_value", "supplied", "req_value", "given",
           "requested", "client_value"]
V_NAMES = ["bar", "value", "target", "chosen", "field", "entry", "selected", "subject", "resolved",
           "prepared"]
HANDLERS = ["show", "lookup", "view_item", "handle", "search", "profile", "download", "preview",
            "process", "fetch_page", "render_page", "details", "submit", "update_item", "status",
            "export", "report", "account", "dashboard", "resolve_item", "load", "open_item", "run_task",
            "check", "index_view", "api_entry", "inspect", "browse", "apply", "sync"]
HELPERS = ["perform", "do_lookup", "build_response", "process_value", "run_action", "execute_for",
           "handle_value", "respond_with", "carry_out", "finish"]
CLASSES = [("Service", "run"), ("Handler", "handle"), ("Worker", "execute"), ("Action", "apply"),
           ("Controller", "dispatch"), ("Backend", "call")]
PATH_WORDS = ["items", "reports", "profile", "lookup", "files", "notes", "status", "preview", "search",
              "account", "export", "hooks", "tools", "docs", "media", "orders", "users", "admin",
              "widgets", "catalog", "feeds", "tasks", "inbox", "pages"]
BP_NAMES = ["main", "api", "portal", "frontend", "backoffice", "public", "console", "site"]
MV_NAMES = ["ItemView", "EntryAPI", "ResourceView", "RecordEndpoint", "DetailView", "ActionView"]

rng = random.Random(SEED)


def identifiers(text):
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))


def pick_free(pool, used):
    choices = [n for n in pool if n not in used]
    return rng.choice(choices)


def sub(text, p, v, ep=""):
    return text.replace("«p»", p).replace("«v»", v).replace("«ep»", ep)


# ------------------------------------------------------------------------------------------
def detect_imports(code):
    tree = ast.parse(code)
    chains = set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            parts = []
            cur = node
            while isinstance(cur, ast.Attribute):
                parts.append(cur.attr)
                cur = cur.value
            if isinstance(cur, ast.Name):
                parts.append(cur.id)
                chains.add(".".join(reversed(parts)))
        if isinstance(node, ast.Name):
            names.add(node.id)
    std, third, flask = set(), set(), set()
    allmods = STDLIB + THIRD
    for mod in allmods:
        if mod.split(".")[0] not in names:
            continue
        longer = [s for s in allmods if s.startswith(mod + ".")]
        if any(c.startswith(mod + ".") and not any(c == s or c.startswith(s + ".") for s in longer) for c in chains):
            (std if mod in STDLIB else third).add(mod)
    for n in FLASK_NAMES:
        if n in names:
            flask.add(n)
    uses_flask_module = any(c.startswith("flask.") for c in chains) and "flask" in names
    return std, third, flask, uses_flask_module


def assemble(cat, source, prop, sink, style, shape):
    raw = "\n".join([source.body, prop.body, sink.body, source.module, prop.module, sink.module,
                     " ".join(source.get("args", [])), source.get("rule", "")])
    used = identifiers(raw) | identifiers(" ".join(sink.imports + prop.imports))
    p = pick_free(P_NAMES, used)
    used.add(p)
    v = pick_free(V_NAMES, used)
    used.add(v)
    handler = pick_free(HANDLERS, used)
    used.add(handler)

    methods = source.get("methods", ["GET"])
    base = "/" + rng.choice(PATH_WORDS)
    if rng.random() < 0.4:
        base += "/" + rng.choice([w for w in PATH_WORDS if w not in base])
    rule = base + sub(source.get("rule", ""), p, v)
    args = [sub(a, p, v) for a in source.get("args", [])]

    if sink.get("static_only") and source.get("args"):
        raise ValueError("incompatible")

    bp_name = rng.choice(BP_NAMES)
    mv_name = rng.choice([n for n in MV_NAMES if n not in used])
    if style == "bp":
        ep = f"{bp_name}.{handler}"
    elif style == "mv":
        ep = handler
    else:
        ep = handler

    src_body = sub(source.body, p, v)
    prop_body = sub(prop.body, p, v)
    sink_body = sub(sink.body, p, v, ep)

    module_parts = []
    for m in (source.module, prop.module, sink.module):
        m = sub(m, p, v, ep)
        if m and m not in module_parts:
            module_parts.append(m)

    helper_def = ""
    if shape == "inline":
        tail = sink_body
    elif shape == "func":
        helper = pick_free(HELPERS, used)
        helper_def = f"def {helper}({v}):\n" + indent(sink_body, "    ")
        tail = f"return {helper}({v})"
    elif shape == "method":
        cls, meth = rng.choice([c for c in CLASSES if c[0] not in used])
        helper_def = (f"class {cls}:\n    def {meth}(self, {v}):\n" + indent(sink_body, "        "))
        tail = f"return {cls}().{meth}({v})"
    elif shape == "nested":
        inner = pick_free(HELPERS, used)
        tail = f"\ndef {inner}({v}):\n" + indent(sink_body, "    ") + f"\n\nreturn {inner}({v})"
    else:
        raise ValueError(shape)

    if prop_body.startswith("def ") and src_body:
        prop_body = "\n" + prop_body
    body = "\n".join(x for x in (src_body, prop_body, tail) if x)

    meth_list = ", ".join(f'"{m}"' for m in methods)
    methods_kw = "" if methods == ["GET"] else f", methods=[{meth_list}]"
    route_lines = []
    after = []
    if style == "app":
        route_lines.append(f'@app.route("{rule}"{methods_kw})')
        func = f"def {handler}({', '.join(args)}):\n" + indent(body, "    ")
    elif style == "verb":
        verb = methods[0].lower()
        route_lines.append(f'@app.{verb}("{rule}")')
        func = f"def {handler}({', '.join(args)}):\n" + indent(body, "    ")
    elif style == "bp":
        route_lines.append(f'@{bp_name}_bp.route("{rule}"{methods_kw})')
        func = f"def {handler}({', '.join(args)}):\n" + indent(body, "    ")
        after.append(f'app.register_blueprint({bp_name}_bp, url_prefix="/{bp_name}")')
    elif style == "rule":
        func = f"def {handler}({', '.join(args)}):\n" + indent(body, "    ")
        after.append(f'app.add_url_rule("{rule}", view_func={handler}{methods_kw})')
    elif style == "mv":
        meth = methods[0].lower()
        func = (f"class {mv_name}(MethodView):\n    def {meth}(self{''.join(', ' + a for a in args)}):\n"
                + indent(body, "        "))
        after.append(f'app.add_url_rule("{rule}", view_func={mv_name}.as_view("{handler}"))')
    else:
        raise ValueError(style)

    code_wo_imports = "\n\n".join(module_parts + [helper_def, func] + after)
    std, third, flask_names, uses_flask_mod = detect_imports(
        "app = None\n" + code_wo_imports)

    explicit = []
    for imp in sink.imports + prop.imports + source.imports:
        if imp not in explicit:
            explicit.append(imp)

    # app setup lines
    setup = []
    full_text = code_wo_imports
    if re.search(r"\bsession\s*[\[.]", full_text):
        std.add("os")
        setup.append(rng.choice([
            'app.secret_key = os.environ["FLASK_SECRET_KEY"]',
            'app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]',
        ]))
    if cat == "securecookie":
        setup.append('app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, '
                     'SESSION_COOKIE_SAMESITE="Lax")')
    if "render_template(" in full_text:
        app_line = 'app = Flask(__name__, template_folder="../templates")'
    else:
        app_line = "app = Flask(__name__)"

    # app.config lines inside module parts must follow app creation -> they are in module_parts.
    lines = []
    std_lines = sorted(f"import {m}" for m in std)
    third_explicit = [i for i in explicit if not i.startswith("from corpuslib") and not i.startswith("import corpuslib")]
    corpus_explicit = [i for i in explicit if i not in third_explicit]
    std_from = [i for i in third_explicit if i.split()[1].split(".")[0] in {m.split(".")[0] for m in STDLIB} | {"pathlib", "random", "urllib", "xml"}]
    third_from = [i for i in third_explicit if i not in std_from]
    group1 = sorted(std_lines + std_from, key=lambda s: (s.startswith("from"), s))
    group2 = sorted([f"import {m}" for m in third] + third_from, key=lambda s: (s.startswith("from"), s))
    flask_line = "from flask import " + ", ".join(sorted({"Flask"} | flask_names | ({"Blueprint"} if style == "bp" else set()), key=lambda s: (s[0].islower(), s)))
    group3 = (["import flask"] if uses_flask_mod else []) + [flask_line]
    if style == "mv":
        group3.append("from flask.views import MethodView")
    group4 = sorted(corpus_explicit)
    for g in (group1, group2, group3, group4):
        if g:
            lines.extend(g)
            lines.append("")
    lines.append(app_line)
    lines.extend(setup)
    if style == "bp":
        lines.append(f'{bp_name}_bp = Blueprint("{bp_name}", __name__)')
    out = "\n".join(lines).rstrip() + "\n"
    prev_def = False
    for block in module_parts:
        is_def = block.startswith(("def ", "class ", "@"))
        sep = "\n\n" if (is_def or prev_def) else "\n"
        out += sep + block + "\n"
        prev_def = is_def
    if helper_def:
        out += "\n\n" + helper_def + "\n"
    out += "\n\n" + "\n".join(route_lines) + ("\n" if route_lines else "") + func + "\n"
    for a in after:
        out += "\n\n" + a + "\n"
    # module-level code may reference `app` (config, logger): it follows app creation already.
    return out, dict(p=p, v=v, handler=handler, rule=rule, endpoint=ep)


# ------------------------------------------------------------------------------------------
class Cycle:
    def __init__(self, items):
        self.items = list(items)
        rng.shuffle(self.items)
        self.i = 0

    def next(self, ok=lambda x: True):
        for _ in range(len(self.items) * 2):
            item = self.items[self.i % len(self.items)]
            self.i += 1
            if ok(item):
                return item
        raise RuntimeError("no compatible item")


def choose_style():
    r = rng.random()
    if r < 0.52:
        return "app"
    if r < 0.66:
        return "verb"
    if r < 0.80:
        return "bp"
    if r < 0.88:
        return "rule"
    return "mv"


def choose_shape():
    r = rng.random()
    if r < 0.55:
        return "inline"
    if r < 0.80:
        return "func"
    if r < 0.90:
        return "method"
    return "nested"


def plan():
    src_cycle = Cycle(SOURCES)
    clean_src_cycle = Cycle(CLEAN_SOURCES)
    tprop_cycle = Cycle(TAINTED_PROPS)
    cprop_cycle = Cycle(CLEAN_PROPS)
    cases = []
    for cat in CATEGORIES:
        vuln_sinks = [s for s in SINKS[cat] if s.kw["vuln"]]
        safe_sinks = [s for s in SINKS[cat] if not s.kw["vuln"]]
        if cat in NON_TAINT:
            n = max(len(vuln_sinks), len(safe_sinks))
        elif cat in BIG:
            n = max(18, min(27, len(safe_sinks) + 2 + 6))
        else:
            n = max(13, min(17, len(safe_sinks) + 2 + 5))
        vs = Cycle(vuln_sinks)
        ss = Cycle(safe_sinks)
        entries = []

        def ok_src(sink, cat=cat):
            return lambda s: not (sink.get("static_only") and s.get("args")) and cat not in s.get("excl", ())

        if cat in NON_TAINT:
            anyprop = Cycle(TAINTED_PROPS[:] + CLEAN_PROPS[:])
            for label, cyc, count in ((True, vs, n), (False, ss, n)):
                for _ in range(count):
                    sink = cyc.next()
                    src = src_cycle.next(ok_src(sink)) if rng.random() < 0.85 else clean_src_cycle.next(ok_src(sink))
                    prop = anyprop.next()
                    entries.append(dict(cat=cat, label=label, source=src, prop=prop, sink=sink, mode="sink"))
        else:
            def prop_ok(pr):
                return not (pr.get("needs_numeric_ok") and cat in NO_INT_CAST)
            for _ in range(n):
                sink = vs.next()
                entries.append(dict(cat=cat, label=True, source=src_cycle.next(ok_src(sink)),
                                    prop=tprop_cycle.next(), sink=sink, mode="vuln"))
            n_csrc = 2
            n_sink = min(len(safe_sinks), n - n_csrc - 4)
            n_cprop = n - n_sink - n_csrc
            for _ in range(n_sink):
                sink = ss.next()
                entries.append(dict(cat=cat, label=False, source=src_cycle.next(ok_src(sink)),
                                    prop=tprop_cycle.next(), sink=sink, mode="sanitizer"))
            for _ in range(n_cprop):
                sink = vs.next()
                entries.append(dict(cat=cat, label=False, source=src_cycle.next(ok_src(sink)),
                                    prop=cprop_cycle.next(prop_ok), sink=sink, mode="clean-prop"))
            for _ in range(n_csrc):
                sink = vs.next()
                entries.append(dict(cat=cat, label=False, source=clean_src_cycle.next(ok_src(sink)),
                                    prop=tprop_cycle.next(), sink=sink, mode="clean-source"))
        for mcat, label, trap, code in MANUAL:
            if mcat == cat:
                entries.append(dict(cat=cat, label=label, mode="manual", code=code, trap=trap))
        rng.shuffle(entries)
        cases.extend(entries)
    return cases


def main():
    cases = plan()
    rows = []
    meta = []
    num = 0
    for case in cases:
        num += 1
        cat = case["cat"]
        rel = f"{cat}/case_{num:04d}.py"
        if case["mode"] == "manual":
            path = os.path.join(OUT, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as fh:
                fh.write(case["code"])
            compile(case["code"], rel, "exec")
            rows.append((rel, cat, "true" if case["label"] else "false", CWE[cat]))
            meta.append(dict(file=rel, category=cat, vulnerable=case["label"], mode="manual",
                             traps=[case["trap"]] if case["trap"] else []))
            continue
        style = choose_style()
        shape = choose_shape()
        code, info = assemble(cat, case["source"], case["prop"], case["sink"], style, shape)
        path = os.path.join(OUT, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as fh:
            fh.write(code)
        compile(code, rel, "exec")
        label = case["label"]
        if cat not in NON_TAINT:
            expect = case["source"].tainted and case["prop"].tainted and case["sink"].kw["vuln"]
            assert expect == label, (rel, case)
        rows.append((rel, cat, "true" if label else "false", CWE[cat]))
        traps = [t for t in (case["prop"].get("trap"), case["sink"].get("trap")) if t]
        meta.append(dict(file=rel, category=cat, vulnerable=label, mode=case["mode"],
                         source=case["source"].name, source_kind=case["source"].get("kind"),
                         prop=case["prop"].name, prop_tainted=case["prop"].tainted,
                         sink=case["sink"].name, style=style, shape=shape, traps=traps, **info))
    static = os.path.join(os.path.dirname(__file__), "static")
    for name in sorted(os.listdir(static)):
        src = os.path.join(static, name)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(OUT, name), dirs_exist_ok=True)
        else:
            shutil.copy(src, os.path.join(OUT, name))
    with open(os.path.join(OUT, "expected.csv"), "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "category", "vulnerable", "CWE"])
        w.writerows(rows)
    with open(os.path.join(os.path.dirname(__file__), "meta.json"), "w") as fh:
        json.dump(meta, fh, indent=1)
    print(f"{len(rows)} cases")


if __name__ == "__main__":
    main()
