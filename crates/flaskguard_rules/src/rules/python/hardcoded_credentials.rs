use flaskguard_index::ir::{Expr, ExprKind, ScopeRef};
use flaskguard_index::{ModuleId, Span, Value};
use flaskguard_report::Severity;
use rustc_hash::FxHashSet;

use super::{callee, target_name, words};
use crate::helpers::redact;
use crate::{Context, Reporter, declare_rule};

declare_rule! {
    /// ## What it does
    /// Checks for credentials written in the source:
    /// - string literals assigned to (or passed as keyword arguments, dict keys or
    ///   parameter defaults named) `password`, `passwd`, `pwd`, `secret`, `token`,
    ///   `api_key`, `access_key`, `private_key`, `client_secret`, `auth_token` and the like,
    ///   including the literal fallback of an environment lookup
    ///   (`os.environ.get("DB_PASSWORD", "changeme")`);
    /// - URLs with an embedded password (`postgresql://user:pw@host/db`), in
    ///   `SQLALCHEMY_DATABASE_URI` or anywhere else;
    /// - well-known token formats (Stripe `sk_live_…`, GitHub `ghp_…`, AWS `AKIA…`, Slack
    ///   `xoxb-…`, Google `AIza…`, PEM private keys), whatever they are called.
    ///
    /// `SECRET_KEY` and `JWT_SECRET_KEY` have their own rules (FG204, FG257). Test code
    /// (`tests/`, `test_*.py`) and development or test configuration classes are skipped:
    /// secrets there are fixtures.
    ///
    /// ## Why is this bad?
    /// Everyone who can read the repository — every clone, fork, CI log, backup and
    /// former contributor — has the credential, and it cannot be rotated without a code
    /// change. Leaked keys for payment providers and cloud accounts are found and used by
    /// automated scanners within minutes of a push.
    ///
    /// ## Example
    /// ```python
    /// class Config:
    ///     SQLALCHEMY_DATABASE_URI = "postgresql://admin:s3cr3t@db/notes"
    ///     API_KEY = "sk_live_51Hx9Zq…"
    /// ```
    ///
    /// Use instead:
    /// ```python
    /// class Config:
    ///     SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
    ///     API_KEY = os.environ["PAYMENTS_API_KEY"]
    /// ```
    ///
    /// ## Known problems
    /// Names are matched by their words; values that look like placeholders (`${VAR}`,
    /// `<password>`, `***`), paths, sentences or identifiers are not reported. Under a name
    /// that says "token" or "API key" (not "password" or "secret"), a value must look
    /// issued (at least 12 characters, letters and digits): `api_key="ollama"` fills the
    /// required field of a client for a local service that checks no key. An empty
    /// literal fallback of an environment lookup is reported at low severity.
    ///
    /// ## References
    /// - [OWASP: Use of Hard-coded Password](https://owasp.org/www-community/vulnerabilities/Use_of_hard-coded_password)
    /// - [OWASP: Secrets Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html)
    /// - [Flask-SQLAlchemy: Configuration](https://flask-sqlalchemy.readthedocs.io/en/stable/config/)
    pub(crate) static RULE = {
        code: "FG275",
        name: "hardcoded-credentials",
        summary: "Password, API key or token hard-coded in source",
        severity: High,
        confidence: Medium,
        cwe: [798],
        owasp: "A07",
        remediation: "Load credentials from the environment or a secret manager; rotate any that were committed.",
        since: "0.1.0",
        status: Stable,
        check: check,
    }
}

fn check(ctx: &Context<'_, '_>, out: &mut Reporter) {
    // Values of development and test configuration.
    let skipped: Vec<(ModuleId, Span)> = ctx
        .model
        .config
        .iter()
        .filter(|s| !s.profile.is_deployed())
        .filter_map(|s| Some((s.module?, s.span)))
        .collect();
    out.each_module(ctx.index, |module, out| {
        if ctx.model.is_test_code(module) {
            return;
        }
        let mut scan = Scan {
            ctx,
            reported: FxHashSet::default(),
            skipped: skipped
                .iter()
                .filter(|(m, _)| *m == module)
                .copied()
                .collect(),
            out,
        };
        scan.module(module);
    });
}

