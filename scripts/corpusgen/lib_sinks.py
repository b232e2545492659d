"""Sinks per category. «v» is the value reaching the sink; bodies end with a return.

For the taint categories `vuln` says whether the sink is exploitable when «v» carries
request data; for hash / securecookie / weakrand it is the label itself.
"""
from lib_sources import Snip as S

BASE = 'BASE_DIR = "/srv/app/files"'

SINKS = {}

# ------------------------------------------------------------------------------ cmdi
SINKS["cmdi"] = [
    S("os_system_concat", '''
        os.system("ping -c 1 " + «v»)
        return "sent"
    ''', vuln=True),
    S("check_output_fstring_shell", '''
        output = subprocess.check_output(f"nslookup {«v»}", shell=True, text=True)
        return Response(output, mimetype="text/plain")
    ''', vuln=True),
    S("run_shell_concat", '''
        proc = subprocess.run("ls -la /srv/share/" + «v», shell=True, capture_output=True, text=True)
        return jsonify(code=proc.returncode)
    ''', vuln=True),
    S("popen_percent", '''
        with os.popen("wc -l /var/log/app/%s" % «v») as pipe:
            count = pipe.read()
        return jsonify(lines=count.strip())
    ''', vuln=True),
    S("popen_sh_c", '''
        subprocess.Popen(["/bin/sh", "-c", "echo " + «v» + " >> /tmp/audit.log"]).wait()
        return "logged"
    ''', vuln=True),
    S("program_from_user", '''
        result = subprocess.run([«v», "--version"], capture_output=True, text=True)
        return jsonify(version=result.stdout)
    ''', vuln=True),
    S("getoutput_format", '''
        status = subprocess.getoutput("whois {}".format(«v»))
        return Response(status, mimetype="text/plain")
    ''', vuln=True),
    S("check_call_quoted", '''
        cmd = "grep -c '%s' /srv/data/index.txt" % «v»
        subprocess.check_call(cmd, shell=True)
        return "ok"
    ''', vuln=True),
    S("html_escape_wrong", '''
        os.system("touch /tmp/marker_" + html.escape(«v»))
        return "touched"
    ''', vuln=True),
    S("join_then_shell", '''
        argv = ["tar", "czf", "/tmp/backup.tgz", «v»]
        subprocess.run(" ".join(argv), shell=True, check=False)
        return "archived"
    ''', vuln=True),
    S("os_system_fstring", '''
        os.system(f"convert /srv/img/in.png -resize {«v»} /tmp/out.png")
        return "resized"
    ''', vuln=True),
    S("corpuslib_tidy_wrong", '''
        code = os.system("host " + tidy(«v»))
        return jsonify(code=code)
    ''', imports=["from corpuslib.sanitize import tidy"], vuln=True),
    S("replace_semicolon", '''
        subprocess.call("nslookup " + «v».replace(";", ""), shell=True)
        return "queried"
    ''', vuln=True),
    S("popen_shell_kw", '''
        proc = subprocess.Popen("du -sh " + «v», shell=True, stdout=subprocess.PIPE)
        out, _ = proc.communicate()
        return Response(out, mimetype="text/plain")
    ''', vuln=True),
    # safe
    S("shlex_quote", '''
        os.system("ping -c 1 " + shlex.quote(«v»))
        return "sent"
    ''', vuln=False),
    S("list_args", '''
        proc = subprocess.run(["ping", "-c", "1", "--", «v»], capture_output=True, text=True)
        return jsonify(code=proc.returncode)
    ''', vuln=False),
    S("git_list_args", '''
        out = subprocess.check_output(["git", "log", "-n", "5", "--format=%s", "--", «v»], text=True)
        return Response(out, mimetype="text/plain")
    ''', vuln=False),
    S("command_map", '''
        command = COMMANDS.get(«v»)
        if command is None:
            abort(404)
        return Response(subprocess.getoutput(command), mimetype="text/plain")
    ''', module='COMMANDS = {"uptime": "uptime", "disk": "df -h", "memory": "free -m"}', vuln=False),
    S("allow_list_guard", '''
        if «v» not in ("uptime", "whoami", "date"):
            abort(400)
        os.system(«v»)
        return "done"
    ''', vuln=False),
    S("regex_guard", '''
        if not re.fullmatch(r"[A-Za-z0-9.-]{1,63}", «v»):
            abort(400)
        subprocess.run("host " + «v», shell=True, check=False)
        return "resolved"
    ''', vuln=False),
    S("int_cast", '''
        os.system("kill -0 %d" % int(«v»))
        return "checked"
    ''', vuln=False),
    S("corpuslib_shell_word", '''
        subprocess.run(f"du -sh {shell_word(«v»)}", shell=True, check=False)
        return "measured"
    ''', imports=["from corpuslib.sanitize import shell_word"], vuln=False),
    S("stdin_data", '''
        proc = subprocess.run(["wc", "-c"], input=«v», capture_output=True, text=True)
        return jsonify(size=proc.stdout.strip())
    ''', vuln=False),
    S("shlex_join", '''
        cmd = shlex.join(["grep", "-c", «v», "/srv/data/index.txt"])
        subprocess.run(cmd, shell=True, check=False)
        return "searched"
    ''', vuln=False),
    S("convert_list", '''
        subprocess.run(["convert", "/srv/img/in.png", "-resize", «v», "/tmp/out.png"], check=False)
        return "resized"
    ''', vuln=False),
    S("shlex_quote_popen", '''
        with os.popen("wc -l /var/log/app/" + shlex.quote(«v»)) as pipe:
            count = pipe.read()
        return jsonify(lines=count.strip())
    ''', vuln=False),
]

# ------------------------------------------------------------------------------ codeinj
SINKS["codeinj"] = [
    S("eval_direct", '''
        result = eval(«v»)
        return jsonify(result=str(result))
    ''', vuln=True),
    S("exec_namespace", '''
        namespace = {}
        exec(«v», namespace)
        return jsonify(names=sorted(k for k in namespace if not k.startswith("__")))
    ''', vuln=True),
    S("eval_concat", '''
        total = eval("100 * " + «v»)
        return jsonify(total=total)
    ''', vuln=True),
    S("compile_eval", '''
        code = compile(«v», "<formula>", "eval")
        result = eval(code, {"__builtins__": {}})
        return jsonify(result=str(result))
    ''', vuln=True),
    S("import_module", '''
        module = importlib.import_module(«v»)
        return jsonify(name=module.__name__)
    ''', vuln=True),
    S("dunder_import", '''
        plugin = __import__(«v»)
        return jsonify(plugin=getattr(plugin, "__name__", "?"))
    ''', vuln=True),
    S("exec_fstring", '''
        scope = {}
        exec(f"result = {«v»}", scope)
        return jsonify(result=str(scope.get("result")))
    ''', vuln=True),
    S("eval_lambda", '''
        fn = eval("lambda x: " + «v»)
        return jsonify(value=str(fn(3)))
    ''', vuln=True),
    S("eval_replace_spaces", '''
        expression = «v».replace(" ", "")
        return jsonify(value=str(eval(expression)))
    ''', vuln=True),
    S("builtins_getattr_exec", '''
        runner = getattr(builtins, "exec")
        runner(«v»)
        return "ran"
    ''', imports=["import builtins"], vuln=True),
    S("compile_exec", '''
        exec(compile(«v», "<cell>", "exec"), {})
        return "executed"
    ''', vuln=True),
    S("eval_format", '''
        rule = "{} > 0".format(«v»)
        return jsonify(match=bool(eval(rule)))
    ''', vuln=True),
    # safe
    S("literal_eval", '''
        value = ast.literal_eval(«v»)
        return jsonify(value=repr(value))
    ''', vuln=False),
    S("json_loads", '''
        value = json.loads(«v»)
        return jsonify(value=value)
    ''', vuln=False),
    S("eval_int", '''
        result = eval("1 + %d" % int(«v»))
        return jsonify(result=result)
    ''', vuln=False),
    S("import_allow_list", '''
        if «v» not in ("json", "csv", "xml.dom"):
            abort(400)
        module = importlib.import_module(«v»)
        return jsonify(name=module.__name__)
    ''', vuln=False),
    S("plugin_map", '''
        module = importlib.import_module(PLUGINS.get(«v», "json"))
        return jsonify(name=module.__name__)
    ''', module='PLUGINS = {"csv": "csv", "json": "json", "html": "html.parser"}', vuln=False),
    S("eval_constant", '''
        limit = eval("2 ** 10")
        return jsonify(input=«v», limit=limit)
    ''', vuln=False),
    S("arith_regex_guard", '''
        if not re.fullmatch(r"[0-9+\\-*/ ().]{1,40}", «v»):
            abort(400)
        return jsonify(result=eval(«v», {"__builtins__": {}}))
    ''', vuln=False),
    S("exec_const_code", '''
        scope = {"given": «v»}
        exec("size = len(given)", scope)
        return jsonify(size=scope["size"])
    ''', vuln=False),
    S("operator_dispatch", '''
        func = OPERATIONS.get(«v», min)
        return jsonify(result=func([3, 1, 2]))
    ''', module='OPERATIONS = {"sum": sum, "max": max, "min": min}', vuln=False),
    S("eval_corpuslib_int", '''
        doubled = eval("%d * 2" % as_int(«v»))
        return jsonify(result=doubled)
    ''', imports=["from corpuslib.sanitize import as_int"], vuln=False),
]

