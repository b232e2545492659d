"""Sources and propagations for the corpus generator.

Placeholders: «p» = variable holding the request value, «v» = variable handed to the sink.
"""
from textwrap import dedent


def d(s):
    return dedent(s).strip("\n")


class Snip:
    def __init__(self, name, body="", *, imports=(), module="", tainted=True, **kw):
        self.name = name
        self.body = d(body)
        self.imports = list(imports)
        self.module = d(module)
        self.tainted = tainted
        self.kw = kw

    def get(self, key, default=None):
        return self.kw.get(key, default)


S = Snip

COMMON_HEADERS = ("host", "user-agent", "accept", "accept-encoding", "accept-language",
                  "connection", "content-length", "content-type", "cookie", "referer",
                  "origin", "cache-control", "upgrade-insecure-requests")

# --------------------------------------------------------------------------------------
# Sources. kw: rule (suffix appended to the base path), methods, args (handler params),
# kind (label for the report), mv_ok (usable in a MethodView)
SOURCES = [
    S("args_get", '«p» = request.args.get("q", "")', kind="query", methods=["GET"]),
    S("args_index", '«p» = request.args["term"]', kind="query", methods=["GET"]),
    S("args_getlist", '«p» = ",".join(request.args.getlist("tag"))', kind="query", methods=["GET"]),
    S("args_getlist_first", '''
        tags = request.args.getlist("tag")
        «p» = tags[0] if tags else ""
    ''', kind="query", methods=["GET"]),
    S("args_to_dict", '''
        query = request.args.to_dict()
        «p» = query.get("name", "")
    ''', kind="query", methods=["GET"]),
    S("form_get", '«p» = request.form.get("comment", "")', kind="form", methods=["POST"]),
    S("form_index", '«p» = request.form["username"]', kind="form", methods=["POST"]),
    S("form_getlist", '''
        choices = request.form.getlist("choice")
        «p» = choices[-1] if choices else "none"
    ''', kind="form", methods=["POST"]),
    S("values_get", '«p» = request.values.get("item", "")', kind="values", methods=["GET", "POST"]),
    S("header_get", '«p» = request.headers.get("X-Item-Name", "")', kind="header value", methods=["GET"]),
    S("header_index", '«p» = request.headers["X-Requested-Resource"]', kind="header value", methods=["GET"]),
    S("header_referer", '«p» = request.referrer or ""', kind="header value", methods=["GET"]),
    S("header_user_agent", '«p» = request.user_agent.string', kind="header value", methods=["GET"]),
    S("header_host", '«p» = request.host', kind="header value (Host)", methods=["GET"]),
    S("header_names", f'''
        «p» = ""
        for header_name in request.headers.keys():
            if header_name.lower() in COMMON_HEADERS:
                continue
            «p» = header_name
            break
    ''', module=f"COMMON_HEADERS = {{{', '.join(repr(h) for h in COMMON_HEADERS)}}}", kind="header name", methods=["GET"]),
    S("header_names_items", '''
        «p» = "none"
        for header_name, header_value in request.headers.items():
            if header_value == "selected":
                «p» = header_name
    ''', kind="header name", methods=["GET"]),
    S("environ_header", '«p» = request.environ.get("HTTP_X_TENANT", "default")', kind="header value (environ)", methods=["GET"]),
    S("cookie_get", '«p» = request.cookies.get("last_item", "")', kind="cookie", methods=["GET"]),
    S("cookie_index", '''
        if "prefs" not in request.cookies:
            return "missing cookie", 400
        «p» = request.cookies["prefs"]
    ''', kind="cookie", methods=["GET"]),
    S("param_names_args", '''
        «p» = ""
        for key in request.args:
            if request.args.get(key) == "on":
                «p» = key
                break
    ''', kind="parameter name", methods=["GET"]),
    S("param_names_form", '''
        «p» = ""
        for field_name in request.form.keys():
            for field_value in request.form.getlist(field_name):
                if field_value == "chosen":
                    «p» = field_name
    ''', kind="parameter name", methods=["POST"]),
    S("json_get", '''
        payload = request.get_json(silent=True) or {}
        «p» = str(payload.get("value", ""))
    ''', kind="json", methods=["POST"]),
    S("json_attr", '«p» = request.json["name"]', kind="json", methods=["POST"]),
    S("json_nested", '''
        body = request.get_json(force=True)
        «p» = body["filter"]["text"]
    ''', kind="json", methods=["POST"]),
    S("get_data", '«p» = request.get_data(as_text=True)', kind="body", methods=["POST"]),
    S("data_decode", '«p» = request.data.decode("utf-8", "replace")', kind="body", methods=["POST", "PUT"]),
    S("stream_read", '«p» = request.stream.read().decode("utf-8")', kind="body", methods=["POST"]),
    S("route_param", '', rule="/<«p»>", args=["«p»"], kind="path parameter", methods=["GET"], mv_ok=True),
    S("route_string_param", '«p» = «p».strip()', rule="/<string:«p»>", args=["«p»"], kind="path parameter", methods=["GET"], mv_ok=True),
    S("route_path_param", '', rule="/<path:«p»>", args=["«p»"], kind="path parameter", methods=["GET"], mv_ok=True),
    S("view_args", '«p» = request.view_args["slug"]', rule="/<slug>", args=["slug"], kind="view_args", methods=["GET"]),
    S("files_filename", '''
        upload = request.files["document"]
        «p» = upload.filename or ""
    ''', kind="file name", methods=["POST"]),
    S("files_read", '«p» = request.files["document"].read().decode("utf-8", "ignore")', kind="file content", methods=["POST"]),
    S("files_stream", '''
        attachment = request.files.get("attachment")
        «p» = attachment.stream.read().decode() if attachment else ""
    ''', kind="file content", methods=["POST"]),
    S("query_string", '''
        parsed_qs = urllib.parse.parse_qs(request.query_string.decode())
        «p» = parsed_qs.get("id", [""])[0]
    ''', kind="query string", methods=["GET"]),
    S("full_path", '«p» = request.full_path.partition("?")[2]', kind="full_path", methods=["GET"]),
    S("url_attr", '«p» = request.url.split("ref=", 1)[-1]', kind="url", methods=["GET"]),
    S("authorization", '''
        auth = request.authorization
        «p» = auth.username if auth and auth.username else "anonymous"
    ''', kind="authorization header", methods=["GET"]),
]