impl Scan<'_, '_, '_, '_> {
    /// Assignments, call arguments and parameter defaults of one module.
    fn module(&mut self, module: ModuleId) {
        let index = self.ctx.index;
        for a in index.assigns_in(module) {
            if let Some(name) = target_name(a.target)
                && !(a.scope == ScopeRef::Module
                    && is_credential_name(name)
                    && only_compared(self.ctx, module, name))
            {
                self.named(a.module, a.scope, name, a.value);
            }
            self.literals(a.module, a.scope, a.value);
        }
        for c in index.calls_in(module) {
            let q = callee(c).unwrap_or("");
            if matches!(q, "os.environ.get" | "os.getenv" | "os.environ.setdefault") {
                continue;
            }
            for k in &c.call.keywords {
                if let Some(name) = &k.arg {
                    self.named(c.module, c.scope, name, &k.value);
                }
            }
            // Credentials by position, whatever they are called: `generate_password_hash("admin")`,
            // `jwt.encode(claims, "secret")`.
            let positional = match q {
                "werkzeug.security.generate_password_hash" => {
                    c.call.argument(0, "password").map(|e| ("password", e))
                }
                "werkzeug.security.check_password_hash" => {
                    c.call.argument(1, "password").map(|e| ("password", e))
                }
                "jwt.encode" | "jwt.decode" | "jose.jwt.encode" | "jose.jwt.decode" => {
                    c.call.argument(1, "key").map(|e| ("key", e))
                }
                _ => None,
            };
            if let Some((what, e)) = positional {
                let label = format!("The {what} passed to `{q}`");
                self.credential(c.module, c.scope, what, &label, e);
            }
            for arg in c
                .call
                .args
                .iter()
                .chain(c.call.keywords.iter().map(|k| &k.value))
            {
                self.literals(c.module, c.scope, arg);
            }
        }
        // Parameter defaults: `def connect(password="hunter2")`.
        let m = &index.modules[module.0 as usize];
        for f in &m.functions {
            for p in &f.params {
                if let Some(d) = &p.default {
                    self.named(m.id, f.parent, &p.name, d);
                }
            }
        }
    }
}

struct Scan<'c, 'i, 'a, 'o> {
    ctx: &'c Context<'i, 'a>,
    /// Value spans already reported.
    reported: FxHashSet<(ModuleId, Span)>,
    /// Values of development and test configuration.
    skipped: Vec<(ModuleId, Span)>,
    out: &'o mut Reporter,
}

impl Scan<'_, '_, '_, '_> {
    fn skipped(&self, module: ModuleId, span: Span) -> bool {
        self.skipped
            .iter()
            .any(|(m, s)| *m == module && s.start <= span.start && span.end <= s.end)
    }

    fn report(
        &mut self,
        module: ModuleId,
        span: Span,
        message: String,
        severity: Option<Severity>,
    ) {
        if self.skipped(module, span) || !self.reported.insert((module, span)) {
            return;
        }
        let finding = self.out.at(module, span, message);
        if let Some(s) = severity {
            finding.severity(s);
        }
    }

    /// A value stored under (or passed as) `name`.
    fn named(&mut self, module: ModuleId, scope: ScopeRef, name: &str, value: &Expr) {
        if is_credential_name(name) {
            self.credential(module, scope, name, &format!("`{name}`"), value);
        }
    }