# ------------------------------------------------------------------------------ deserialization
SINKS["deserialization"] = [
    S("pickle_b64", '''
        obj = pickle.loads(base64.b64decode(«v»))
        return jsonify(kind=type(obj).__name__)
    ''', vuln=True),
    S("yaml_loader", '''
        obj = yaml.load(«v», Loader=yaml.Loader)
        return jsonify(kind=type(obj).__name__)
    ''', vuln=True),
    S("yaml_full_loader", '''
        config = yaml.load(«v», Loader=yaml.FullLoader)
        return jsonify(keys=sorted(config) if isinstance(config, dict) else [])
    ''', vuln=True),
    S("yaml_unsafe_load", '''
        obj = yaml.unsafe_load(«v»)
        return jsonify(kind=type(obj).__name__)
    ''', vuln=True),
    S("jsonpickle_decode", '''
        obj = jsonpickle.decode(«v»)
        return jsonify(kind=type(obj).__name__)
    ''', vuln=True),
    S("marshal_hex", '''
        code_obj = marshal.loads(bytes.fromhex(«v»))
        return jsonify(kind=type(code_obj).__name__)
    ''', vuln=True),
    S("pickle_load_bytesio", '''
        obj = pickle.load(io.BytesIO(base64.urlsafe_b64decode(«v»)))
        return jsonify(kind=type(obj).__name__)
    ''', vuln=True),
    S("unpickler", '''
        obj = pickle.Unpickler(io.BytesIO(bytes.fromhex(«v»))).load()
        return jsonify(kind=type(obj).__name__)
    ''', vuln=True),
    S("yaml_unsafe_loader", '''
        obj = yaml.load(«v», Loader=yaml.UnsafeLoader)
        return jsonify(kind=type(obj).__name__)
    ''', vuln=True),
    S("yaml_load_all", '''
        docs = list(yaml.load_all(«v», Loader=yaml.Loader))
        return jsonify(count=len(docs))
    ''', vuln=True),
    S("pickle_loads_latin1", '''
        obj = pickle.loads(«v».encode("latin-1"))
        return jsonify(kind=type(obj).__name__)
    ''', vuln=True),
    # safe
    S("json_loads", '''
        obj = json.loads(«v»)
        return jsonify(kind=type(obj).__name__)
    ''', vuln=False),
    S("yaml_safe_load", '''
        obj = yaml.safe_load(«v»)
        return jsonify(kind=type(obj).__name__)
    ''', vuln=False),
    S("yaml_safe_loader", '''
        obj = yaml.load(«v», Loader=yaml.SafeLoader)
        return jsonify(kind=type(obj).__name__)
    ''', vuln=False),
    S("pickle_constant", '''
        defaults = pickle.loads(DEFAULTS_BLOB)
        defaults["requested"] = «v»
        return jsonify(defaults)
    ''', module='DEFAULTS_BLOB = pickle.dumps({"theme": "light", "page_size": 20})', vuln=False),
    S("literal_eval", '''
        obj = ast.literal_eval(«v»)
        return jsonify(kind=type(obj).__name__)
    ''', vuln=False),
    S("json_b64", '''
        obj = json.loads(base64.b64decode(«v»))
        return jsonify(kind=type(obj).__name__)
    ''', vuln=False),
    S("yaml_safe_load_all", '''
        docs = list(yaml.safe_load_all(«v»))
        return jsonify(count=len(docs))
    ''', vuln=False),
    S("pickle_roundtrip_own", '''
        copy = pickle.loads(pickle.dumps(«v»))
        return jsonify(value=copy)
    ''', vuln=False),
    S("itsdangerous_json", '''
        serializer = URLSafeSerializer(os.environ["SIGNING_KEY"], salt="prefs")
        obj = serializer.loads(«v»)
        return jsonify(kind=type(obj).__name__)
    ''', imports=["from itsdangerous import URLSafeSerializer"], vuln=False),
    S("json_object_hook", '''
        obj = json.loads(«v», object_pairs_hook=dict)
        return jsonify(keys=sorted(obj) if isinstance(obj, dict) else [])
    ''', vuln=False),
]

# ------------------------------------------------------------------------------ hash (label = algorithm)
SINKS["hash"] = [
    S("md5_hexdigest", '''
        digest = hashlib.md5(«v».encode()).hexdigest()
        return jsonify(password_hash=digest)
    ''', vuln=True),
    S("sha1_hexdigest", '''
        digest = hashlib.sha1(«v».encode("utf-8")).hexdigest()
        return jsonify(signature=digest)
    ''', vuln=True),
    S("new_md5_update", '''
        hasher = hashlib.new("md5")
        hasher.update(«v».encode())
        return jsonify(token_hash=hasher.hexdigest())
    ''', vuln=True),
    S("module_constant_alg", '''
        digest = hashlib.new(HASH_ALGORITHM, «v».encode()).hexdigest()
        return jsonify(credential=digest)
    ''', module='HASH_ALGORITHM = "sha1"', vuln=True, trap="algorithm from module constant"),
    S("list_element_md5", '''
        algorithms = ["sha256", "md5", "sha512"]
        digest = hashlib.new(algorithms[1], «v».encode()).hexdigest()
        return jsonify(password_hash=digest)
    ''', vuln=True, trap="algorithm from list element"),
    S("arith_picks_md5", '''
        algorithm = "md5" if (3 * 4) > 10 else "sha256"
        digest = hashlib.new(algorithm)
        digest.update(«v».encode())
        return jsonify(checksum=digest.hexdigest())
    ''', vuln=True, trap="constant arithmetic picks md5"),
    S("ini_legacy_digest", '''
        settings = load_settings()
        algorithm = settings.get("crypto", "legacy_digest")
        digest = hashlib.new(algorithm, «v».encode()).hexdigest()
        return jsonify(password_hash=digest)
    ''', imports=["from corpuslib.settings import load_settings"], vuln=True, trap="algorithm from corpus.ini"),
    S("hmac_md5", '''
        mac = hmac.new(os.environ["API_KEY"].encode(), «v».encode(), hashlib.md5).hexdigest()
        return jsonify(mac=mac)
    ''', vuln=True),
    S("new_upper_sha1", '''
        digest = hashlib.new("SHA1", «v».encode()).hexdigest()
        return jsonify(fingerprint=digest)
    ''', vuln=True),
    S("fn_alias_sha1", '''
        digest_fn = hashlib.sha1
        return jsonify(token_hash=digest_fn(«v».encode()).hexdigest())
    ''', vuln=True),
    S("dict_fast_md5", '''
        options = {"fast": "md5", "strong": "sha256"}
        digest = hashlib.new(options["fast"], «v».encode()).hexdigest()
        return jsonify(password_hash=digest)
    ''', vuln=True, trap="algorithm from dict key"),
    S("pycryptodome_md5", '''
        digest = MD5.new(«v».encode()).hexdigest()
        return jsonify(signature=digest)
    ''', imports=["from Crypto.Hash import MD5"], vuln=True),
    S("cryptography_sha1", '''
        ctx = hashes.Hash(hashes.SHA1())
        ctx.update(«v».encode())
        return jsonify(signature=ctx.finalize().hex())
    ''', imports=["from cryptography.hazmat.primitives import hashes"], vuln=True),
    S("overwrite_to_md5", '''
        algorithm = "sha256"
        algorithm = "md5"
        return jsonify(password_hash=hashlib.new(algorithm, «v».encode()).hexdigest())
    ''', vuln=True, trap="overwritten variable"),
    # safe
    S("sha256", '''
        digest = hashlib.sha256(«v».encode()).hexdigest()
        return jsonify(password_hash=digest)
    ''', vuln=False),
    S("sha3_256", '''
        digest = hashlib.sha3_256(«v».encode("utf-8")).hexdigest()
        return jsonify(signature=digest)
    ''', vuln=False),
    S("blake2b", '''
        digest = hashlib.blake2b(«v».encode(), digest_size=32).hexdigest()
        return jsonify(token_hash=digest)
    ''', vuln=False),
    S("list_element_sha256", '''
        algorithms = ["sha256", "md5", "sha512"]
        digest = hashlib.new(algorithms[0], «v».encode()).hexdigest()
        return jsonify(password_hash=digest)
    ''', vuln=False, trap="algorithm from list element"),
    S("arith_picks_sha512", '''
        algorithm = "md5" if (3 * 4) > 20 else "sha512"
        digest = hashlib.new(algorithm)
        digest.update(«v».encode())
        return jsonify(checksum=digest.hexdigest())
    ''', vuln=False, trap="constant arithmetic (dead md5)"),
    S("ini_digest", '''
        settings = load_settings()
        algorithm = settings.get("crypto", "digest")
        digest = hashlib.new(algorithm, «v».encode()).hexdigest()
        return jsonify(password_hash=digest)
    ''', imports=["from corpuslib.settings import load_settings"], vuln=False, trap="algorithm from corpus.ini"),
    S("hmac_sha256", '''
        mac = hmac.new(os.environ["API_KEY"].encode(), «v».encode(), hashlib.sha256).hexdigest()
        return jsonify(mac=mac)
    ''', vuln=False),
    S("pbkdf2_sha256", '''
        salt = os.urandom(16)
        derived = hashlib.pbkdf2_hmac("sha256", «v».encode(), salt, 200_000)
        return jsonify(hash=derived.hex(), salt=salt.hex())
    ''', vuln=False),
    S("md5_not_for_security", '''
        cache_key = hashlib.md5(«v».encode(), usedforsecurity=False).hexdigest()
        return jsonify(cache_key=cache_key)
    ''', vuln=False),
    S("overwrite_to_sha256", '''
        algorithm = "md5"
        algorithm = "sha256"
        return jsonify(password_hash=hashlib.new(algorithm, «v».encode()).hexdigest())
    ''', vuln=False, trap="overwritten variable"),
    S("dict_strong_sha256", '''
        options = {"fast": "md5", "strong": "sha256"}
        digest = hashlib.new(options["strong"], «v».encode()).hexdigest()
        return jsonify(password_hash=digest)
    ''', vuln=False, trap="algorithm from dict key"),
    S("scrypt", '''
        salt = os.urandom(16)
        derived = hashlib.scrypt(«v».encode(), salt=salt, n=2**14, r=8, p=1)
        return jsonify(hash=derived.hex())
    ''', vuln=False),
    S("match_sha384", '''
        match "strong":
            case "legacy":
                algorithm = "md5"
            case _:
                algorithm = "sha384"
        return jsonify(signature=hashlib.new(algorithm, «v».encode()).hexdigest())
    ''', vuln=False, trap="match on constant"),
    S("file_digest_sha256", '''
        digest = hashlib.file_digest(io.BytesIO(«v».encode()), "sha256").hexdigest()
        return jsonify(checksum=digest)
    ''', vuln=False),
]

