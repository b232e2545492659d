//! The probe's checks (CATALOG section D): their entries in the code registry, with the
//! static rules each confirms on the running app.

use flaskguard_report::registry::{Entry, Status};
use flaskguard_report::{Confidence, Severity};

/// One entry: code, name, usual severity (a probe may report lower or higher with a
/// reason), CWE, OWASP category, summary, remediation, the static rules it confirms.
macro_rules! probe {
    ($code:literal, $name:literal, $sev:ident, [$($cwe:literal),*], $owasp:literal, $summary:literal, $fix:literal, [$($c:literal),*]) => {
        Entry {
            code: $code,
            name: $name,
            summary: $summary,
            severity: Severity::$sev,
            confidence: Confidence::High,
            cwe: &[$($cwe),*],
            owasp: $owasp,
            remediation: $fix,
            docs: "",
            since: "0.1.0",
            status: Status::Stable,
            confirms: &[$($c),*],
        }
    };
}

/// Every probe check. Codes are never reused: a retired check stays, `Removed`.
pub static PROBES: &[Entry] = &[
    probe!(
        "FG601",
        "werkzeug-debugger-exposed",
        High,
        [489],
        "A05",
        "The Werkzeug debugger answers: tracebacks with an interactive console",
        "Never run with debug on outside development: remove `debug=True`/`FLASK_DEBUG=1` and `DebuggedApplication` from the deployment.",
        ["FG201", "FG202", "FG203"]
    ),
    probe!(
        "FG603",
        "error-details-exposed",
        Medium,
        [209],
        "A04",
        "Error responses show Python tracebacks or exception text",
        "Register generic error handlers (`@app.errorhandler(500)`) and log the details server-side.",
        []
    ),
    probe!(
        "FG604",
        "development-server",
        Medium,
        [1188],
        "A05",
        "The app is served by the Werkzeug development server",
        "Serve the app with a production WSGI server (gunicorn, waitress, uWSGI) behind a reverse proxy.",
        ["FG221"]
    ),
    probe!(
        "FG605",
        "session-secret-cracked",
        Critical,
        [521, 330],
        "A02",
        "The session cookie is signed with a guessable SECRET_KEY: sessions can be forged",
        "Set SECRET_KEY from a secret store to `secrets.token_hex(32)` or longer, never a placeholder; rotate it now (old sessions become invalid).",
        ["FG204", "FG205"]
    ),
    probe!(
        "FG606",
        "sensitive-data-in-session-cookie",
        Medium,
        [315],
        "A04",
        "The client-side session cookie carries sensitive data anyone can read",
        "Keep only an opaque identifier in the session, or use server-side sessions (Flask-Session); Flask's cookie is signed, not encrypted.",
        []
    ),
    probe!(
        "FG609",
        "cookie-without-flags",
        Medium,
        [614, 1004, 1275],
        "A05",
        "Cookies are set without Secure, HttpOnly or SameSite",
        "Set `SESSION_COOKIE_SECURE`, `SESSION_COOKIE_HTTPONLY`, `SESSION_COOKIE_SAMESITE` and pass `secure=True, httponly=True, samesite=\"Lax\"` to `set_cookie`.",
        ["FG209", "FG210", "FG211", "FG214", "FG253", "FG258"]
    ),
    probe!(
        "FG612",
        "authentication-not-enforced",
        High,
        [287],
        "A07",
        "A protected endpoint accepts made-up credentials",
        "Make the verify callback check the credentials (e.g. `check_password_hash`) and return None/False when they do not match.",
        ["FG246"]
    ),
    probe!(
        "FG614",
        "missing-security-headers",
        Medium,
        [693],
        "A05",
        "HTML responses lack security headers (CSP, framing, nosniff, Referrer-Policy, HSTS)",
        "Use Flask-Talisman, or set the headers in an `after_request` hook.",
        ["FG241", "FG244"]
    ),
    probe!(
        "FG615",
        "weak-content-security-policy",
        Medium,
        [693],
        "A05",
        "The Content-Security-Policy does not stop script injection",
        "Use a strict policy: no 'unsafe-inline'/'unsafe-eval' or wildcards in script-src, `object-src 'none'`, `base-uri 'none'`; nonces for inline scripts.",
        ["FG243"]
    ),
    probe!(
        "FG616",
        "cors-reflects-origin",
        High,
        [942],
        "A05",
        "CORS allows any origin (or `null`) to read responses with credentials",
        "List the allowed origins explicitly (Flask-CORS `origins=[...]`); never reflect the Origin header with credentials.",
        ["FG239", "FG240"]
    ),
    probe!(
        "FG617",
        "no-https",
        Medium,
        [319],
        "A02",
        "The app is reachable over plain HTTP without a redirect to HTTPS",
        "Redirect HTTP to HTTPS (Talisman `force_https`, or the proxy) and send HSTS.",
        ["FG242"]
    ),
    probe!(
        "FG618",
        "cross-site-scripting",
        High,
        [79],
        "A03",
        "Request data is echoed into HTML without escaping, or written at the start of a link where a `javascript:` URL runs",
        "Render with templates (autoescaping) and never mark request data safe; escape with `markupsafe.escape`. Escaping does not stop a `javascript:` URL in `href` or `src`: accept only `http(s)` URLs or local paths there.",
        ["FG110", "FG224", "FG225", "FG226", "FG227"]
    ),
    probe!(
        "FG619",
        "server-side-template-injection",
        Critical,
        [1336],
        "A03",
        "Request data is evaluated as a Jinja2 template",
        "Never build template source from request data: pass values as variables to a constant template.",
        ["FG109"]
    ),
    probe!(
        "FG620",
        "sql-injection",
        Critical,
        [89],
        "A03",
        "Request data changes the SQL the app runs",
        "Use parameterised queries (`execute(sql, params)`) or the ORM's query builder.",
        ["FG101"]
    ),
    probe!(
        "FG621",
        "command-injection",
        Critical,
        [78],
        "A03",
        "Request data reaches a shell command",
        "Pass an argument list without `shell=True`, and validate the input against an allow-list.",
        ["FG106"]
    ),
    probe!(
        "FG622",
        "code-injection",
        Critical,
        [95],
        "A03",
        "Request data is evaluated as Python code",
        "Never `eval`/`exec` request data; parse the input instead (`ast.literal_eval`, a real parser).",
        ["FG108"]
    ),
    probe!(
        "FG623",
        "path-traversal",
        High,
        [22],
        "A01",
        "Request data names files outside the intended folder",
        "Use `send_from_directory`/`safe_join` and `secure_filename`; never join request data into paths.",
        ["FG115"]
    ),
    probe!(
        "FG624",
        "open-redirect",
        Medium,
        [601],
        "A01",
        "The app redirects to any site named in the request",
        "Redirect only to relative paths or an allow-list of hosts (`urlparse(target).netloc == \"\"`).",
        ["FG122"]
    ),
    probe!(
        "FG625",
        "server-side-request-forgery",
        High,
        [918],
        "A10",
        "The app fetches URLs named in the request",
        "Fetch only allow-listed hosts; resolve and block private addresses.",
        ["FG123"]
    ),
    probe!(
        "FG626",
        "xml-external-entities",
        High,
        [611],
        "A05",
        "The XML parser resolves external entities from the request",
        "Parse with `defusedxml`, or lxml with `resolve_entities=False, no_network=True`.",
        ["FG127"]
    ),
    probe!(
        "FG628",
        "csrf-not-enforced",
        Medium,
        [352],
        "A01",
        "A state-changing form is accepted without a CSRF token",
        "Enable `CSRFProtect(app)` (Flask-WTF) and put `{{ csrf_token() }}` in every form.",
        ["FG232", "FG233", "FG234", "FG235", "FG236", "FG237"]
    ),
    probe!(
        "FG630",
        "request-size-unlimited",
        Medium,
        [400, 770],
        "A04",
        "Oversized request bodies are accepted",
        "Set `MAX_CONTENT_LENGTH` (e.g. 1–16 MiB) and limit JSON sizes.",
        ["FG215"]
    ),
    probe!(
        "FG632",
        "login-not-rate-limited",
        Medium,
        [307],
        "A07",
        "The login accepts unlimited attempts",
        "Rate-limit the login (Flask-Limiter `@limiter.limit(\"5 per minute\")`) and lock out after repeated failures.",
        ["FG265"]
    ),
    probe!(
        "FG633",
        "rate-limit-bypass",
        Medium,
        [348],
        "A04",
        "The rate limit is reset by a spoofed X-Forwarded-For",
        "Key the limit on the real client address: use `ProxyFix` with the exact number of proxies, never raw `X-Forwarded-For`.",
        ["FG266"]
    ),
    probe!(
        "FG637",
        "cacheable-authenticated-response",
        Medium,
        [524],
        "A04",
        "Authenticated responses may be stored by shared caches",
        "Send `Cache-Control: private, no-store` and `Vary: Cookie` on authenticated views.",
        []
    ),
    probe!(
        "FG638",
        "exposed-file",
        High,
        [538],
        "A05",
        "Project files (.env, .git, backups, config) are served",
        "Serve only a dedicated static folder; block dot-files and backups at the proxy.",
        []
    ),
    probe!(
        "FG610",
        "jwt-forgeable",
        Critical,
        [347, 327],
        "A02",
        "The app's JWTs can be forged: a guessable HMAC key, `alg: none`, or no signature check",
        "Sign with a random key of 32+ bytes (or an asymmetric key), pin the algorithms when decoding (`algorithms=[\"HS256\"]`), never decode with `verify_signature=False`.",
        ["FG257", "FG260", "FG261"]
    ),
    probe!(
        "FG611",
        "jwt-expiry-ignored",
        High,
        [613],
        "A07",
        "Expired JWTs are still accepted",
        "Verify `exp` (and `nbf`) when decoding; keep access tokens short-lived and revocable.",
        ["FG261"]
    ),
    probe!(
        "FG607",
        "session-valid-after-logout",
        Medium,
        [613],
        "A07",
        "A session cookie stays valid after logout",
        "Keep sessions server-side (Flask-Session) and delete them at logout, or store a per-user session version in the cookie and check it on every request.",
        []
    ),
    probe!(
        "FG629",
        "unrestricted-upload",
        High,
        [434],
        "A04",
        "Uploaded files are served inline with the type the uploader chose",
        "Allow-list extensions and check the content, store under generated names outside the static folder, and serve with `as_attachment=True` and a fixed safe mimetype.",
        []
    ),
    probe!(
        "FG643",
        "insecure-deserialization",
        Critical,
        [502],
        "A08",
        "Request data is deserialized into Python objects (pickle, unsafe YAML)",
        "Accept JSON (validated with a schema) or `yaml.safe_load`; never unpickle data a client can send.",
        ["FG125", "FG126"]
    ),
    probe!(
        "FG635",
        "username-enumeration",
        Medium,
        [204],
        "A07",
        "The login reveals which accounts exist",
        "Answer every failed login the same way (same status, same text, similar timing).",
        []
    ),
    probe!(
        "FG627",
        "header-injection",
        Medium,
        [113],
        "A03",
        "CR/LF in request data splits the app's response headers",
        "Reject CR and LF in values copied into headers (current Werkzeug refuses them; older stacks do not).",
        []
    ),
    probe!(
        "FG639",
        "unexpected-http-method",
        Low,
        [749],
        "A05",
        "The server accepts HTTP methods it should not (TRACE)",
        "Disable TRACE at the server or proxy; declare only the methods each route needs (`methods=[...]`).",
        []
    ),
    probe!(
        "FG602",
        "debug-toolbar-exposed",
        High,
        [489],
        "A05",
        "Flask-DebugToolbar is rendered for every visitor",
        "Enable Flask-DebugToolbar only in development (`DEBUG_TB_ENABLED = False` in production, or do not install it there).",
        []
    ),
    probe!(
        "FG642",
        "sensitive-data-in-response",
        High,
        [200],
        "A01",
        "Responses expose secrets: private keys, access tokens, password hashes",
        "Never serialize secret fields: select the fields a response needs (a schema), and keep keys out of served files.",
        []
    ),
    probe!(
        "FG641",
        "graphql-introspection",
        Low,
        [200],
        "A05",
        "GraphQL introspection is enabled: the whole API schema is public",
        "Disable introspection in production (e.g. Graphene `validation_rules` / Strawberry `AddValidationRules([NoSchemaIntrospectionCustomRule])`).",
        []
    ),
    probe!(
        "FG634",
        "default-credentials",
        High,
        [521, 1392],
        "A07",
        "The login accepts well-known default credentials",
        "Remove default accounts or force a password change on first login; enforce a password policy.",
        []
    ),
    probe!(
        "FG613",
        "object-access-across-users",
        High,
        [639],
        "A01",
        "One user's objects answer another user's session (IDOR / BOLA)",
        "Check ownership on every object access: scope the query by the current user (`Note.query.filter_by(id=note_id, owner_id=current_user.id).first_or_404()`), or check the owner and `abort(404)`.",
        []
    ),
    probe!(
        "FG636",
        "host-header-injection",
        Medium,
        [644],
        "A05",
        "Absolute URLs are built from the client's Host header",
        "Set `TRUSTED_HOSTS` (Flask 3.1) or `SERVER_NAME`, and apply `ProxyFix` only for the proxies you run.",
        []
    ),
];

pub fn probe_rule(code: &str) -> Option<&'static Entry> {
    PROBES.iter().find(|r| r.code == code)
}