    /// A value that is a credential by its place (`label` says which); `name` is the
    /// name it goes by, to tell labels (`PASSWORD = "password"`) from values.
    fn credential(
        &mut self,
        module: ModuleId,
        scope: ScopeRef,
        name: &str,
        label: &str,
        value: &Expr,
    ) {
        if !has_string_literal(value) {
            return;
        }
        let evaluated = self.ctx.index.eval(module, scope, value);
        let (message, severity) = match &evaluated {
            Value::Str(s) if plausible_secret(name, s) => (
                format!("{label} is hard-coded: {}{}", redact(s), format_note(s)),
                None,
            ),
            Value::Env {
                var,
                default: Some(d),
            } => match d.as_ref() {
                Value::Str(s) if s.is_empty() => (
                    format!("{label} falls back to an empty value when `{var}` is unset"),
                    Some(Severity::Low),
                ),
                Value::Str(s) if plausible_secret(name, s) => (
                    format!(
                        "{label} falls back to the hard-coded value {} when `{var}` is unset",
                        redact(s)
                    ),
                    None,
                ),
                _ => return,
            },
            Value::List(items) => {
                let secrets: Vec<&str> = items
                    .iter()
                    .filter_map(Value::as_str)
                    .filter(|s| plausible_secret(name, s))
                    .collect();
                let Some(first) = secrets.first() else { return };
                (
                    format!(
                        "{label} holds {} hard-coded secret(s), e.g. {}",
                        secrets.len(),
                        redact(first)
                    ),
                    None,
                )
            }
            Value::Dict(items) => {
                // `{"alice": "s3cret"}` holds secrets; `{"title": "Access key", "type":
                // "string"}` describes the credential's field, and an `id` names a record.
                let secrets: Vec<&str> = items
                    .iter()
                    .filter(|(k, _)| !k.as_str().is_some_and(is_field_metadata_key))
                    .filter_map(|(_, v)| v.as_str())
                    .filter(|s| plausible_secret(name, s))
                    .collect();
                let Some(first) = secrets.first() else { return };
                (
                    format!(
                        "{label} holds {} hard-coded secret(s), e.g. {}",
                        secrets.len(),
                        redact(first)
                    ),
                    None,
                )
            }
            _ => return,
        };
        self.report(module, value.span, message, severity);
    }

    /// String literals inside `e`: URLs with a password, well-known token formats, and
    /// dict entries keyed by a credential name.
    fn literals(&mut self, module: ModuleId, scope: ScopeRef, e: &Expr) {
        // Most arguments and values are a name or a number: nothing to look into.
        if matches!(
            e.kind,
            ExprKind::Name(_)
                | ExprKind::Int(_)
                | ExprKind::Float(_)
                | ExprKind::Bool(_)
                | ExprKind::NoneLit
                | ExprKind::Ellipsis
        ) {
            return;
        }
        let mut found: Vec<(Span, String)> = Vec::new();
        let mut dict_entries: Vec<(String, &Expr)> = Vec::new();
        // Outermost first, with an explicit stack (on the stack: this runs on every
        // argument of every call, and most are shallow).
        let mut stack: smallvec::SmallVec<[&Expr; 16]> = smallvec::smallvec![e];
        let mut children: smallvec::SmallVec<[&Expr; 8]> = smallvec::SmallVec::new();
        while let Some(x) = stack.pop() {
            match &x.kind {
                ExprKind::Str(s) => {
                    if let Some((scheme, password)) = url_password(s) {
                        found.push((
                            x.span,
                            format!(
                                "A `{scheme}://` URL embeds the password {}",
                                redact(password)
                            ),
                        ));
                    } else if let Some(kind) = token_format(s) {
                        found.push((
                            x.span,
                            format!("{} is hard-coded: {}", capitalized(kind), redact(s)),
                        ));
                    }
                }
                ExprKind::Dict(items) => {
                    for (k, v) in items {
                        let key = k.as_ref().and_then(Expr::as_str);
                        if let Some(key) = key {
                            dict_entries.push((key.to_string(), v));
                        }
                    }
                    // Documentation (`"connection_examples": [...]`, a schema's
                    // `"example"`): what it shows is no deployed credential.
                    children.clear();
                    for (k, v) in items {
                        if k.as_ref()
                            .and_then(Expr::as_str)
                            .is_some_and(is_documentation_key)
                        {
                            continue;
                        }
                        if let Some(k) = k {
                            children.push(k);
                        }
                        children.push(v);
                    }
                    stack.extend(children.iter().rev().copied());
                    continue;
                }
                // Every call is a call site of its own, whose arguments are read there:
                // here only what it calls (`"postgres://u:p@h/{}".format(db)`).
                ExprKind::Call(call) => {
                    stack.push(&call.func);
                    continue;
                }
                _ => {}
            }
            children.clear();
            x.for_each_child(&mut |c| children.push(c));
            stack.extend(children.iter().rev().copied());
        }
        for (key, v) in dict_entries {
            self.named(module, scope, &key, v);
        }
        for (span, message) in found {
            // A named secret already reported at this literal says it better.
            self.report(module, span, message, None);
        }
    }
}