# Request attributes whose value the URL rule fixes, or typed conversions: not attacker text.
CLEAN_SOURCES = [
    S("static_path", '«p» = request.path', tainted=False, kind="request.path (static rule)", methods=["GET"], static=True),
    S("url_rule", '«p» = request.url_rule.rule', tainted=False, kind="request.url_rule (static rule)", methods=["GET"], static=True),
    S("endpoint_name", '«p» = request.endpoint or "index"', tainted=False, kind="request.endpoint", methods=["GET"]),
    S("int_arg", '«p» = str(request.args.get("page", 1, type=int))', tainted=False, kind="query with type=int", excl={"ssrf", "deserialization"}, methods=["GET"]),
    S("int_converter", '«p» = str(item_id)', rule="/<int:item_id>", args=["item_id"], tainted=False,
      kind="int path converter", excl={"ssrf", "deserialization"}, methods=["GET"]),
    S("uuid_converter", '«p» = str(ident)', rule="/<uuid:ident>", args=["ident"], tainted=False,
      kind="uuid path converter", excl={"ssrf", "deserialization"}, methods=["GET"]),
    S("method_name", '«p» = request.method.lower()', tainted=False, kind="request.method", methods=["GET"]),
]

# --------------------------------------------------------------------------------------
# Propagations: «p» -> «v». tainted=True keeps the request value.

HOLDER = '''
class Holder:
    def __init__(self, value):
        self.value = value
'''
OPS = '''
class TextOps:
    def keep(self, text):
        return text

    def blank(self, text):
        return "placeholder"
'''

