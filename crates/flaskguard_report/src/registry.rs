//! What every flaskguard code means: the one metadata type ([`Entry`]), the categories the
//! code prefixes stand for, the diagnostics, and the one renderer of a code's
//! documentation ([`page`]).
//!
//! Each crate owns the table of the codes it reports — the diagnostics here, the static
//! rules in `flaskguard_rules`, the probe checks in `flaskguard_probe` — and
//! `flaskguard_registry` puts them together into the one lookup the CLI, the docs and the
//! reports use. A code is never reused: a retired check keeps its entry, `removed`.

use std::fmt::Write as _;

use serde::Serialize;

use crate::{Confidence, RuleMeta, Severity};

/// What a code describes. It follows from the code's category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A problem with flaskguard's input or its own work, not with the app.
    Diagnostic,
    /// A finding in the source (`flaskguard check`).
    Static,
    /// A dependency with a known vulnerability.
    Dependency,
    /// A finding on the running app (`flaskguard probe`).
    Probe,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Diagnostic => "diagnostic",
            Kind::Static => "static",
            Kind::Dependency => "dependency",
            Kind::Probe => "probe",
        }
    }
}

/// The lifecycle of a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Preview,
    Stable,
    Deprecated,
    /// Never runs; the entry stays so that the code is not reused.
    Removed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Preview => "preview",
            Status::Stable => "stable",
            Status::Deprecated => "deprecated",
            Status::Removed => "removed",
        }
    }
}

/// The codes that share a prefix: `--select FG2` selects exactly one category.
#[derive(Debug)]
pub struct Category {
    /// `FG2`: the hundred the codes are in.
    pub prefix: &'static str,
    pub name: &'static str,
    pub kind: Kind,
    pub description: &'static str,
    /// Families inside the category: a range of registered codes and what it holds.
    pub families: &'static [(&'static str, &'static str)],
}

/// Every category, by prefix. A code's category is its hundred.
pub static CATEGORIES: &[Category] = &[
    Category {
        prefix: "FG0",
        name: "Diagnostics",
        kind: Kind::Diagnostic,
        description: "flaskguard's own diagnostics: input it could not read or analyse in full, \
                      suppression comments that match nothing, probe requests that failed. They \
                      say nothing about the app's security; all but FG004 are reported under \
                      `errors`, not as findings.",
        families: &[
            (
                "FG001–FG003",
                "files flaskguard could not parse, read or analyse in full",
            ),
            ("FG004", "suppression comments"),
            ("FG005", "the probe's own failures"),
        ],
    },
    Category {
        prefix: "FG1",
        name: "Data flow and injection",
        kind: Kind::Static,
        description: "What request data, passwords and secrets reach in the code: injection into \
                      SQL, shells, `eval`, templates, HTML responses, file paths, redirects, \
                      outbound URLs, XPath/LDAP queries and logs; unsafe deserialisation and XML \
                      parsing; weak hashing and randomness for passwords and tokens.",
        families: &[
            (
                "FG101–FG131",
                "request data reaching an interpreter, parser, file or redirect",
            ),
            (
                "FG146–FG154",
                "weak cryptography for secrets (password hashes, randomness, hash algorithms) \
                 and request data crossing a trust boundary (session, LDAP)",
            ),
        ],
    },
    Category {
        prefix: "FG2",
        name: "Flask configuration and extensions",
        kind: Kind::Static,
        description: "How the Flask app and its extensions are set up: configuration, templates, \
                      CSRF protection, CORS and security headers, authentication, sessions, \
                      tokens, rate limits and credentials.",
        families: &[
            (
                "FG201–FG221",
                "application settings: debug mode, the secret key, session cookies, request \
                 limits, how the app is served",
            ),
            ("FG224–FG231", "templates and escaping"),
            ("FG232–FG237", "CSRF protection"),
            ("FG239–FG245", "CORS, security headers and HTTPS"),
            (
                "FG246–FG275",
                "authentication, sessions and tokens (Flask-Login, Flask-HTTPAuth, JWT), rate \
                 limits, credentials in the source",
            ),
        ],
    },
    Category {
        prefix: "FG5",
        name: "Dependencies",
        kind: Kind::Dependency,
        description: "Dependencies with known vulnerabilities, unmaintained security libraries and \
                      development packages in production. Reserved: no checks yet.",
        families: &[],
    },
    Category {
        prefix: "FG6",
        name: "Probe",
        kind: Kind::Probe,
        description: "Checks of the running app over HTTP (`flaskguard probe`; payloads with \
                      `--active`). Many confirm a static finding on the live app.",
        families: &[
            (
                "FG601–FG604",
                "debuggers, error details and the development server exposed",
            ),
            ("FG605–FG612", "sessions, cookies, JWTs and authentication"),
            ("FG614–FG617", "security headers, CORS and HTTPS"),
            (
                "FG618–FG627, FG643",
                "injection: XSS, SSTI, SQL, commands, code, paths, redirects, SSRF, XXE, \
                 headers, deserialisation",
            ),
            (
                "FG628–FG642",
                "CSRF, uploads, request limits, login defences, caching, exposed files, HTTP \
                 methods, GraphQL, sensitive data",
            ),
        ],
    },
    Category {
        prefix: "FG9",
        name: "Generic Python",
        kind: Kind::Static,
        description: "Checks any Python code needs, whatever the data: outbound HTTP without \
                      timeouts, TLS verification and weak TLS, pickle-family deserialisation and \
                      shell commands (parity with Bandit, Ruff and Semgrep).",
        families: &[],
    },
];