/// Keys under which a dict keeps documentation: examples and samples of values
/// (`"connection_examples"`, a JSON schema's `"example"`), named by their last word.
fn is_documentation_key(key: &str) -> bool {
    key.rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "example" | "examples" | "sample" | "samples"
            )
        })
}

/// Keys of a dict that describes a field or names a record rather than holding values:
/// what a credential-named dict keeps under them is no secret.
fn is_field_metadata_key(key: &str) -> bool {
    matches!(
        key.to_ascii_lowercase().as_str(),
        "title"
            | "type"
            | "description"
            | "label"
            | "help"
            | "help_text"
            | "format"
            | "placeholder"
            | "widget"
            | "kind"
            | "doc"
            | "example"
            | "category"
            | "id"
            | "uuid"
    )
}

/// A literal somewhere in the value: the secret is written here, not merely propagated.
fn has_string_literal(e: &Expr) -> bool {
    let mut found = false;
    e.walk(&mut |x| found |= matches!(x.kind, ExprKind::Str(_) | ExprKind::Bytes(_)));
    found
}

/// A name for a credential. `SECRET_KEY` and `JWT_SECRET_KEY` have their own rules.
fn is_credential_name(name: &str) -> bool {
    // Every credential word below contains one of the stems pw, pass, secret, token or
    // key: most names are rejected here, before any allocation.
    let bytes = name.as_bytes();
    let at = |i: usize, stem: &[u8]| {
        bytes
            .get(i..i + stem.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(stem))
    };
    // One look at each byte: only a stem's first letter (either case) is compared further.
    let has_stem = (0..bytes.len()).any(|i| match bytes[i] | 0x20 {
        b'p' => at(i, b"pw") || at(i, b"pass"),
        b's' => at(i, b"secret"),
        b't' => at(i, b"token"),
        b'k' => at(i, b"key"),
        _ => false,
    });
    if !has_stem {
        return false;
    }
    let upper = name.to_ascii_uppercase();
    if upper == "SECRET_KEY" || upper.starts_with("SECRET_KEY_") || upper == "JWT_SECRET_KEY" {
        return false;
    }
    let ws: Vec<String> = words(name)
        .into_iter()
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.len() > 2 && !w.ends_with("ss") => stem.to_string(),
            _ => w,
        })
        .collect();
    if ws.iter().any(|w| NOT_A_SECRET.contains(&w.as_str())) {
        return false;
    }
    let single = ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "password"
                | "passwd"
                | "pwd"
                | "pw"
                | "passphrase"
                | "passcode"
                | "secret"
                | "token"
                | "apikey"
                | "accesskey"
                | "privatekey"
                | "secretkey"
                | "clientsecret"
                | "authtoken"
                | "accesstoken"
        )
    });
    let pair = ws.windows(2).any(|p| {
        matches!(
            (p[0].as_str(), p[1].as_str()),
            (
                "api"
                    | "access"
                    | "private"
                    | "secret"
                    | "sso"
                    | "signing"
                    | "encryption"
                    | "hmac"
                    | "auth"
                    | "client"
                    | "master"
                    | "license"
                    | "shared"
                    | "webhook",
                "key"
            )
        )
    });
    single || pair
}