TAINTED_PROPS = [
    S("direct", '«v» = «p»'),
    S("strip", '«v» = «p».strip()'),
    S("base64_roundtrip", '''
        encoded = base64.b64encode(«p».encode("utf-8"))
        «v» = base64.b64decode(encoded).decode("utf-8")
    '''),
    S("unquote", '«v» = urllib.parse.unquote(«p»)'),
    S("list_index", '''
        values = ["alpha", «p», "omega"]
        «v» = values[1]
    ''', trap="list element"),
    S("list_pop_taint", '''
        values = ["safe", «p», "moresafe"]
        values.pop(0)
        «v» = values[0]
    ''', trap="list pop"),
    S("dict_key_taint", '''
        lookup = {"keyA": "a_value", "keyB": «p»}
        «v» = lookup["keyB"]
    ''', trap="dict key"),
    S("fstring", '«v» = f"{«p»}"'),
    S("percent_format", '«v» = "%s" % («p»,)'),
    S("str_format", '«v» = "{}".format(«p»)'),
    S("comprehension_join", '«v» = "".join([ch for ch in «p»])'),
    S("loop_split_join", '''
        pieces = []
        for piece in «p».split(","):
            pieces.append(piece)
        «v» = ",".join(pieces)
    '''),
    S("lambda_identity", '''
        identity = lambda s: s
        «v» = identity(«p»)
    '''),
    S("ternary_taint", '''
        num = 106
        «v» = «p» if (7 * 18) + num > 200 else "fixed_value"
    ''', trap="constant arithmetic"),
    S("walrus", '''
        if (trimmed := «p».strip()):
            «v» = trimmed
        else:
            «v» = "none"
    '''),
    S("try_roundtrip", '''
        try:
            «v» = «p».encode("utf-8").decode("utf-8")
        except UnicodeError:
            «v» = ""
    '''),
    S("local_helper", '«v» = tidy_text(«p»)', module='''
        def tidy_text(text):
            return text.replace("\\t", " ").strip()
    '''),
    S("corpuslib_normalize", '«v» = normalize(«p»)', imports=["from corpuslib.text import normalize"]),
    S("class_attr", '«v» = Holder(«p»).value', module=HOLDER),
    S("getattr_keep", '«v» = getattr(TextOps(), "keep")(«p»)', module=OPS),
    S("match_taint", '''
        guess = "ABC"
        match guess[2]:
            case "A":
                «v» = "bobs_your_uncle"
            case "C" | "D":
                «v» = «p»
            case _:
                «v» = "bobs_your_uncle"
    ''', trap="match on constant"),
    S("configparser_same", '''
        conf = configparser.RawConfigParser()
        conf.add_section("section1")
        conf.set("section1", "keyA", "a_value")
        conf.set("section1", "keyB", «p»)
        «v» = conf.get("section1", "keyB")
    ''', trap="configparser"),
    S("stringio", '''
        with io.StringIO() as buffer:
            buffer.write(«p»)
            «v» = buffer.getvalue()
    '''),
    S("tuple_unpack", '''
        first, second = «p», "fixed"
        «v» = first if second else ""
    '''),
    S("branch_taint", '''
        if 7 * 6 > 10:
            «v» = «p»
        else:
            «v» = "fixed"
    ''', trap="constant arithmetic"),
    S("overwrite_retaint", '''
        «v» = "fixed"
        «v» = «p»
    ''', trap="overwritten variable"),
    S("registry_echo", '«v» = formatter_for("label")(«p»).render()',
      imports=["from corpuslib.registry import formatter_for"], trap="class picked by name from corpus.ini"),
    S("registry_upper", '«v» = formatter_for("heading")(«p»).render()',
      imports=["from corpuslib.registry import formatter_for"], trap="class picked by name from corpus.ini"),
    S("dict_assign_get", '''
        options = {}
        options["current"] = «p»
        «v» = options.get("current", "")
    '''),
    S("closure", '''
        def current():
            return «p»

        «v» = current()
    '''),
    S("slice", '«v» = «p»[:256]'),
    S("env_same_key", '''
        os.environ["CORPUS_LAST_VALUE"] = «p»
        «v» = os.environ["CORPUS_LAST_VALUE"]
    ''', trap="os.environ"),
    S("string_template", '«v» = string.Template("$x").substitute(x=«p»)'),
    S("corpuslib_box", '«v» = Box(«p»).unwrap()', imports=["from corpuslib.text import Box"]),
    S("while_copy", '''
        «v» = ""
        idx = 0
        while idx < len(«p»):
            «v» += «p»[idx]
            idx += 1
    '''),
    S("registry_getattr_echo", '''
        settings = load_settings()
        formatter_cls = getattr(registry, settings["handlers"]["label"])
        «v» = formatter_cls(«p»).render()
    ''', imports=["from corpuslib import registry", "from corpuslib.settings import load_settings"],
      trap="class picked by name from corpus.ini"),
    S("corpuslib_pick", '«v» = pick(["fixed", «p»], 1)', imports=["from corpuslib.text import pick"],
      trap="list element through helper"),
    S("dict_comprehension", '''
        mapping = {k: «p» for k in ("primary", "secondary")}
        «v» = mapping["secondary"]
    '''),
]