impl Category {
    /// The category of a code (`FG201` → `FG2`); `None` for a code that is not of the
    /// form `FG` and three digits, or whose hundred is no category.
    pub fn of(code: &str) -> Option<&'static Category> {
        let digits = code.strip_prefix("FG")?;
        if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        CATEGORIES
            .iter()
            .find(|c| c.prefix.as_bytes()[2] == digits.as_bytes()[0])
    }
}

/// Everything there is to know about one code. Built by `declare_rule!` (static rules,
/// documented by their doc comment), the probe's table and [`DIAGNOSTICS`].
#[derive(Debug)]
pub struct Entry {
    pub code: &'static str,
    /// Reads as "allow <name>": `flask-debug-enabled`.
    pub name: &'static str,
    pub summary: &'static str,
    /// The default severity; a check may report a worse or milder variant.
    pub severity: Severity,
    pub confidence: Confidence,
    pub cwe: &'static [u32],
    /// OWASP Top 10 2021 category, e.g. `A05`.
    pub owasp: &'static str,
    pub remediation: &'static str,
    /// The documentation in Markdown, written as a doc comment (one leading space per
    /// line is dropped). Empty: generated from the fields (see [`Entry::docs`]).
    pub docs: &'static str,
    pub since: &'static str,
    pub status: Status,
    /// Probe checks: the static rules whose findings this check confirms on the live app.
    pub confirms: &'static [&'static str],
}

impl Entry {
    pub fn category(&self) -> Option<&'static Category> {
        Category::of(self.code)
    }

    /// What the code describes (from its category).
    pub fn kind(&self) -> Kind {
        self.category().map_or(Kind::Static, |c| c.kind)
    }

    /// The documentation as Markdown.
    pub fn docs(&self) -> String {
        if self.docs.is_empty() {
            let mut out = format!("## What it does\n{}.\n", self.summary);
            if self.kind() == Kind::Probe {
                out.push_str("\nA check of the running app (`flaskguard probe`).\n");
            }
            let _ = write!(out, "\n## How to fix\n{}\n", self.remediation);
            return out;
        }
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    pub fn help_uri(&self) -> String {
        help_uri(self.code)
    }

    /// The metadata as reports carry it.
    pub fn meta(&self) -> RuleMeta {
        RuleMeta {
            code: self.code.to_string(),
            name: self.name.to_string(),
            summary: self.summary.to_string(),
            severity: self.severity,
            confidence: self.confidence,
            cwe: self.cwe.to_vec(),
            owasp: self.owasp.to_string(),
            remediation: self.remediation.to_string(),
            docs: self.docs(),
            help_uri: self.help_uri(),
        }
    }

    /// Everything about the code as one JSON object (`flaskguard rule --output-format json`).
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self.meta()).unwrap_or_default();
        if let Some(object) = value.as_object_mut() {
            object.insert("kind".into(), self.kind().as_str().into());
            object.insert(
                "category".into(),
                self.category().map_or("", |c| c.prefix).into(),
            );
            object.insert("status".into(), self.status.as_str().into());
            object.insert("since".into(), self.since.into());
            if !self.confirms.is_empty() {
                object.insert("confirms".into(), self.confirms.into());
            }
        }
        value
    }
}