/// Words that make a credential-like name describe something else: `PASSWORD_RESET_URL`,
/// `TOKEN_HEADER`, `JWT_TOKEN_LOCATION`, `password_min_length`.
const NOT_A_SECRET: &[&str] = &[
    "url",
    "uri",
    "path",
    "file",
    "filename",
    "dir",
    "endpoint",
    "route",
    "view",
    "template",
    "field",
    "name",
    "label",
    "message",
    "msg",
    "prompt",
    "placeholder",
    "hint",
    "help",
    "text",
    "title",
    "description",
    "length",
    "len",
    "min",
    "max",
    "minimum",
    "maximum",
    "pattern",
    "regex",
    "format",
    "fmt",
    "type",
    "header",
    "param",
    "parameter",
    "prefix",
    "suffix",
    "location",
    "expire",
    "expires",
    "expiry",
    "ttl",
    "lifetime",
    "timeout",
    "age",
    "algorithm",
    "alg",
    "alphabet",
    "char",
    "charset",
    "character",
    "policy",
    "rule",
    "validator",
    "error",
    "attr",
    "attribute",
    "column",
    "table",
    "id",
    "kind",
    "mode",
    "scheme",
    "method",
    "version",
    "count",
    "size",
    "byte",
    "bit",
    "entropy",
    "round",
    "iteration",
    "enabled",
    "required",
    "env",
    "var",
    "variable",
    "query",
    "sql",
    "class",
    "backend",
    "provider",
    "strategy",
    "store",
    "storage",
    "cache",
    "public",
    "hash",
    "hashing",
    "form",
    "input",
    "widget",
];

/// Whether a literal stored under `name` can be a real secret (not a placeholder, path,
/// sentence, field name or environment variable name).
fn plausible_secret(name: &str, s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return false;
    }
    if t.starts_with("${")
        || t.starts_with("{{")
        || t.starts_with("%(")
        || (t.starts_with('<') && t.ends_with('>'))
    {
        return false;
    }
    if t.chars().all(|c| "*xX.-_?#".contains(c)) {
        return false;
    }
    if ["/", "./", "../", "~/", "http://", "https://"]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return false;
    }
    // Public keys and certificates are not secrets.
    if [
        "-----BEGIN PUBLIC KEY",
        "-----BEGIN RSA PUBLIC KEY",
        "-----BEGIN CERTIFICATE",
        "ssh-",
    ]
    .iter()
    .any(|p| t.starts_with(p))
    {
        return false;
    }
    if t.split_whitespace().count() >= 4 {
        return false;
    }
    // `DB_PASSWORD_ENV = "DB_PASSWORD"`: an environment variable name.
    if t.contains('_')
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        return false;
    }
    // Sentences and messages: `REASON_CSRF_TOKEN_MISSING = "CSRF token missing."`.
    if t.contains(' ') && t.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    // Labels and descriptions of a credential field: `"password": "Database password"`,
    // `"api_key": "Arc API key"`, `"OAuth2 Client Secret"`. Words with a space between them
    // that name the credential describe it; a secret does not spell out what it is.
    if t.contains(char::is_whitespace)
        && t.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "password" | "passwd" | "passphrase" | "secret" | "key" | "token" | "api"
            )
        })
    {
        return false;
    }
    // Algorithm names: `GUEST_TOKEN_JWT_ALGO = "HS256"`, `PASSWORD_HASH = "bcrypt"`.
    let lower = t.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "hs256"
            | "hs384"
            | "hs512"
            | "rs256"
            | "rs384"
            | "rs512"
            | "es256"
            | "es384"
            | "es512"
            | "ps256"
            | "ps384"
            | "ps512"
            | "eddsa"
            | "none"
            | "md5"
            | "sha1"
            | "sha256"
            | "sha384"
            | "sha512"
            | "bcrypt"
            | "argon2"
            | "scrypt"
            | "pbkdf2"
            | "pbkdf2:sha256"
            | "plaintext"
            // Flags: `allow_save_password = "true"`.
            | "true"
            | "false"
            | "yes"
            | "no"
            | "on"
            | "off"
            | "null"
            | "enabled"
            | "disabled"
            // Values that say they stand in for a key no one checks: `api_key="unused"`.
            | "unused"
            | "not-used"
            | "not_used"
            | "notused"
            | "not-needed"
            | "not_needed"
            | "dummy"
            | "placeholder"
            | "fake"
            | "none-required"
            | "no-key"
            | "nokey"
    ) {
        return false;
    }
    // A key or field name: `API_SECURITY_REFRESH_TOKEN_KEY = "refresh_token"`,
    // `INTERNAL_RESET_SESSION_TOKEN = "_password_reset_token"`, `RESOURCE_PASSWORD =
    // "Passwords"` — one snake_case word that names a credential (a hyphenated phrase such
    // as "my-jwt-signing-secret" is a value).
    if t.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
        && ["password", "passwd", "secret", "token", "apikey", "api_key"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return false;
    }
    // `token` in parsers and printers is a lexical token (`inc_token = "{"`, `token =
    // "not"`), and an API key that is a word stands in for one a local service never
    // checks (`api_key="ollama"`, `api_key="gateway-auth"`): under a name that says
    // "token" or "API key" (not "password" or "secret"), a value must look issued (long,
    // with letters and digits) to count.
    let lname = name.to_ascii_lowercase();
    if ["token", "apikey", "api_key"]
        .iter()
        .any(|w| lname.contains(w))
        && !["password", "passwd", "secret"]
            .iter()
            .any(|w| lname.contains(w))
        && !(t.len() >= 12
            && !t.contains(char::is_whitespace)
            && t.chars().any(|c| c.is_ascii_digit())
            && t.chars().any(|c| c.is_ascii_alphabetic()))
    {
        return false;
    }
    // `mask_secrets = "airflow.utils.log.secrets_masker.mask_secret"`: an import path.
    let segments: Vec<&str> = t.split('.').collect();
    if segments.len() >= 3
        && segments.iter().all(|seg| {
            seg.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && seg.chars().filter(char::is_ascii_digit).count() * 2 < seg.len()
        })
    {
        return false;
    }
    // `RESOURCE_MY_PASSWORD = "My Password"`: a Title Case label.
    let words: Vec<&str> = t.split(' ').collect();
    if words.len() >= 2
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(|c| c.is_ascii_uppercase())
                && w.len() >= 2
                && cs.all(|c| c.is_ascii_lowercase())
        })
    {
        return false;
    }
    // `PASSWORD = "password"`, `field = "token"`: a label or key, not a value.
    let norm = |x: &str| x.to_ascii_lowercase().replace(['_', '-', ' '], "");
    if norm(t) == norm(name)
        || [
            "password",
            "passwd",
            "pwd",
            "secret",
            "token",
            "apikey",
            "accesstoken",
        ]
        .contains(&norm(t).as_str())
    {
        return false;
    }
    true
}