# ------------------------------------------------------------------------------ ldapi
LDAP3 = ["from ldap3 import Connection, Server"]
LDAP3_SUB = ["from ldap3 import SUBTREE, Connection, Server"]
LDAP_SERVER = 'LDAP_SERVER = Server("ldap://ldap.example.internal")'
SINKS["ldapi"] = [
    S("ldap3_concat", '''
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("dc=example,dc=org", "(uid=" + «v» + ")", attributes=["cn", "mail"])
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3, module=LDAP_SERVER, vuln=True),
    S("ldap3_fstring", '''
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("ou=people,dc=example,dc=org", f"(&(objectClass=person)(mail={«v»}))")
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3, module=LDAP_SERVER, vuln=True),
    S("python_ldap_percent", '''
        directory = ldap.initialize("ldap://ldap.example.internal")
        results = directory.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(cn=%s)" % «v»)
        return jsonify(found=len(results))
    ''', vuln=True),
    S("ldap3_format_kw", '''
        search_filter = "(|(uid={0})(mail={0}))".format(«v»)
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search(search_base="dc=example,dc=org", search_filter=search_filter, search_scope=SUBTREE)
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3_SUB, module=LDAP_SERVER, vuln=True),
    S("ldap3_html_escape_wrong", '''
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("dc=example,dc=org", "(cn=" + html.escape(«v») + ")")
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3, module=LDAP_SERVER, vuln=True),
    S("python_ldap_ext", '''
        directory = ldap.initialize("ldap://ldap.example.internal")
        results = directory.search_ext_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(memberOf=" + «v» + ")")
        return jsonify(found=len(results))
    ''', vuln=True),
    S("ldap3_star_strip", '''
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("dc=example,dc=org", "(cn=*%s*)" % «v».replace("*", ""))
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3, module=LDAP_SERVER, vuln=True),
    S("python_ldap_fstring_attrs", '''
        directory = ldap.initialize("ldap://ldap.example.internal")
        directory.simple_bind_s("", "")
        results = directory.search_s("dc=example,dc=org", ldap.SCOPE_ONELEVEL, f"(sn={«v»})", ["cn"])
        return jsonify(names=[dn for dn, _ in results])
    ''', vuln=True),
    S("ldap3_paged", '''
        conn = Connection(LDAP_SERVER, auto_bind=True)
        filter_text = "(&(objectClass=group)(cn=" + «v» + "))"
        entries = conn.extend.standard.paged_search("dc=example,dc=org", filter_text, generator=False)
        return jsonify(found=len(entries))
    ''', imports=LDAP3, module=LDAP_SERVER, vuln=True),
    # safe
    S("ldap3_escape", '''
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("dc=example,dc=org", "(uid=" + escape_filter_chars(«v») + ")")
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3 + ["from ldap3.utils.conv import escape_filter_chars"], module=LDAP_SERVER, vuln=False),
    S("python_ldap_escape", '''
        directory = ldap.initialize("ldap://ldap.example.internal")
        safe_value = ldap.filter.escape_filter_chars(«v»)
        results = directory.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(cn=%s)" % safe_value)
        return jsonify(found=len(results))
    ''', vuln=False),
    S("python_ldap_filter_format", '''
        directory = ldap.initialize("ldap://ldap.example.internal")
        query = ldap.filter.filter_format("(uid=%s)", [«v»])
        results = directory.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, query)
        return jsonify(found=len(results))
    ''', vuln=False),
    S("allow_list", '''
        if «v» not in {"admins", "staff", "readers"}:
            abort(400)
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("dc=example,dc=org", f"(cn={«v»})")
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3, module=LDAP_SERVER, vuln=False),
    S("int_uid_number", '''
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("dc=example,dc=org", "(uidNumber=%d)" % int(«v»))
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3, module=LDAP_SERVER, vuln=False),
    S("corpuslib_ldap_value", '''
        conn = Connection(LDAP_SERVER, auto_bind=True)
        conn.search("dc=example,dc=org", f"(mail={ldap_value(«v»)})")
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3 + ["from corpuslib.sanitize import ldap_value"], module=LDAP_SERVER, vuln=False),
    S("regex_guard", '''
        if not re.fullmatch(r"[a-z0-9_.-]{1,32}", «v»):
            abort(400)
        directory = ldap.initialize("ldap://ldap.example.internal")
        results = directory.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=" + «v» + ")")
        return jsonify(found=len(results))
    ''', vuln=False),
    S("ldap3_escape_alias", '''
        conn = Connection(LDAP_SERVER, auto_bind=True)
        cleaned = conv.escape_filter_chars(«v»)
        conn.search(search_base="dc=example,dc=org", search_filter=f"(sn={cleaned})", search_scope=SUBTREE)
        return jsonify(found=len(conn.entries))
    ''', imports=LDAP3_SUB + ["from ldap3.utils import conv"], module=LDAP_SERVER, vuln=False),
]

# ------------------------------------------------------------------------------ pathtraver
SINKS["pathtraver"] = [
    S("open_join", '''
        with open(os.path.join(BASE_DIR, «v»)) as fh:
            return Response(fh.read(), mimetype="text/plain")
    ''', module=BASE, vuln=True),
    S("open_concat_rb", '''
        with open("/var/www/uploads/" + «v», "rb") as fh:
            content = fh.read()
        return Response(content, mimetype="application/octet-stream")
    ''', vuln=True),
    S("send_file_join", '''
        return send_file(os.path.join(BASE_DIR, «v»))
    ''', module=BASE, vuln=True),
    S("send_from_directory_dir", '''
        return send_from_directory(«v», "index.html")
    ''', vuln=True),
    S("pathlib_read_text", '''
        text = Path(BASE_DIR, «v»).read_text()
        return Response(text, mimetype="text/plain")
    ''', imports=["from pathlib import Path"], module=BASE, vuln=True),
    S("pathlib_div_bytes", '''
        target = Path(BASE_DIR) / «v»
        return Response(target.read_bytes(), mimetype="application/octet-stream")
    ''', imports=["from pathlib import Path"], module=BASE, vuln=True),
    S("shutil_copy", '''
        shutil.copy(os.path.join(BASE_DIR, «v»), "/tmp/export.bin")
        return "copied"
    ''', module=BASE, vuln=True),
    S("os_remove", '''
        os.remove(os.path.join("/tmp/uploads", «v»))
        return "deleted"
    ''', vuln=True),
    S("open_write_fstring", '''
        with open(f"/srv/notes/{«v»}.txt", "w", encoding="utf-8") as fh:
            fh.write("draft")
        return "saved"
    ''', vuln=True),
    S("listdir", '''
        entries = os.listdir(os.path.join(BASE_DIR, «v»))
        return jsonify(entries=sorted(entries))
    ''', module=BASE, vuln=True),
    S("codecs_open", '''
        with codecs.open(os.path.join(BASE_DIR, «v»), "r", "utf-8") as fh:
            return Response(fh.read(), mimetype="text/plain")
    ''', module=BASE, vuln=True),
    S("normpath_no_check", '''
        full = os.path.normpath(os.path.join(BASE_DIR, «v»))
        with open(full, "rb") as fh:
            return Response(fh.read(), mimetype="application/octet-stream")
    ''', module=BASE, vuln=True),
    S("replace_dotdot", '''
        cleaned = «v».replace("../", "")
        return send_file(os.path.join(BASE_DIR, cleaned))
    ''', module=BASE, vuln=True),
    S("corpuslib_drop_dots", '''
        with open(os.path.join(BASE_DIR, drop_dots(«v»))) as fh:
            return Response(fh.read(), mimetype="text/plain")
    ''', imports=["from corpuslib.sanitize import drop_dots"], module=BASE, vuln=True),
    S("abspath_no_check", '''
        full = os.path.abspath(os.path.join(BASE_DIR, «v»))
        return send_file(full)
    ''', module=BASE, vuln=True),
    S("send_file_absolute", '''
        return send_file(«v», as_attachment=True)
    ''', vuln=True),
    S("naive_prefix", '''
        candidate = os.path.join(BASE_DIR, «v»)
        if not candidate.startswith(BASE_DIR):
            abort(403)
        with open(candidate) as fh:
            return Response(fh.read(), mimetype="text/plain")
    ''', module=BASE, vuln=True),
    S("rmtree", '''
        shutil.rmtree(os.path.join("/srv/app/workspaces", «v»), ignore_errors=True)
        return "removed"
    ''', vuln=True),
    S("io_open_html_escape_wrong", '''
        with io.open(os.path.join(BASE_DIR, html.escape(«v»)), encoding="utf-8") as fh:
            return Response(fh.read(), mimetype="text/plain")
    ''', module=BASE, vuln=True),
    S("os_open_fd", '''
        fd = os.open(os.path.join(BASE_DIR, «v»), os.O_RDONLY)
        try:
            content = os.read(fd, 4096)
        finally:
            os.close(fd)
        return Response(content, mimetype="application/octet-stream")
    ''', module=BASE, vuln=True),
    # safe
    S("secure_filename", '''
        with open(os.path.join(BASE_DIR, secure_filename(«v»))) as fh:
            return Response(fh.read(), mimetype="text/plain")
    ''', imports=["from werkzeug.utils import secure_filename"], module=BASE, vuln=False),
    S("basename", '''
        name = os.path.basename(«v»)
        return send_file(os.path.join(BASE_DIR, name))
    ''', module=BASE, vuln=False),
    S("safe_join_none", '''
        full = safe_join(BASE_DIR, «v»)
        if full is None:
            abort(404)
        return send_file(full)
    ''', imports=["from werkzeug.security import safe_join"], module=BASE, vuln=False),
    S("send_from_directory_const", '''
        return send_from_directory(BASE_DIR, «v»)
    ''', module=BASE, vuln=False),
    S("resolve_is_relative_to", '''
        root = Path(BASE_DIR).resolve()
        target = (root / «v»).resolve()
        if not target.is_relative_to(root):
            abort(403)
        return Response(target.read_text(), mimetype="text/plain")
    ''', imports=["from pathlib import Path"], module=BASE, vuln=False),
    S("realpath_commonpath", '''
        full = os.path.realpath(os.path.join(BASE_DIR, «v»))
        if os.path.commonpath([full, BASE_DIR]) != BASE_DIR:
            abort(403)
        with open(full, "rb") as fh:
            return Response(fh.read(), mimetype="application/octet-stream")
    ''', module=BASE, vuln=False),
    S("allow_list", '''
        if «v» not in {"terms.txt", "privacy.txt", "imprint.txt"}:
            abort(404)
        with open(os.path.join(BASE_DIR, «v»)) as fh:
            return Response(fh.read(), mimetype="text/plain")
    ''', module=BASE, vuln=False),
    S("regex_guard", '''
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", «v»):
            abort(400)
        with open(f"{BASE_DIR}/{«v»}.txt") as fh:
            return Response(fh.read(), mimetype="text/plain")
    ''', module=BASE, vuln=False),
    S("int_name", '''
        return send_file(os.path.join(BASE_DIR, "invoice_%d.pdf" % int(«v»)))
    ''', module=BASE, vuln=False),
    S("uuid_name", '''
        document_id = uuid.UUID(«v»)
        return send_file(os.path.join(BASE_DIR, f"{document_id}.json"))
    ''', module=BASE, vuln=False),
    S("corpuslib_clean_filename", '''
        with open(os.path.join(BASE_DIR, clean_filename(«v»)), "rb") as fh:
            return Response(fh.read(), mimetype="application/octet-stream")
    ''', imports=["from corpuslib.sanitize import clean_filename"], module=BASE, vuln=False),
    S("corpuslib_base_name", '''
        return send_file(os.path.join(BASE_DIR, base_name(«v»)))
    ''', imports=["from corpuslib.sanitize import base_name"], module=BASE, vuln=False),
    S("doc_map", '''
        filename = DOCUMENTS.get(«v», "index.txt")
        return send_file(os.path.join(BASE_DIR, filename))
    ''', module=BASE + '\nDOCUMENTS = {"terms": "terms.txt", "privacy": "privacy.txt"}', vuln=False),
    S("resolve_relative_to_try", '''
        root = Path(BASE_DIR).resolve()
        target = root.joinpath(«v»).resolve()
        try:
            target.relative_to(root)
        except ValueError:
            abort(403)
        return send_file(target)
    ''', imports=["from pathlib import Path"], module=BASE, vuln=False),
    S("realpath_startswith_sep", '''
        full = os.path.realpath(os.path.join(BASE_DIR, «v»))
        if not full.startswith(BASE_DIR + os.sep):
            abort(403)
        return send_file(full)
    ''', module=BASE, vuln=False),
    S("send_from_directory_kw", '''
        return send_from_directory(directory=BASE_DIR, path=«v», as_attachment=True)
    ''', module=BASE, vuln=False),
    S("secure_filename_write", '''
        with open(os.path.join(BASE_DIR, secure_filename(«v»)), "wb") as fh:
            fh.write(b"")
        return "created"
    ''', imports=["from werkzeug.utils import secure_filename"], module=BASE, vuln=False),
    S("sha256_name", '''
        name = hashlib.sha256(«v».encode()).hexdigest()
        with open(os.path.join(BASE_DIR, name + ".cache"), "rb") as fh:
            return Response(fh.read(), mimetype="application/octet-stream")
    ''', module=BASE, vuln=False),
]

# ------------------------------------------------------------------------------ redirect
SINKS["redirect"] = [
    S("redirect_direct", 'return redirect(«v»)', vuln=True),
    S("redirect_code", 'return redirect(«v», code=301)', vuln=True),
    S("location_header", '''
        resp = make_response("", 302)
        resp.headers["Location"] = «v»
        return resp
    ''', vuln=True),
    S("flask_module_redirect", 'return flask.redirect(f"{«v»}")', vuln=True),
    S("slash_prefix", 'return redirect("/" + «v».lstrip(" "))', vuln=True),
    S("or_default", 'return redirect(«v» or "/")', vuln=True),
    S("werkzeug_redirect", 'return werkzeug_redirect(«v»)',
      imports=["from werkzeug.utils import redirect as werkzeug_redirect"], vuln=True),
    S("scheme_ternary", '''
        target = «v» if «v».startswith("http") else "/" + «v»
        return redirect(target)
    ''', vuln=True),
    S("substring_check", '''
        if "example.com" in «v»:
            return redirect(«v»)
        return redirect("/")
    ''', vuln=True),
    S("startswith_slash", '''
        if «v».startswith("/"):
            return redirect(«v»)
        abort(400)
    ''', vuln=True),
    S("response_location", '''
        return Response("Moved", status=302, headers={"Location": «v»})
    ''', vuln=True),
    # safe
    S("url_for_static", 'return redirect(url_for("static", filename="avatars/" + «v»))', vuln=False),
    S("constant_target", '''
        app.logger.info("next=%s", «v»)
        return redirect("/dashboard")
    ''', vuln=False),
    S("netloc_guard", '''
        parsed = urlparse(«v»)
        if parsed.scheme or parsed.netloc or not «v».startswith("/") or «v».startswith("//") or "\\\\" in «v»:
            abort(400)
        return redirect(«v»)
    ''', imports=["from urllib.parse import urlparse"], vuln=False),
    S("allow_list", '''
        if «v» not in ALLOWED_TARGETS:
            return redirect("/home")
        return redirect(«v»)
    ''', module='ALLOWED_TARGETS = {"/home", "/settings", "/orders"}', vuln=False),
    S("dest_map", '''
        return redirect(DESTINATIONS.get(«v», "/"))
    ''', module='DESTINATIONS = {"docs": "/docs", "blog": "/blog", "shop": "/shop/"}', vuln=False),
    S("int_path", 'return redirect(f"/orders/{int(«v»)}")', vuln=False),
    S("query_param", '''
        return redirect("/search?" + urlencode({"q": «v»}))
    ''', imports=["from urllib.parse import urlencode"], vuln=False),
    S("netloc_path_only", '''
        parts = urlparse(«v»)
        if parts.netloc == "":
            return redirect("/" + parts.path.lstrip("/\\\\"))
        return redirect("/")
    ''', imports=["from urllib.parse import urlparse"], vuln=False),
    S("url_for_self", 'return redirect(url_for("«ep»", page=«v»))', vuln=False, static_only=True),
    S("is_safe_url", '''
        host = urlparse(request.host_url)
        test = urlparse(urljoin(request.host_url, «v»))
        if test.scheme not in ("http", "https") or host.netloc != test.netloc or «v».startswith("//") or "\\\\" in «v»:
            return redirect("/")
        return redirect(«v»)
    ''', imports=["from urllib.parse import urljoin, urlparse"], vuln=False),
]

# ------------------------------------------------------------------------------ securecookie (label = flags)
SC_SETTINGS = []
SINKS["securecookie"] = [
    S("no_flags", '''
        resp = make_response("saved")
        resp.set_cookie("theme", «v»)
        return resp
    ''', vuln=True),
    S("secure_false", '''
        resp = make_response("remembered")
        resp.set_cookie("remember", «v», secure=False, httponly=True)
        return resp
    ''', vuln=True),
    S("httponly_only", '''
        resp = make_response("ok")
        resp.set_cookie("pref", «v», httponly=True, samesite="Lax")
        return resp
    ''', vuln=True),
    S("secure_no_httponly", '''
        resp = make_response("ok")
        resp.set_cookie("lang", «v», secure=True)
        return resp
    ''', vuln=True),
    S("folded_false", '''
        secure_flag = 2 + 2 == 5
        resp = make_response("ok")
        resp.set_cookie("sid_hint", «v», secure=secure_flag, httponly=True, samesite="Lax")
        return resp
    ''', vuln=True, trap="flag from constant arithmetic"),
    S("kwargs_false", '''
        flags = {"secure": False, "httponly": True, "samesite": "Lax"}
        resp = make_response("ok")
        resp.set_cookie("cart", «v», **flags)
        return resp
    ''', vuln=True, trap="flags from dict"),
    S("redirect_max_age", '''
        resp = redirect("/")
        resp.set_cookie("ref", «v», max_age=3600)
        return resp
    ''', vuln=True),
    S("jsonify_kw", '''
        resp = jsonify(ok=True)
        resp.set_cookie(key="cart", value=«v», secure=False)
        return resp
    ''', vuln=True),
    S("raw_header", '''
        resp = make_response("tracked")
        resp.headers.add("Set-Cookie", f"tracking={quote(«v»)}; Path=/")
        return resp
    ''', imports=["from urllib.parse import quote"], vuln=True),
    S("bool_zero", '''
        response = Response("ok")
        response.set_cookie("sid", «v», secure=bool(0), httponly=True, samesite="Strict")
        return response
    ''', vuln=True),
    S("ini_legacy", '''
        settings = load_settings()
        resp = make_response("ok")
        resp.set_cookie("legacy", «v», secure=settings.getboolean("cookies", "legacy_secure"), httponly=True, samesite="Lax")
        return resp
    ''', imports=["from corpuslib.settings import load_settings"], vuln=True, trap="flag from corpus.ini"),
    S("branch_insecure_taken", '''
        resp = make_response("ok")
        if len("abc") == 3:
            resp.set_cookie("visit", «v», secure=False, httponly=True)
        else:
            resp.set_cookie("visit", «v», secure=True, httponly=True, samesite="Lax")
        return resp
    ''', vuln=True, trap="constant-folded branch"),
    S("httponly_false", '''
        resp = make_response("ok")
        resp.set_cookie("session_hint", «v», secure=True, httponly=False, samesite="Lax")
        return resp
    ''', vuln=True),
    S("list_flag_false", '''
        modes = [True, False]
        resp = make_response("ok")
        resp.set_cookie("mode", «v», secure=modes[1], httponly=True, samesite="Lax")
        return resp
    ''', vuln=True, trap="flag from list element"),
    # safe
    S("all_flags", '''
        resp = make_response("saved")
        resp.set_cookie("theme", «v», secure=True, httponly=True, samesite="Lax")
        return resp
    ''', vuln=False),
    S("kwargs_true", '''
        flags = {"secure": True, "httponly": True, "samesite": "Lax"}
        resp = make_response("ok")
        resp.set_cookie("cart", «v», **flags)
        return resp
    ''', vuln=False, trap="flags from dict"),
    S("ini_secure", '''
        settings = load_settings()
        resp = make_response("ok")
        resp.set_cookie("pref", «v», secure=settings.getboolean("cookies", "secure"), httponly=True, samesite="Lax")
        return resp
    ''', imports=["from corpuslib.settings import load_settings"], vuln=False, trap="flag from corpus.ini"),
    S("folded_true", '''
        secure_flag = 3 * 3 == 9
        resp = make_response("ok")
        resp.set_cookie("sid_hint", «v», secure=secure_flag, httponly=True, samesite="Lax")
        return resp
    ''', vuln=False, trap="flag from constant arithmetic"),
    S("strict_max_age", '''
        resp = jsonify(stored=True)
        resp.set_cookie("remember", «v», max_age=86400, secure=True, httponly=True, samesite="Strict")
        return resp
    ''', vuln=False),
    S("branch_secure_taken", '''
        resp = make_response("ok")
        if 7 * 6 > 100:
            resp.set_cookie("visit", «v»)
        else:
            resp.set_cookie("visit", «v», secure=True, httponly=True, samesite="Lax")
        return resp
    ''', vuln=False, trap="constant-folded branch"),
    S("raw_header_flags", '''
        resp = make_response("tracked")
        resp.headers.add("Set-Cookie", f"tracking={quote(«v»)}; Path=/; Secure; HttpOnly; SameSite=Lax")
        return resp
    ''', imports=["from urllib.parse import quote"], vuln=False),
    S("corpuslib_flags", '''
        resp = make_response("ok")
        resp.set_cookie("layout", «v», **COOKIE_FLAGS)
        return resp
    ''', imports=["from corpuslib.cookies import COOKIE_FLAGS"], vuln=False, trap="flags from another module"),
    S("dict_builtin", '''
        opts = dict(secure=True, httponly=True, samesite="Lax")
        resp = redirect("/")
        resp.set_cookie("ref", «v», **opts)
        return resp
    ''', vuln=False),
    S("overwritten_flag", '''
        secure = False
        secure = True
        resp = make_response("ok")
        resp.set_cookie("banner", «v», secure=secure, httponly=True, samesite="Lax")
        return resp
    ''', vuln=False, trap="overwritten variable"),
    S("list_flag_true", '''
        modes = [False, True]
        resp = make_response("ok")
        resp.set_cookie("mode", «v», secure=modes[1], httponly=True, samesite="Lax")
        return resp
    ''', vuln=False, trap="flag from list element"),
    S("response_obj", '''
        response = Response("ok", mimetype="text/plain")
        response.set_cookie("sid", «v», secure=True, httponly=True, samesite="Strict", path="/")
        return response
    ''', vuln=False),
    S("module_constant_flags", '''
        resp = make_response("ok")
        resp.set_cookie("locale", «v», secure=COOKIE_SECURE, httponly=COOKIE_HTTPONLY, samesite="Lax")
        return resp
    ''', module="COOKIE_SECURE = True\nCOOKIE_HTTPONLY = True", vuln=False, trap="flags from module constants"),
]

# ------------------------------------------------------------------------------ sqli
DB = 'DB_PATH = "/srv/app/data.db"'
ENGINE = 'engine = create_engine("sqlite:////srv/app/data.db")'
SINKS["sqli"] = [
    S("concat_quoted", '''
        conn = sqlite3.connect(DB_PATH)
        cur = conn.cursor()
        cur.execute("SELECT id, name FROM users WHERE name = '" + «v» + "'")
        rows = cur.fetchall()
        return jsonify(rows=rows)
    ''', module=DB, vuln=True),
    S("percent_quoted", '''
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute("SELECT * FROM orders WHERE status = '%s'" % «v»).fetchall()
        return jsonify(count=len(rows))
    ''', module=DB, vuln=True),
    S("fstring_delete", '''
        with sqlite3.connect(DB_PATH) as conn:
            conn.execute(f"DELETE FROM sessions WHERE token = '{«v»}'")
        return "deleted"
    ''', module=DB, vuln=True),
    S("format_update", '''
        conn = sqlite3.connect(DB_PATH)
        conn.cursor().execute("UPDATE users SET bio = '{}' WHERE id = 1".format(«v»))
        conn.commit()
        return "updated"
    ''', module=DB, vuln=True),
    S("executescript", '''
        conn = sqlite3.connect(DB_PATH)
        conn.executescript(f"INSERT INTO audit(message) VALUES ('{«v»}');")
        return "logged"
    ''', module=DB, vuln=True),
    S("executemany_formatted", '''
        conn = sqlite3.connect(DB_PATH)
        cur = conn.cursor()
        cur.executemany("INSERT INTO tags(name, owner) VALUES (?, '%s')" % «v», [("a",), ("b",)])
        conn.commit()
        return "tagged"
    ''', module=DB, vuln=True),
    S("numeric_concat", '''
        conn = sqlite3.connect(DB_PATH)
        row = conn.execute("SELECT name, price FROM items WHERE id = " + «v»).fetchone()
        return jsonify(item=row)
    ''', module=DB, vuln=True),
    S("order_by", '''
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute(f"SELECT name FROM products ORDER BY {«v»}").fetchall()
        return jsonify(rows=rows)
    ''', module=DB, vuln=True),
    S("sqlalchemy_text_concat", '''
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT * FROM users WHERE email = '" + «v» + "'")).fetchall()
        return jsonify(count=len(rows))
    ''', imports=["from sqlalchemy import create_engine, text"], module=ENGINE, vuln=True),
    S("flask_sqlalchemy_session", '''
        result = db.session.execute(text(f"SELECT id FROM accounts WHERE owner = '{«v»}'"))
        return jsonify(ids=[row[0] for row in result])
    ''', imports=["from flask_sqlalchemy import SQLAlchemy", "from sqlalchemy import text"],
      module='app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:////srv/app/data.db"\ndb = SQLAlchemy(app)', vuln=True),
    S("html_escape_numeric", '''
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute("SELECT * FROM posts ORDER BY id LIMIT " + html.escape(«v»)).fetchall()
        return jsonify(count=len(rows))
    ''', module=DB, vuln=True),
    S("replace_semicolon", '''
        conn = sqlite3.connect(DB_PATH)
        cleaned = «v».replace(";", "")
        rows = conn.execute("SELECT * FROM users WHERE login = '%s'" % cleaned).fetchall()
        return jsonify(count=len(rows))
    ''', module=DB, vuln=True),
    S("join_parts", '''
        conn = sqlite3.connect(DB_PATH)
        query = " ".join(["SELECT * FROM events WHERE kind =", "'" + «v» + "'"])
        return jsonify(rows=conn.execute(query).fetchall())
    ''', module=DB, vuln=True),
    S("where_fragment", '''
        where = "name LIKE '%%%s%%'" % «v»
        conn = sqlite3.connect(DB_PATH)
        return jsonify(rows=conn.execute("SELECT id FROM customers WHERE " + where).fetchall())
    ''', module=DB, vuln=True),
    S("corpuslib_connect", '''
        conn = connect()
        rows = conn.execute("SELECT * FROM invoices WHERE ref = '%s'" % «v»).fetchall()
        return jsonify(count=len(rows))
    ''', imports=["from corpuslib.db import connect"], vuln=True),
    S("text_alias", '''
        with engine.begin() as connection:
            connection.execute(sql_text("UPDATE prefs SET value = '" + «v» + "' WHERE key = 'motd'"))
        return "saved"
    ''', imports=["from sqlalchemy import create_engine", "from sqlalchemy import text as sql_text"],
      module=ENGINE, vuln=True),
    S("in_list_numeric", '''
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute("SELECT * FROM items WHERE id IN (%s)" % ",".join(«v».split(","))).fetchall()
        return jsonify(count=len(rows))
    ''', module=DB, vuln=True),
    S("exec_driver_sql", '''
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT * FROM logs WHERE source = '%s'" % «v»).fetchall()
        return jsonify(count=len(rows))
    ''', imports=["from sqlalchemy import create_engine"], module=ENGINE, vuln=True),
    S("cursor_fstring_like", '''
        conn = sqlite3.connect(DB_PATH)
        cur = conn.cursor()
        cur.execute(f"SELECT title FROM books WHERE title LIKE '%{«v»}%'")
        return jsonify(titles=[r[0] for r in cur.fetchall()])
    ''', module=DB, vuln=True),
    # safe
    S("qmark_param", '''
        conn = sqlite3.connect(DB_PATH)
        cur = conn.cursor()
        cur.execute("SELECT id, name FROM users WHERE name = ?", («v»,))
        return jsonify(rows=cur.fetchall())
    ''', module=DB, vuln=False),
    S("named_param", '''
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute("SELECT * FROM orders WHERE status = :status", {"status": «v»}).fetchall()
        return jsonify(count=len(rows))
    ''', module=DB, vuln=False),
    S("sqlalchemy_bound", '''
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT * FROM users WHERE email = :email"), {"email": «v»}).fetchall()
        return jsonify(count=len(rows))
    ''', imports=["from sqlalchemy import create_engine, text"], module=ENGINE, vuln=False),
    S("int_percent", '''
        conn = sqlite3.connect(DB_PATH)
        row = conn.execute("SELECT name FROM items WHERE id = %d" % int(«v»)).fetchone()
        return jsonify(item=row)
    ''', module=DB, vuln=False),
    S("int_fstring_limit", '''
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute(f"SELECT * FROM posts ORDER BY id LIMIT {int(«v»)}").fetchall()
        return jsonify(count=len(rows))
    ''', module=DB, vuln=False),
    S("column_allow_list", '''
        column = «v» if «v» in ("name", "created_at", "price") else "name"
        conn = sqlite3.connect(DB_PATH)
        return jsonify(rows=conn.execute(f"SELECT name FROM products ORDER BY {column}").fetchall())
    ''', module=DB, vuln=False),
    S("sort_map", '''
        column = SORT_COLUMNS.get(«v», "name")
        conn = sqlite3.connect(DB_PATH)
        return jsonify(rows=conn.execute("SELECT name FROM products ORDER BY " + column).fetchall())
    ''', module=DB + '\nSORT_COLUMNS = {"name": "name", "newest": "created_at DESC", "price": "price"}', vuln=False),
    S("corpuslib_sort_column", '''
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute("SELECT name FROM products ORDER BY %s" % sort_column(«v»)).fetchall()
        return jsonify(rows=rows)
    ''', imports=["from corpuslib.sanitize import sort_column"], module=DB, vuln=False),
    S("executemany_param", '''
        conn = sqlite3.connect(DB_PATH)
        conn.executemany("INSERT INTO tags(name) VALUES (?)", [(«v»,)])
        conn.commit()
        return "tagged"
    ''', module=DB, vuln=False),
    S("list_params", '''
        with sqlite3.connect(DB_PATH) as conn:
            conn.execute("INSERT INTO audit(message, origin) VALUES (?, ?)", [«v», "web"])
        return "logged"
    ''', module=DB, vuln=False),
    S("generated_placeholders", '''
        ids = «v».split(",")
        marks = ",".join("?" for _ in ids)
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute(f"SELECT * FROM items WHERE id IN ({marks})", ids).fetchall()
        return jsonify(count=len(rows))
    ''', module=DB, vuln=False),
    S("sqlalchemy_core_select", '''
        query = select(users_table.c.id).where(users_table.c.name == «v»)
        with engine.connect() as connection:
            rows = connection.execute(query).fetchall()
        return jsonify(count=len(rows))
    ''', imports=["from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select"],
      module=ENGINE + '\nmetadata = MetaData()\nusers_table = Table("users", metadata, Column("id", Integer, primary_key=True), Column("name", String))',
      vuln=False),
    S("bindparams", '''
        statement = text("SELECT id FROM accounts WHERE owner = :owner").bindparams(owner=«v»)
        with engine.connect() as connection:
            rows = connection.execute(statement).fetchall()
        return jsonify(count=len(rows))
    ''', imports=["from sqlalchemy import create_engine, text"], module=ENGINE, vuln=False),
    S("identifier_regex", '''
        if not re.fullmatch(r"[A-Za-z_]{1,30}", «v»):
            abort(400)
        conn = sqlite3.connect(DB_PATH)
        return jsonify(rows=conn.execute(f"SELECT {«v»} FROM reports").fetchall())
    ''', module=DB, vuln=False),
    S("like_param", '''
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute("SELECT title FROM books WHERE title LIKE ?", (f"%{«v»}%",)).fetchall()
        return jsonify(titles=[r[0] for r in rows])
    ''', module=DB, vuln=False),
    S("flask_sqlalchemy_bound", '''
        result = db.session.execute(text("SELECT id FROM accounts WHERE owner = :owner"), {"owner": «v»})
        return jsonify(ids=[row[0] for row in result])
    ''', imports=["from flask_sqlalchemy import SQLAlchemy", "from sqlalchemy import text"],
      module='app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:////srv/app/data.db"\ndb = SQLAlchemy(app)', vuln=False),
    S("query_built_then_params", '''
        sql = "SELECT * FROM invoices WHERE ref = ?"
        sql += " AND status = 'open'"
        conn = connect()
        return jsonify(rows=conn.execute(sql, [«v»]).fetchall())
    ''', imports=["from corpuslib.db import connect"], vuln=False),
    S("uuid_format", '''
        ref = uuid.UUID(«v»)
        conn = sqlite3.connect(DB_PATH)
        rows = conn.execute("SELECT * FROM uploads WHERE ref = '{}'".format(ref)).fetchall()
        return jsonify(count=len(rows))
    ''', module=DB, vuln=False),
]

# ------------------------------------------------------------------------------ trustbound
SINKS["trustbound"] = [
    S("session_value", '''
        session["username"] = «v»
        return "stored"
    ''', vuln=True),
    S("session_key", '''
        session[«v»] = True
        return "flagged"
    ''', vuln=True),
    S("session_update", '''
        session.update({"role": «v»})
        return jsonify(ok=True)
    ''', vuln=True),
    S("session_nested", '''
        session["prefs"] = {"theme": «v», "compact": False}
        return "saved"
    ''', vuln=True),
    S("flask_session_strip", '''
        flask.session["cart_note"] = «v».strip()
        return "noted"
    ''', vuln=True),
    S("session_setdefault_append", '''
        session.setdefault("history", []).append(«v»)
        session.modified = True
        return jsonify(size=len(session["history"]))
    ''', vuln=True),
    S("truthy_check", '''
        if not «v»:
            abort(400)
        session["user_id"] = «v»
        return "logged in"
    ''', vuln=True),
    S("slice_store", '''
        session["lang"] = «v»[:5]
        return "ok"
    ''', vuln=True),
    S("key_concat", '''
        key = "user_" + «v»
        session[key] = "1"
        return "ok"
    ''', vuln=True),
    S("html_escape_wrong", '''
        session["display_name"] = html.escape(«v»)
        return "ok"
    ''', vuln=True),
    S("session_dict_value", '''
        profile = {"nickname": «v»}
        session["profile"] = profile
        return jsonify(profile)
    ''', vuln=True),
    # safe
    S("constant_value", '''
        app.logger.info("login attempt for %s", «v»)
        session["username"] = "guest"
        return "stored"
    ''', vuln=False),
    S("allow_list", '''
        if «v» in ALLOWED_ROLES:
            session["role"] = «v»
        return jsonify(role=session.get("role"))
    ''', module='ALLOWED_ROLES = {"viewer", "editor"}', vuln=False),
    S("int_cast", '''
        session["page"] = int(«v»)
        return "ok"
    ''', vuln=False),
    S("lang_map", '''
        session["lang"] = LANGUAGES.get(«v», "en")
        return "ok"
    ''', module='LANGUAGES = {"english": "en", "deutsch": "de", "francais": "fr"}', vuln=False),
    S("regex_guard", '''
        if not re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?", «v»):
            abort(400)
        session["locale"] = «v»
        return "ok"
    ''', vuln=False),
    S("uuid4_ignore", '''
        session["visit_id"] = str(uuid.uuid4())
        return jsonify(requested=«v»)
    ''', vuln=False),
    S("abort_not_in", '''
        if «v» not in {"light", "dark"}:
            abort(400)
        session["theme"] = «v»
        return "ok"
    ''', vuln=False),
    S("counter", '''
        session["count"] = session.get("count", 0) + 1
        return jsonify(count=session["count"], seen=«v»)
    ''', vuln=False),
    S("match_literals", '''
        match «v»:
            case "light" | "dark":
                session["theme"] = «v»
            case _:
                abort(400)
        return "ok"
    ''', vuln=False),
    S("uuid_parse", '''
        session["user_id"] = str(uuid.UUID(«v»))
        return "ok"
    ''', vuln=False),
    S("corpuslib_as_int", '''
        session["items_per_page"] = as_int(«v», 20)
        return "ok"
    ''', imports=["from corpuslib.sanitize import as_int"], vuln=False),
]

# ------------------------------------------------------------------------------ weakrand (label = generator)
ALPHA = 'ALPHABET = string.ascii_letters + string.digits'
SINKS["weakrand"] = [
    S("getrandbits_reset", '''
        token = "%032x" % random.getrandbits(128)
        session["reset_token"] = token
        session["reset_for"] = «v»
        return jsonify(sent=True)
    ''', vuln=True),
    S("choice_password", '''
        password = "".join(random.choice(ALPHABET) for _ in range(12))
        return jsonify(user=«v», temporary_password=password)
    ''', module=ALPHA, vuln=True),
    S("randint_otp", '''
        code = random.randint(100000, 999999)
        session["otp"] = code
        return jsonify(sent_to=«v»)
    ''', vuln=True),
    S("random_remember_cookie", '''
        remember_key = str(random.random())[2:]
        resp = make_response("welcome back " + «v»)
        resp.set_cookie("remember_me", remember_key, secure=True, httponly=True, samesite="Lax")
        return resp
    ''', vuln=True),
    S("random_instance_randbytes", '''
        nonce = random.Random().randbytes(16).hex()
        return jsonify(nonce=nonce, client=«v»)
    ''', vuln=True),
    S("uuid_from_getrandbits", '''
        session_id = str(uuid.UUID(int=random.getrandbits(128)))
        session["sid"] = session_id
        return jsonify(user=«v»)
    ''', vuln=True),
    S("choices_api_key", '''
        api_key = "".join(random.choices(ALPHABET, k=32))
        return jsonify(owner=«v», api_key=api_key)
    ''', module=ALPHA, vuln=True),
    S("time_seeded", '''
        rng = random.Random(time.time())
        token = str(rng.randrange(10**8))
        session["invite_token"] = token
        return jsonify(invited=«v»)
    ''', vuln=True),
    S("sample_key", '''
        secret = "".join(random.sample(ALPHABET, 16))
        return jsonify(label=«v», secret=secret)
    ''', module=ALPHA, vuln=True),
    S("folded_weak_branch", '''
        if 3 + 4 == 7:
            token = "%x" % random.getrandbits(64)
        else:
            token = secrets.token_hex(8)
        return jsonify(token=token, for_user=«v»)
    ''', vuln=True, trap="constant-folded branch"),
    S("alias_random", '''
        gen = random.random
        reset_code = hex(int(gen() * 2**53))[2:]
        session["reset_code"] = reset_code
        return jsonify(for_user=«v»)
    ''', vuln=True),
    S("from_import_randint", '''
        pin = "%04d" % randint(0, 9999)
        session["pin"] = pin
        return jsonify(sent_to=«v»)
    ''', imports=["from random import randint"], vuln=True),
    S("helper_token", '''
        token = make_token()
        session["csrf_nonce"] = token
        return jsonify(user=«v»)
    ''', module='''
def make_token(length=24):
    return "".join(random.choice(string.hexdigits) for _ in range(length))
''', vuln=True),
    # safe
    S("token_hex", '''
        token = secrets.token_hex(16)
        session["reset_token"] = token
        session["reset_for"] = «v»
        return jsonify(sent=True)
    ''', vuln=False),
    S("token_urlsafe", '''
        return jsonify(user=«v», api_key=secrets.token_urlsafe(32))
    ''', vuln=False),
    S("system_random_otp", '''
        code = random.SystemRandom().randint(100000, 999999)
        session["otp"] = code
        return jsonify(sent_to=«v»)
    ''', vuln=False),
    S("secrets_choice_password", '''
        password = "".join(secrets.choice(ALPHABET) for _ in range(12))
        return jsonify(user=«v», temporary_password=password)
    ''', module=ALPHA, vuln=False),
    S("urandom_nonce", '''
        nonce = os.urandom(16).hex()
        return jsonify(nonce=nonce, client=«v»)
    ''', vuln=False),
    S("uuid4_session", '''
        session["sid"] = uuid.uuid4().hex
        return jsonify(user=«v»)
    ''', vuln=False),
    S("randbelow", '''
        code = "%06d" % secrets.randbelow(10**6)
        session["verification_code"] = code
        return jsonify(sent_to=«v»)
    ''', vuln=False),
    S("sysrand_choices", '''
        sysrand = random.SystemRandom()
        api_key = "".join(sysrand.choices(ALPHABET, k=32))
        return jsonify(owner=«v», api_key=api_key)
    ''', module=ALPHA, vuln=False),
    S("folded_strong_branch", '''
        if 2 * 3 == 7:
            token = "%x" % random.getrandbits(64)
        else:
            token = secrets.token_hex(8)
        return jsonify(token=token, for_user=«v»)
    ''', vuln=False, trap="constant-folded branch"),
    S("shuffle_display", '''
        tips = ["Use keyboard shortcuts", "Pin your favourites", "Try dark mode"]
        random.shuffle(tips)
        return jsonify(tip=tips[0], page=«v»)
    ''', vuln=False, trap="random for a non-secret"),
    S("token_bytes_b64", '''
        remember_key = base64.urlsafe_b64encode(secrets.token_bytes(24)).decode()
        resp = make_response("welcome back " + escape(«v»))
        resp.set_cookie("remember_me", remember_key, secure=True, httponly=True, samesite="Lax")
        return resp
    ''', imports=["from markupsafe import escape"], vuln=False),
    S("overwritten_token", '''
        token = str(random.random())
        token = secrets.token_urlsafe(16)
        session["invite_token"] = token
        return jsonify(invited=«v»)
    ''', vuln=False, trap="overwritten variable"),
    S("secrets_system_random", '''
        gen = secrets.SystemRandom()
        pin = "%04d" % gen.randint(0, 9999)
        session["pin"] = pin
        return jsonify(sent_to=«v»)
    ''', vuln=False),
    S("helper_token_secrets", '''
        token = make_token()
        session["csrf_nonce"] = token
        return jsonify(user=«v»)
    ''', module='''
def make_token(length=24):
    return "".join(secrets.choice(string.hexdigits) for _ in range(length))
''', vuln=False),
]

# ------------------------------------------------------------------------------ xpathi
LXML = ["from lxml import etree"]
XML_DOC = '''
USERS_XML = b"""<users>
  <user id="1" name="alice" role="admin" email="alice@example.org"/>
  <user id="2" name="bob" role="staff" email="bob@example.org"/>
</users>"""
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
ROOT = etree.fromstring(USERS_XML, PARSER)
'''
SINKS["xpathi"] = [
    S("xpath_concat", '''
        nodes = ROOT.xpath("//user[@name='" + «v» + "']")
        return jsonify(found=len(nodes))
    ''', imports=LXML, module=XML_DOC, vuln=True),
    S("xpath_compiled_fstring", '''
        finder = etree.XPath(f"//user[@role='{«v»}']/@name")
        return jsonify(names=[str(n) for n in finder(ROOT)])
    ''', imports=LXML, module=XML_DOC, vuln=True),
    S("tree_xpath_numeric", '''
        tree = etree.ElementTree(ROOT)
        nodes = tree.xpath("//user[@id=%s]" % «v»)
        return jsonify(found=len(nodes))
    ''', imports=LXML, module=XML_DOC, vuln=True),
    S("xpath_whole_expression", '''
        result = ROOT.xpath(«v»)
        return jsonify(result=str(result))
    ''', imports=LXML, module=XML_DOC, vuln=True),
    S("evaluator_format", '''
        evaluator = etree.XPathEvaluator(ROOT)
        nodes = evaluator("//user[@name='{}']/@email".format(«v»))
        return jsonify(emails=[str(n) for n in nodes])
    ''', imports=LXML, module=XML_DOC, vuln=True),
    S("html_escape_numeric_wrong", '''
        nodes = ROOT.xpath("//user[@id=" + html.escape(«v») + "]")
        return jsonify(found=len(nodes))
    ''', imports=LXML, module=XML_DOC, vuln=True),
    S("contains_percent", '''
        query = "//user[contains(@name, '%s')]" % «v»
        return jsonify(found=len(ROOT.xpath(query)))
    ''', imports=LXML, module=XML_DOC, vuln=True),
    S("double_quoted", '''
        emails = ROOT.xpath('//user[@name="' + «v» + '"]/@email')
        return jsonify(emails=[str(e) for e in emails])
    ''', imports=LXML, module=XML_DOC, vuln=True),
    S("element_evaluator", '''
        evaluator = etree.XPathElementEvaluator(ROOT)
        nodes = evaluator(f"user[@email='{«v»}']")
        return jsonify(found=len(nodes))
    ''', imports=LXML, module=XML_DOC, vuln=True),
    S("count_query", '''
        doc = etree.fromstring(USERS_XML, PARSER)
        count = doc.xpath("count(//user[@role='" + «v» + "'])")
        return jsonify(count=count)
    ''', imports=LXML, module=XML_DOC, vuln=True),
    # safe
    S("xpath_variable", '''
        nodes = ROOT.xpath("//user[@name=$name]", name=«v»)
        return jsonify(found=len(nodes))
    ''', imports=LXML, module=XML_DOC, vuln=False),
    S("compiled_variable", '''
        finder = etree.XPath("//user[@role=$role]/@name")
        return jsonify(names=[str(n) for n in finder(ROOT, role=«v»)])
    ''', imports=LXML, module=XML_DOC, vuln=False),
    S("int_id", '''
        nodes = ROOT.xpath(f"//user[@id={int(«v»)}]")
        return jsonify(found=len(nodes))
    ''', imports=LXML, module=XML_DOC, vuln=False),
    S("allow_list", '''
        if «v» not in ("admin", "staff"):
            abort(400)
        return jsonify(found=len(ROOT.xpath("//user[@role='" + «v» + "']")))
    ''', imports=LXML, module=XML_DOC, vuln=False),
    S("regex_guard", '''
        if not re.fullmatch(r"[A-Za-z0-9_]{1,32}", «v»):
            abort(400)
        return jsonify(found=len(ROOT.xpath("//user[@name='%s']" % «v»)))
    ''', imports=LXML, module=XML_DOC, vuln=False),
    S("corpuslib_xpath_word", '''
        nodes = ROOT.xpath("//user[@name='" + xpath_word(«v») + "']")
        return jsonify(found=len(nodes))
    ''', imports=LXML + ["from corpuslib.sanitize import xpath_word"], module=XML_DOC, vuln=False),
    S("evaluator_variable", '''
        evaluator = etree.XPathEvaluator(ROOT)
        nodes = evaluator("//user[@name=$n]/@email", n=«v»)
        return jsonify(emails=[str(n) for n in nodes])
    ''', imports=LXML, module=XML_DOC, vuln=False),
    S("python_filter", '''
        matches = [u.get("email") for u in ROOT.iter("user") if u.get("name") == «v»]
        return jsonify(emails=matches)
    ''', imports=LXML, module=XML_DOC, vuln=False),
    S("role_map", '''
        role = ROLES.get(«v», "staff")
        return jsonify(found=len(ROOT.xpath(f"//user[@role='{role}']")))
    ''', imports=LXML, module=XML_DOC + 'ROLES = {"administrators": "admin", "employees": "staff"}\n', vuln=False),
]

# ------------------------------------------------------------------------------ xss
SINKS["xss"] = [
    S("fstring_return", 'return f"<p>Hello {«v»}</p>"', vuln=True),
    S("concat_return", 'return "<h1>" + «v» + "</h1>"', vuln=True),
    S("make_response", 'return make_response(«v»)', vuln=True),
    S("response_percent", 'return Response("<div>%s</div>" % «v»)', vuln=True),
    S("markup_format_outside", 'return Markup("<b>{}</b>".format(«v»))', imports=["from markupsafe import Markup"], vuln=True),
    S("template_string_safe_filter", 'return render_template_string("<p>{{ msg|safe }}</p>", msg=«v»)', vuln=True),
    S("template_string_autoescape_off", '''
        page = "{% autoescape false %}<p>{{ msg }}</p>{% endautoescape %}"
        return render_template_string(page, msg=«v»)
    ''', vuln=True),
    S("template_markup", 'return render_template("profile.html", bio=Markup(«v»))',
      imports=["from markupsafe import Markup"], vuln=True, template=True),
    S("list_items", '''
        items = "".join(f"<li>{part}</li>" for part in «v».split(","))
        return "<ul>" + items + "</ul>"
    ''', vuln=True),
    S("explicit_html_type", '''
        resp = make_response("<html><body>" + «v» + "</body></html>")
        resp.headers["Content-Type"] = "text/html; charset=utf-8"
        return resp
    ''', vuln=True),
    S("shlex_quote_wrong", 'return "<span>" + shlex.quote(«v») + "</span>"', vuln=True),
    S("script_strip", 'return "<div>" + «v».replace("<script>", "").replace("</script>", "") + "</div>"', vuln=True),
    S("corpuslib_strip_script", 'return "<section>%s</section>" % strip_script_tags(«v»)',
      imports=["from corpuslib.sanitize import strip_script_tags"], vuln=True),
    S("bare_return", 'return «v»', vuln=True),
    S("href_format", 'return "<a href=\'{}\'>continue</a>".format(«v»)', vuln=True),
    S("escape_no_quote_attr", 'return \'<input name="q" value="\' + html.escape(«v», quote=False) + \'">\'', vuln=True),
    S("response_mimetype_html", 'return Response(«v», mimetype="text/html")', vuln=True),
    S("set_data", '''
        resp = make_response()
        resp.set_data("<pre>" + «v» + "</pre>")
        return resp
    ''', vuln=True),
    S("tuple_status", 'return "<p>Not found: " + «v» + "</p>", 404', vuln=True),
    # safe
    S("markupsafe_escape", 'return f"<p>Hello {escape(«v»)}</p>"', imports=["from markupsafe import escape"], vuln=False),
    S("html_escape", 'return "<h1>" + html.escape(«v») + "</h1>"', vuln=False),
    S("jsonify", 'return jsonify(message=«v»)', vuln=False),
    S("render_template", 'return render_template("greeting.html", name=«v»)', vuln=False, template=True),
    S("text_plain", 'return Response(«v», mimetype="text/plain")', vuln=False),
    S("template_string_autoescaped", 'return render_template_string("<p>{{ msg }}</p>", msg=«v»)', vuln=False),
    S("markup_percent", 'return Markup("<b>%s</b>") % «v»', imports=["from markupsafe import Markup"], vuln=False),
    S("markup_format_method", 'return Markup("<b>{}</b>").format(«v»)', imports=["from markupsafe import Markup"], vuln=False),
    S("int_page", 'return f"<p>Page {int(«v»)}</p>"', vuln=False),
    S("mimetype_plain_attr", '''
        resp = make_response(«v»)
        resp.mimetype = "text/plain"
        return resp
    ''', vuln=False),
    S("corpuslib_html_text", 'return "<div>" + html_text(«v») + "</div>"', imports=["from corpuslib.sanitize import html_text"], vuln=False),
    S("json_dumps", 'return Response(json.dumps({"value": «v»}), mimetype="application/json")', vuln=False),
    S("template_list", 'return render_template("list.html", items=«v».split(","))', vuln=False, template=True),
    S("html_escape_quote_attr", 'return \'<input name="q" value="\' + html.escape(«v», quote=True) + \'">\'', vuln=False),
    S("markup_concat", 'return Markup("<i>") + «v» + Markup("</i>")', imports=["from markupsafe import Markup"], vuln=False),
    S("dict_return", 'return {"echo": «v»}', vuln=False),
    S("quote_href", '''
        return f'<a href="/search?q={quote(«v», safe="")}">search again</a>'
    ''', imports=["from urllib.parse import quote"], vuln=False),
    S("content_type_header", '''
        resp = make_response(«v»)
        resp.headers["Content-Type"] = "text/plain; charset=utf-8"
        return resp
    ''', vuln=False),
    S("escape_in_list", '''
        items = "".join(f"<li>{escape(part)}</li>" for part in «v».split(","))
        return "<ul>" + items + "</ul>"
    ''', imports=["from markupsafe import escape"], vuln=False),
]

# ------------------------------------------------------------------------------ xxe
SINKS["xxe"] = [
    S("lxml_resolve_true", '''
        parser = etree.XMLParser(resolve_entities=True)
        doc = etree.fromstring(«v».encode(), parser)
        return jsonify(tag=doc.tag, text=doc.text)
    ''', imports=LXML, vuln=True),
    S("lxml_default_fromstring", '''
        doc = etree.fromstring(«v»)
        return jsonify(tag=doc.tag, text=doc.text)
    ''', imports=LXML, vuln=True),
    S("lxml_parse_network", '''
        parser = etree.XMLParser(resolve_entities=True, no_network=False)
        tree = etree.parse(io.BytesIO(«v».encode()), parser)
        return jsonify(root=tree.getroot().tag)
    ''', imports=LXML, vuln=True),
    S("sax_external_ges", '''
        handler = xml.sax.handler.ContentHandler()
        parser = xml.sax.make_parser()
        parser.setFeature(xml.sax.handler.feature_external_ges, True)
        parser.setContentHandler(handler)
        parser.parse(io.StringIO(«v»))
        return "parsed"
    ''', vuln=True),
    S("pulldom_external_ges", '''
        parser = xml.sax.make_parser()
        parser.setFeature(feature_external_ges, True)
        events = pulldom.parseString(«v», parser=parser)
        names = [node.tagName for event, node in events if event == pulldom.START_ELEMENT]
        return jsonify(elements=names)
    ''', imports=["from xml.dom import pulldom", "from xml.sax.handler import feature_external_ges"], vuln=True),
    S("lxml_XML_default", '''
        doc = etree.XML(«v».encode("utf-8"))
        return jsonify(children=len(doc))
    ''', imports=LXML, vuln=True),
    S("lxml_parse_default", '''
        tree = etree.parse(io.BytesIO(«v».encode()))
        return jsonify(root=tree.getroot().tag)
    ''', imports=LXML, vuln=True),
    S("lxml_load_dtd", '''
        parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
        doc = etree.fromstring(«v».encode(), parser=parser)
        return Response(etree.tostring(doc), mimetype="application/xml")
    ''', imports=LXML, vuln=True),
    S("pulldom_parse_stream", '''
        parser = xml.sax.make_parser()
        parser.setFeature(xml.sax.handler.feature_external_ges, True)
        stream = pulldom.parse(io.StringIO(«v»), parser=parser)
        for event, node in stream:
            if event == pulldom.START_ELEMENT and node.tagName == "item":
                stream.expandNode(node)
                return jsonify(item=node.toxml())
        return jsonify(item=None)
    ''', imports=["from xml.dom import pulldom"], vuln=True),
    S("lxml_folded_true", '''
        resolve = 10 // 3 == 3
        parser = etree.XMLParser(resolve_entities=resolve)
        doc = etree.fromstring(«v».encode(), parser)
        return jsonify(tag=doc.tag)
    ''', imports=LXML, vuln=True, trap="flag from constant arithmetic"),
    S("sax_handler_class", '''
        handler = TitleCollector()
        parser = xml.sax.make_parser()
        parser.setFeature(xml.sax.handler.feature_external_ges, True)
        parser.setContentHandler(handler)
        parser.feed(«v»)
        parser.close()
        return jsonify(titles=handler.titles)
    ''', module='''
class TitleCollector(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.titles = []

    def startElement(self, name, attrs):
        if name == "title":
            self.titles.append(attrs.get("lang", ""))
''', vuln=True),
    # safe
    S("defused_et", '''
        doc = DefusedET.fromstring(«v»)
        return jsonify(tag=doc.tag, text=doc.text)
    ''', imports=["import defusedxml.ElementTree as DefusedET"], vuln=False),
    S("defused_minidom", '''
        doc = defusedxml.minidom.parseString(«v»)
        return jsonify(root=doc.documentElement.tagName)
    ''', vuln=False),
    S("lxml_hardened", '''
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        doc = etree.fromstring(«v».encode(), parser)
        return jsonify(tag=doc.tag, text=doc.text)
    ''', imports=LXML, vuln=False),
    S("sax_default", '''
        handler = xml.sax.handler.ContentHandler()
        parser = xml.sax.make_parser()
        parser.setContentHandler(handler)
        parser.parse(io.StringIO(«v»))
        return "parsed"
    ''', vuln=False),
    S("sax_ges_false", '''
        parser = xml.sax.make_parser()
        parser.setFeature(feature_external_ges, False)
        events = pulldom.parseString(«v», parser=parser)
        names = [node.tagName for event, node in events if event == pulldom.START_ELEMENT]
        return jsonify(elements=names)
    ''', imports=["from xml.dom import pulldom", "from xml.sax.handler import feature_external_ges"], vuln=False),
    S("constant_doc_resolving", '''
        parser = etree.XMLParser(resolve_entities=True)
        doc = etree.fromstring(TEMPLATE_XML, parser)
        doc.find("name").text = «v»
        return Response(etree.tostring(doc), mimetype="application/xml")
    ''', imports=LXML, module='TEMPLATE_XML = b"<order><name/><status>new</status></order>"', vuln=False,
      trap="resolving parser on a constant document"),
    S("defused_sax", '''
        handler = xml.sax.handler.ContentHandler()
        defusedxml.sax.parseString(«v».encode(), handler)
        return "parsed"
    ''', vuln=False),
    S("lxml_folded_false", '''
        resolve = 10 // 3 == 4
        parser = etree.XMLParser(resolve_entities=resolve, no_network=True)
        doc = etree.fromstring(«v».encode(), parser)
        return jsonify(tag=doc.tag)
    ''', imports=LXML, vuln=False, trap="flag from constant arithmetic"),
    S("lxml_parse_hardened", '''
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        tree = etree.parse(io.BytesIO(«v».encode()), parser)
        return jsonify(root=tree.getroot().tag)
    ''', imports=LXML, vuln=False),
    S("defused_lxml_fromstring_et", '''
        tree = DefusedET.parse(io.StringIO(«v»))
        return jsonify(root=tree.getroot().tag)
    ''', imports=["import defusedxml.ElementTree as DefusedET"], vuln=False),
    S("pulldom_default", '''
        events = pulldom.parseString(«v»)
        names = [node.tagName for event, node in events if event == pulldom.START_ELEMENT]
        return jsonify(elements=names)
    ''', imports=["from xml.dom import pulldom"], vuln=False),
]

# ------------------------------------------------------------------------------ ssti
SINKS["ssti"] = [
    S("rts_direct", 'return render_template_string(«v»)', vuln=True),
    S("rts_concat", 'return render_template_string("<h2>" + «v» + "</h2>")', vuln=True),
    S("jinja_template", 'return jinja2.Template(«v»).render()', vuln=True),
    S("environment_from_string", '''
        env = Environment()
        return env.from_string(«v»).render(user="guest")
    ''', imports=["from jinja2 import Environment"], vuln=True),
    S("rts_fstring", 'return render_template_string(f"Hello {«v»}!")', vuln=True),
    S("app_jinja_env", 'return app.jinja_env.from_string("Dear %s," % «v»).render()', vuln=True),
    S("template_format", '''
        tpl = Template("<p>{}</p>".format(«v»))
        return tpl.render()
    ''', imports=["from jinja2 import Template"], vuln=True),
    S("env_baseloader", '''
        env = Environment(loader=BaseLoader())
        template = env.from_string(«v»)
        return template.render()
    ''', imports=["from jinja2 import BaseLoader, Environment"], vuln=True),
    S("html_escape_wrong", 'return render_template_string("<div>" + html.escape(«v») + "</div>")', vuln=True),
    S("autoescape_env", '''
        env = jinja2.Environment(autoescape=True)
        return env.from_string("<p>" + «v» + "</p>").render()
    ''', vuln=True),
    S("rts_percent_context", '''
        body = "<h1>Report</h1><p>%s</p>" % «v»
        return render_template_string(body, generated="today")
    ''', vuln=True),
    # safe
    S("rts_constant", 'return render_template_string("<h2>{{ title }}</h2>", title=«v»)', vuln=False),
    S("sandboxed", '''
        env = SandboxedEnvironment()
        return env.from_string(«v»).render()
    ''', imports=["from jinja2.sandbox import SandboxedEnvironment"], vuln=False),
    S("template_constant_render", 'return Template("Hello {{ name }}").render(name=«v»)',
      imports=["from jinja2 import Template"], vuln=False),
    S("render_template_file", 'return render_template("greeting.html", name=«v»)', vuln=False, template=True),
    S("jinja_env_constant", '''
        template = app.jinja_env.from_string(GREETING)
        return template.render(name=«v»)
    ''', module='GREETING = "<p>Welcome, {{ name }}</p>"', vuln=False),
    S("template_map", '''
        source = TEMPLATES.get(«v», TEMPLATES["short"])
        return render_template_string(source, name="guest")
    ''', module='TEMPLATES = {"short": "Hi {{ name }}", "long": "Hello and welcome, {{ name }}"}', vuln=False),
    S("string_template", '''
        return string.Template("Hello $name").safe_substitute(name=escape(«v»))
    ''', imports=["from markupsafe import escape"], vuln=False),
    S("immutable_sandbox", '''
        env = ImmutableSandboxedEnvironment(autoescape=True)
        return env.from_string(«v»).render(items=[1, 2, 3])
    ''', imports=["from jinja2.sandbox import ImmutableSandboxedEnvironment"], vuln=False),
    S("rts_context_dict", '''
        context = {"comment": «v», "author": "staff"}
        return render_template_string("<blockquote>{{ comment }}</blockquote><cite>{{ author }}</cite>", **context)
    ''', vuln=False),
]

# ------------------------------------------------------------------------------ ssrf
SINKS["ssrf"] = [
    S("requests_get", '''
        resp = requests.get(«v», timeout=5)
        return jsonify(status=resp.status_code)
    ''', vuln=True),
    S("requests_post", '''
        resp = requests.post(«v», json={"ping": True}, timeout=5)
        return jsonify(status=resp.status_code)
    ''', vuln=True),
    S("httpx_get", '''
        resp = httpx.get(«v», timeout=5.0)
        return Response(resp.text, mimetype="text/plain")
    ''', vuln=True),
    S("urlopen", '''
        with urllib.request.urlopen(«v», timeout=5) as remote:
            body = remote.read(2048)
        return Response(body, mimetype="text/plain")
    ''', vuln=True),
    S("host_part", '''
        resp = requests.get(f"http://{«v»}/health", timeout=3)
        return jsonify(healthy=resp.ok)
    ''', vuln=True),
    S("requests_request", '''
        resp = requests.request("GET", «v», timeout=5)
        return jsonify(length=len(resp.content))
    ''', vuln=True),
    S("session_get", '''
        with requests.Session() as http:
            resp = http.get(«v», timeout=5)
        return jsonify(status=resp.status_code)
    ''', vuln=True),
    S("urlopen_request_obj", '''
        req = Request(«v», headers={"User-Agent": "preview-bot"})
        with urlopen(req, timeout=5) as remote:
            title = remote.read(512)
        return Response(title, mimetype="text/plain")
    ''', imports=["from urllib.request import Request, urlopen"], vuln=True),
    S("httpx_client", '''
        with httpx.Client(timeout=5.0) as client:
            resp = client.get(«v»)
        return jsonify(status=resp.status_code)
    ''', vuln=True),
    S("scheme_host_concat", '''
        resp = requests.get("https://" + «v» + "/api/v1/status", timeout=5)
        return jsonify(status=resp.status_code)
    ''', vuln=True),
    S("naive_prefix", '''
        if not «v».startswith("https://api.example.com"):
            abort(400)
        resp = requests.get(«v», timeout=5)
        return jsonify(status=resp.status_code)
    ''', vuln=True),
    S("urllib3_pool", '''
        http = urllib3.PoolManager()
        resp = http.request("GET", «v», timeout=5.0)
        return jsonify(status=resp.status)
    ''', vuln=True),
    S("requests_head", '''
        resp = requests.head(«v», allow_redirects=False, timeout=5)
        return jsonify(status=resp.status_code)
    ''', vuln=True),
    # safe
    S("host_map", '''
        base = HOSTS.get(«v», HOSTS["eu"])
        resp = requests.get(base + "/status", timeout=5)
        return jsonify(status=resp.status_code)
    ''', module='HOSTS = {"eu": "https://eu.api.example.com", "us": "https://us.api.example.com"}', vuln=False),
    S("int_path", '''
        resp = requests.get(f"https://api.example.com/items/{int(«v»)}", timeout=5)
        return jsonify(resp.json())
    ''', vuln=False),
    S("params_kw", '''
        resp = requests.get("https://api.example.com/search", params={"q": «v»}, timeout=5)
        return jsonify(resp.json())
    ''', vuln=False),
    S("hostname_allow_list", '''
        parsed = urlparse(«v»)
        if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
            abort(400)
        resp = requests.get(«v», timeout=5)
        return jsonify(status=resp.status_code)
    ''', imports=["from urllib.parse import urlparse"], module='ALLOWED_HOSTS = {"api.example.com", "cdn.example.com"}', vuln=False),
    S("exact_url_allow_list", '''
        if «v» not in FEEDS:
            abort(404)
        with urllib.request.urlopen(«v», timeout=5) as remote:
            return Response(remote.read(), mimetype="application/rss+xml")
    ''', module='FEEDS = ("https://blog.example.com/feed.xml", "https://news.example.com/rss")', vuln=False),
    S("constant_webhook", '''
        resp = requests.post(WEBHOOK_URL, json={"text": «v»}, timeout=5)
        return jsonify(status=resp.status_code)
    ''', module='WEBHOOK_URL = "https://hooks.example.com/services/notify"', vuln=False),
    S("uuid_path", '''
        order_id = uuid.UUID(«v»)
        resp = httpx.get(f"https://orders.example.com/v2/orders/{order_id}", timeout=5.0)
        return jsonify(resp.json())
    ''', vuln=False),
    S("quoted_path_segment", '''
        resp = requests.get("https://api.example.com/users/" + quote(«v», safe=""), timeout=5)
        return jsonify(status=resp.status_code)
    ''', imports=["from urllib.parse import quote"], vuln=False),
    S("httpx_params", '''
        with httpx.Client(base_url="https://api.example.com", timeout=5.0) as client:
            resp = client.get("/lookup", params={"name": «v»})
        return jsonify(status=resp.status_code)
    ''', vuln=False),
    S("region_match", '''
        match «v»:
            case "eu":
                endpoint = "https://eu.api.example.com/ping"
            case "us":
                endpoint = "https://us.api.example.com/ping"
            case _:
                abort(400)
        return jsonify(status=requests.get(endpoint, timeout=5).status_code)
    ''', vuln=False),
]