CLEAN_PROPS = [
    S("branch_dead", '''
        if 7 * 6 > 100:
            «v» = «p»
        else:
            «v» = "fixed"
    ''', tainted=False, trap="constant arithmetic (dead branch)"),
    S("ternary_const", '''
        num = 86
        «v» = "fixed_value" if (7 * 42) - num > 200 else «p»
    ''', tainted=False, trap="constant arithmetic (ternary)"),
    S("list_const", '''
        items = ["safe", «p»]
        «v» = items[0]
    ''', tainted=False, trap="list element"),
    S("list_append_pop", '''
        values = []
        values.append("safe")
        values.append(«p»)
        values.append("moresafe")
        values.pop(0)
        «v» = values[1]
    ''', tainted=False, trap="list append/pop"),
    S("dict_const", '''
        lookup = {"a": «p», "b": "const"}
        «v» = lookup["b"]
    ''', tainted=False, trap="dict key"),
    S("overwrite", '''
        «v» = «p»
        «v» = "const"
    ''', tainted=False, trap="overwritten variable"),
    S("overwrite_logged", '''
        «v» = «p»
        app.logger.info("requested %s", «v»)
        «v» = "default"
    ''', tainted=False, trap="overwritten variable"),
    S("configparser_other", '''
        conf = configparser.ConfigParser()
        conf.add_section("section1")
        conf.set("section1", "keyA", "a_Value")
        conf.set("section1", "keyB", «p»)
        «v» = conf.get("section1", "keyA")
    ''', tainted=False, trap="configparser key"),
    S("match_const", '''
        match "a":
            case "a":
                «v» = "fixed"
            case _:
                «v» = «p»
    ''', tainted=False, trap="match on constant"),
    S("environ_value", '''
        app.logger.debug("ignoring %r", «p»)
        «v» = os.environ.get("DEFAULT_ITEM", "index")
    ''', tainted=False, trap="os.environ"),
    S("env_other_key", '''
        os.environ["CORPUS_INPUT"] = «p»
        «v» = os.environ.get("CORPUS_MODE", "standard")
    ''', tainted=False, trap="os.environ key"),
    S("corpuslib_known", '«v» = known_name(«p»)', imports=["from corpuslib.text import known_name"],
      tainted=False, trap="value chosen by helper in another module"),
    S("in_const", '''
        if "x" in "abc":
            «v» = «p»
        else:
            «v» = "c"
    ''', tainted=False, trap="constant `in`"),
    S("not_and", '''
        if not (3 < 2) and "".join(["a", "b"]) == "ab":
            «v» = "const"
        else:
            «v» = «p»
    ''', tainted=False, trap="constant not/and"),
    S("or_const", '''
        if (2 > 5) or ("a" * 3 == "aaaa"):
            «v» = «p»
        else:
            «v» = "const"
    ''', tainted=False, trap="constant or"),
    S("string_method_const", '''
        mode = "ReadOnly".lower()
        if mode.startswith("write"):
            «v» = «p»
        else:
            «v» = "default"
    ''', tainted=False, trap="string method on constant"),
    S("tuple_const", '''
        pair = («p», "fixed")
        «v» = pair[1]
    ''', tainted=False, trap="tuple element"),
    S("holder_overwrite", '''
        holder = Holder(«p»)
        holder.value = "const"
        «v» = holder.value
    ''', module=HOLDER, tainted=False, trap="attribute overwritten"),
    S("getattr_blank", '«v» = getattr(TextOps(), "blank")(«p»)', module=OPS, tainted=False,
      trap="getattr dispatch to constant method"),
    S("registry_fixed", '«v» = formatter_for("title")(«p»).render()',
      imports=["from corpuslib.registry import formatter_for"], tainted=False,
      trap="class picked by name from corpus.ini"),
    S("registry_getattr_fixed", '''
        settings = load_settings()
        formatter_cls = getattr(registry, settings["handlers"]["title"])
        «v» = formatter_cls(«p»).render()
    ''', imports=["from corpuslib import registry", "from corpuslib.settings import load_settings"],
      tainted=False, trap="class picked by name from corpus.ini"),
    S("lambda_const", '''
        pick_label = lambda s: "fixed"
        «v» = pick_label(«p»)
    ''', tainted=False, trap="lambda"),
    S("int_cast", '«v» = str(int(«p»))', tainted=False, trap="int() cast", needs_numeric_ok=True),
    S("module_flag", '''
        if FEATURE_RAW_INPUT:
            «v» = «p»
        else:
            «v» = "fixed"
    ''', module="FEATURE_RAW_INPUT = False", tainted=False, trap="module-level constant flag"),
    S("dict_strong_update", '''
        options = {"k": «p»}
        options["k"] = "const"
        «v» = options["k"]
    ''', tainted=False, trap="dict key overwritten"),
    S("local_helper_const", '«v» = presence_label(«p»)', module='''
        def presence_label(text):
            if text:
                return "present"
            return "absent"
    ''', tainted=False, trap="helper returning constants"),
    S("length", '«v» = str(len(«p»))', tainted=False, trap="derived number", needs_numeric_ok=True),
    S("bool_label", '«v» = "yes" if «p» else "no"', tainted=False, trap="derived constant"),
    S("corpuslib_pick_const", '«v» = pick(["fixed", «p»], 0)', imports=["from corpuslib.text import pick"],
      tainted=False, trap="list element through helper"),
]