/// `a GitHub token` → `A GitHub token`.
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A note naming a well-known token format in a named secret.
fn format_note(s: &str) -> String {
    token_format(s).map_or(String::new(), |k| format!(" ({k})"))
}

/// `postgresql://user:password@host/db` → (`postgresql`, `password`).
fn url_password(s: &str) -> Option<(&str, &str)> {
    // Runs on every string literal: the cheapest tests first.
    if !s.contains('@') {
        return None;
    }
    let (scheme, rest) = s.split_once("://")?;
    if s.chars().any(char::is_whitespace) {
        return None;
    }
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let (userinfo, host) = authority.rsplit_once('@')?;
    let (_, password) = userinfo.split_once(':')?;
    if host.is_empty() || password.is_empty() {
        return None;
    }
    let placeholder = password.starts_with('$')
        || password.starts_with('{')
        || password.starts_with('%')
        || password.starts_with('<')
        || password.chars().all(|c| "*xX.".contains(c))
        // `postgresql://user:password@host:port/db`: documentation of the URL's shape.
        || matches!(
            password.to_ascii_lowercase().as_str(),
            "password" | "pass" | "passwd" | "pwd" | "secret" | "mypassword" | "your_password"
        );
    if placeholder {
        return None;
    }
    Some((scheme, password))
}

/// The kind of a well-known credential format (`a GitHub token`), if `s` is one: the
/// formats are `flaskguard_report::known`'s, which the probe reads too.
fn token_format(s: &str) -> Option<&'static str> {
    let t = s.trim();
    if flaskguard_report::known::is_private_key_header(t) {
        return Some("a private key");
    }
    let (format, len) = flaskguard_report::known::token_at(t)?;
    (len == t.len()).then_some(format.what)
}