/// Where a code's documentation is published (the pages of `docs/rules/`).
pub fn help_uri(code: &str) -> String {
    format!("https://example.invalid/flaskguard/rules/{code}")
}

/// The documentation page of a code: title, metadata table, documentation. `registry` is
/// every entry, for the links between probe checks and the static rules they confirm.
/// `flaskguard rule CODE` prints it and `docs/rules/CODE.md` is it.
pub fn page(entry: &Entry, registry: &[&Entry]) -> String {
    let links = |codes: &mut dyn Iterator<Item = &str>| -> String {
        codes
            .map(|c| format!("[{c}]({c}.md)"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let dash = |s: String| if s.is_empty() { "—".to_string() } else { s };
    let cwe: Vec<String> = entry
        .cwe
        .iter()
        .map(|c| format!("[CWE-{c}](https://cwe.mitre.org/data/definitions/{c}.html)"))
        .collect();
    let kind = match entry.kind() {
        Kind::Diagnostic => "diagnostic",
        Kind::Static => "static rule (`flaskguard check`)",
        Kind::Dependency => "dependency check",
        Kind::Probe => "probe check (`flaskguard probe`)",
    };
    let mut out = format!(
        "# {} ({})\n\n| | |\n| --- | --- |\n",
        entry.name, entry.code
    );
    let mut row = |key: &str, value: String| {
        let _ = writeln!(out, "| {key} | {value} |");
    };
    row("Summary", entry.summary.to_string());
    row("Kind", kind.to_string());
    row(
        "Category",
        entry
            .category()
            .map_or_else(String::new, |c| format!("{}: {}", c.prefix, c.name)),
    );
    row("Severity", entry.severity.to_string());
    row("Confidence", entry.confidence.as_str().to_string());
    row("CWE", dash(cwe.join(", ")));
    row("OWASP Top 10 2021", dash(entry.owasp.to_string()));
    row(
        "Status",
        format!("{} since {}", entry.status.as_str(), entry.since),
    );
    row("Remediation", entry.remediation.to_string());
    if !entry.confirms.is_empty() {
        row("Confirms", links(&mut entry.confirms.iter().copied()));
    }
    let confirmed_by = links(
        &mut registry
            .iter()
            .filter(|e| e.confirms.contains(&entry.code))
            .map(|e| e.code),
    );
    if !confirmed_by.is_empty() {
        row("Confirmed by", confirmed_by);
    }
    out.push('\n');
    out.push_str(&entry.docs());
    out
}

/// FG001.
pub static INVALID_SYNTAX: Entry = Entry {
    code: "FG001",
    name: "invalid-syntax",
    summary: "A file that is not valid Python, Jinja, dotenv or TOML",
    severity: Severity::Info,
    confidence: Confidence::High,
    cwe: &[],
    owasp: "",
    remediation: "Fix the syntax error; until then the findings in the file may be incomplete.",
    docs: "\
## What it does
Reports a Python file that does not parse, a template that Jinja would refuse (an unclosed
tag), a `.env` line that python-dotenv cannot read as a setting, and a `pyproject.toml`
that is not TOML.

## Why is this bad?
Python, Jinja and pip refuse these files too. flaskguard analyses what it could recover,
so findings in the rest of the file may be missing.

## How it is reported
Under `errors` (in SARIF, as a tool notification), not as a finding: it never changes the
exit status.
",
    since: "0.1.0",
    status: Status::Stable,
    confirms: &[],
};

/// FG002.
pub static UNREADABLE_FILE: Entry = Entry {
    code: "FG002",
    name: "unreadable-file",
    summary: "A file that could not be read, is not text, or is too large",
    severity: Severity::Info,
    confidence: Confidence::High,
    cwe: &[],
    owasp: "",
    remediation: "Make the file readable UTF-8 text, or exclude it (`exclude` in the configuration).",
    docs: "\
## What it does
Reports a file that flaskguard could not analyse at all: it could not be read (permissions,
a FIFO or another special file), it is not UTF-8, it contains NUL bytes, or it is larger
than 5 MiB (minified or generated code).

## Why is this bad?
Nothing in the file was checked.

## How it is reported
Under `errors` (in SARIF, as a tool notification), not as a finding: it never changes the
exit status.
",
    since: "0.1.0",
    status: Status::Stable,
    confirms: &[],
};

/// FG003.
pub static TOO_DEEPLY_NESTED: Entry = Entry {
    code: "FG003",
    name: "too-deeply-nested",
    summary: "Code nested beyond flaskguard's limit; the deepest parts were not analysed",
    severity: Severity::Info,
    confidence: Confidence::High,
    cwe: &[],
    owasp: "",
    remediation: "Flatten the expression or statement (usually generated code), or exclude the file.",
    docs: "\
## What it does
Reports statements and expressions nested deeper than flaskguard follows (a chain of
thousands of operators, deeply nested brackets or blocks). The parts beyond the limit are
cut off; the rest of the file is analysed.

## Why is this bad?
Findings in the cut-off parts are missing.

## How it is reported
Under `errors` (in SARIF, as a tool notification), not as a finding: it never changes the
exit status.
",
    since: "0.1.0",
    status: Status::Stable,
    confirms: &[],
};

/// FG005.
pub static PROBE_REQUEST_FAILED: Entry = Entry {
    code: "FG005",
    name: "probe-request-failed",
    summary: "The probe could not carry out part of its checks",
    severity: Severity::Info,
    confidence: Confidence::High,
    cwe: &[],
    owasp: "",
    remediation: "Read the message: check the URL, the login options, and the request budget and time limit.",
    docs: "\
## What it does
Reports what kept `flaskguard probe` from running a check as planned: a request that
failed, a login that did not succeed, the request budget or time limit ending the active
checks early, a listener for the SSRF/XXE canary that could not be opened.

## Why is this bad?
The checks it names did not run, or ran only in part: their silence is no evidence.

## How it is reported
Under `errors` (in SARIF, as a tool notification), not as a finding: it never changes the
exit status.
",
    since: "0.1.0",
    status: Status::Stable,
    confirms: &[],
};

/// The diagnostics reported as [`crate::InputError`]s. (FG004, a suppression comment that
/// matches nothing, is a rule of `flaskguard_rules`: it is selected and suppressed like one.)
pub static DIAGNOSTICS: &[&Entry] = &[
    &INVALID_SYNTAX,
    &UNREADABLE_FILE,
    &TOO_DEEPLY_NESTED,
    &PROBE_REQUEST_FAILED,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_belongs_to_its_hundred() {
        assert_eq!(Category::of("FG201").map(|c| c.prefix), Some("FG2"));
        assert_eq!(Category::of("FG605").map(|c| c.kind), Some(Kind::Probe));
        assert_eq!(
            Category::of("FG001").map(|c| c.kind),
            Some(Kind::Diagnostic)
        );
        assert!(Category::of("FG301").is_none());
        assert!(Category::of("FG2").is_none());
        assert!(Category::of("FG2011").is_none());
        assert!(Category::of("fg201").is_none());
    }

    #[test]
    fn category_prefixes_are_distinct_hundreds() {
        for (i, a) in CATEGORIES.iter().enumerate() {
            assert_eq!(a.prefix.len(), 3, "{}", a.prefix);
            assert!(a.prefix.starts_with("FG"), "{}", a.prefix);
            for b in &CATEGORIES[i + 1..] {
                assert_ne!(a.prefix, b.prefix);
            }
        }
    }

    #[test]
    fn generated_docs_and_help_uri() {
        let entry = Entry {
            code: "FG699",
            name: "x",
            summary: "Something is wrong",
            severity: Severity::Low,
            confidence: Confidence::High,
            cwe: &[1],
            owasp: "",
            remediation: "Fix it.",
            docs: "",
            since: "0.1.0",
            status: Status::Stable,
            confirms: &["FG201"],
        };
        let docs = entry.docs();
        assert!(
            docs.starts_with("## What it does\nSomething is wrong.\n"),
            "{docs}"
        );
        assert!(docs.contains("## How to fix\nFix it.\n"), "{docs}");
        assert_eq!(
            entry.help_uri(),
            "https://example.invalid/flaskguard/rules/FG699"
        );
        let page = page(&entry, &[&entry]);
        assert!(page.starts_with("# x (FG699)\n"), "{page}");
        assert!(page.contains("| Confirms | [FG201](FG201.md) |"), "{page}");
        assert!(page.contains("| Category | FG6: Probe |"), "{page}");
    }
}