/// Whether a module constant is only ever used to turn a value away (`if password ==
/// LEGACY_DEFAULT_PASSWORD: raise …`, or `abort(…)`: a deny-list entry): read nowhere else in its module
/// and imported by no other module, it authenticates nothing. Compared to let a request in
/// (`return password == ADMIN_PASSWORD`), it is the credential.
fn only_compared(ctx: &Context<'_, '_>, module: ModuleId, name: &str) -> bool {
    use flaskguard_index::ir::{StmtKind, walk_body_exprs, walk_stmts};
    let m = ctx.index.module(module);
    let mentions = |e: &Expr| {
        let mut n = 0usize;
        e.walk(&mut |x| n += usize::from(x.as_name() == Some(name)));
        n
    };
    let (mut uses, mut refusing) = (0usize, 0usize);
    let bodies = std::iter::once(&m.body[..])
        .chain(m.functions.iter().map(|f| &f.body[..]))
        .chain(m.classes.iter().map(|c| &c.body[..]));
    for body in bodies {
        walk_body_exprs(body, &mut |e| {
            uses += usize::from(e.as_name() == Some(name));
        });
        walk_stmts(body, &mut |st| match &st.kind {
            // `if value == CONSTANT: raise …`
            StmtKind::If { test, body, .. }
                if matches!(test.kind, ExprKind::Compare(_))
                    && crate::helpers::ends_in_raise_or_abort(ctx.index, module, body) =>
            {
                refusing += mentions(test);
            }
            StmtKind::Assign { targets, .. } => {
                refusing += targets.iter().map(mentions).sum::<usize>();
            }
            _ => {}
        });
    }
    // Besides its assignment, only tests that refuse.
    if uses == 0 || uses != refusing || refusing < 2 {
        return false;
    }
    let qual = [m.name.as_str(), ".", name].concat();
    !ctx.index.semantic.iter().any(|sem| {
        sem.scopes.values().any(|scope| {
            scope
                .bindings
                .values()
                .flatten()
                .any(|b| matches!(b, flaskguard_index::semantic::Binding::Import(q) if *q == qual))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{is_credential_name, plausible_secret, token_format, url_password};

    #[test]
    fn names() {
        for n in [
            "password",
            "DB_PASSWORD",
            "api_key",
            "API_KEY",
            "PARTNER_SSO_KEYS",
            "client_secret",
            "authToken",
            "MAIL_PASSWORD",
            "JWT_PRIVATE_KEY",
        ] {
            assert!(is_credential_name(n), "{n}");
        }
        for n in [
            "SECRET_KEY",
            "SECRET_KEY_FALLBACKS",
            "JWT_SECRET_KEY",
            "JWT_TOKEN_LOCATION",
            "JWT_ACCESS_TOKEN_EXPIRES",
            "TOKEN_HEADER",
            "PASSWORD_RESET_URL",
            "password_field",
            "JWT_PUBLIC_KEY",
            "key",
            "RESET_TOKEN_ALPHABET",
            "username",
        ] {
            assert!(!is_credential_name(n), "{n}");
        }
    }

    #[test]
    fn values() {
        assert!(plausible_secret("password", "hunter2"));
        assert!(plausible_secret("password", "changeme"));
        assert!(!plausible_secret("password", "${DB_PASSWORD}"));
        assert!(!plausible_secret("password", "***"));
        assert!(!plausible_secret("token", "DB_TOKEN_VAR"));
        assert!(!plausible_secret("PASSWORD", "password"));
        assert!(!plausible_secret("password", "Please enter your password"));
    }

    #[test]
    fn urls_and_tokens() {
        assert_eq!(
            url_password("postgresql://admin:s3cr3tpw@db/notes"),
            Some(("postgresql", "s3cr3tpw"))
        );
        assert_eq!(
            url_password("redis://:pw@localhost:6379/0"),
            Some(("redis", "pw"))
        );
        assert_eq!(url_password("postgresql://admin@db/notes"), None);
        assert_eq!(url_password("postgresql://u:${PW}@db/notes"), None);
        assert_eq!(url_password("sqlite:///x.db"), None);
        assert!(token_format("sk_live_51Hx9ZqLkT0pW3mVbR8cYdNf2aGhJ4sE").is_some());
        assert!(token_format("AKIAIOSFODNN7EXAMPLE").is_some());
        assert!(token_format("ghp_0123456789abcdefghijklmnopqrstuvwxyz").is_some());
        assert!(token_format("sk_test_abc").is_none());
    }
}
