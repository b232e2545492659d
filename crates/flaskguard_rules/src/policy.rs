//! Policy, applied once after the rules ran: rule selection, per-file ignores, severity
//! overrides and inline suppressions (`# flaskguard: ignore[...]`, Bandit's `# nosec`).

use globset::{Glob, GlobMatcher};
use rustc_hash::FxHashMap;

use flaskguard_report::Severity;

use crate::Rule;

/// Which rules run, and how their findings are graded.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Codes or code prefixes (`FG2`, `FG201`) or `ALL`; empty means all.
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub per_file_ignores: Vec<(GlobMatcher, Vec<String>)>,
    pub severity: FxHashMap<String, Severity>,
}

fn matches(selector: &str, code: &str, name: &str) -> bool {
    selector == "ALL" || code.starts_with(selector) || selector == name
}

impl Selection {
    pub fn is_enabled(&self, rule: &Rule) -> bool {
        if rule.status == crate::Status::Removed {
            return false;
        }
        let selected = if self.select.is_empty() {
            true
        } else {
            self.select.iter().any(|s| matches(s, rule.code, rule.name))
        } || self
            .extend_select
            .iter()
            .any(|s| matches(s, rule.code, rule.name));
        let ignored = self.ignore.iter().any(|s| matches(s, rule.code, rule.name));
        selected && !ignored
    }

    /// Whether `per-file-ignores` disables `code` for `path`.
    pub fn ignored_for_file(&self, path: &str, code: &str, name: &str) -> bool {
        self.per_file_ignores.iter().any(|(glob, codes)| {
            glob.is_match(path) && codes.iter().any(|c| matches(c, code, name))
        })
    }

    pub fn add_per_file_ignore(
        &mut self,
        pattern: &str,
        codes: Vec<String>,
    ) -> Result<(), globset::Error> {
        let glob = Glob::new(pattern)?.compile_matcher();
        self.per_file_ignores.push((glob, codes));
        Ok(())
    }
}

/// An inline suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlineSuppression {
    pub line: u32,
    /// Empty: every code.
    pub codes: Vec<String>,
    pub nosec: bool,
    pub justification: Option<String>,
}

/// The searcher for `nosec`, built once: suppressions are looked for in every comment.
static NOSEC: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("nosec"));

/// Parses `# flaskguard: ignore[FG101, FG106] reason` and `# nosec [B105] reason`.
pub fn parse_suppression(comment: &str, line: u32) -> Option<InlineSuppression> {
    let body = comment.trim_start_matches('#').trim();
    if let Some(rest) = body.strip_prefix("flaskguard:") {
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("ignore")?;
        let (codes, after) = match rest.strip_prefix('[') {
            Some(inner) => {
                let end = inner.find(']')?;
                let codes = inner[..end]
                    .split(',')
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty())
                    .collect();
                (codes, &inner[end + 1..])
            }
            None => (Vec::new(), rest),
        };
        let justification = after.trim().trim_start_matches([':', '-']).trim();
        return Some(InlineSuppression {
            line,
            codes,
            nosec: false,
            justification: (!justification.is_empty()).then(|| justification.to_string()),
        });
    }
    // `# nosec` may follow other text in the comment (`# noqa: S105 # nosec`).
    let Some(pos) = NOSEC.find(comment.as_bytes()) else {
        return parse_ruff_noqa(comment, line);
    };
    let after = &comment[pos + "nosec".len()..];
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let mut codes = Vec::new();
    let mut rest = after.trim_start_matches([':', ' ']);
    loop {
        let word: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if word.len() >= 2
            && (word.starts_with('B') || word.starts_with("FG"))
            && word[1..].chars().any(|c| c.is_ascii_digit())
        {
            codes.push(word.clone());
            rest = rest[word.len()..].trim_start_matches([',', ' ']);
        } else {
            break;
        }
    }
    Some(InlineSuppression {
        line,
        codes,
        nosec: true,
        justification: (!rest.trim().is_empty()).then(|| rest.trim().to_string()),
    })
}

/// `# noqa: S105, E501`: the Ruff codes of flake8-bandit (`S` and Bandit's number) are
/// Bandit's test IDs, and suppress what a `# nosec` of those IDs does. Other codes, and a
/// bare `# noqa`, are the linters' business.
fn parse_ruff_noqa(comment: &str, line: u32) -> Option<InlineSuppression> {
    let lower = comment.to_ascii_lowercase();
    let pos = lower.find("noqa")?;
    let rest = comment[pos + "noqa".len()..]
        .trim_start()
        .strip_prefix(':')?;
    let codes: Vec<String> = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .map_while(|w| {
            (w.is_empty() || (w.len() >= 2 && w.chars().next()?.is_ascii_uppercase())).then_some(w)
        })
        .filter_map(|w| {
            let digits = w.strip_prefix('S')?;
            (digits.len() == 3 && digits.chars().all(|c| c.is_ascii_digit()))
                .then(|| format!("B{digits}"))
        })
        .collect();
    (!codes.is_empty()).then_some(InlineSuppression {
        line,
        codes,
        nosec: true,
        justification: None,
    })
}

/// Bandit test IDs and the flaskguard rules that cover the same ground, so that existing
/// `# nosec B105` comments keep working.
pub const BANDIT_EQUIVALENTS: &[(&str, &[&str])] = &[
    ("B104", &["FG220"]),
    ("B105", &["FG204", "FG275", "FG257"]),
    ("B106", &["FG204", "FG275", "FG257"]),
    ("B107", &["FG275"]),
    ("B113", &["FG901"]),
    ("B201", &["FG201"]),
    ("B301", &["FG904"]),
    ("B302", &["FG904"]),
    ("B303", &["FG153", "FG146"]),
    ("B324", &["FG153", "FG146"]),
    ("B311", &["FG147"]),
    ("B314", &["FG127"]),
    ("B320", &["FG127"]),
    ("B405", &["FG127"]),
    ("B408", &["FG127"]),
    ("B410", &["FG127"]),
    ("B501", &["FG902"]),
    ("B502", &["FG903"]),
    ("B503", &["FG903"]),
    ("B504", &["FG903"]),
    ("B506", &["FG126"]),
    ("B602", &["FG905"]),
    ("B605", &["FG905"]),
    ("B608", &["FG101"]),
    ("B701", &["FG224"]),
    ("B702", &["FG230"]),
    ("B703", &["FG110"]),
    ("B704", &["FG110"]),
];

impl InlineSuppression {
    /// Whether this comment suppresses a finding of `code`.
    pub fn covers(&self, code: &str, name: &str) -> bool {
        if self.codes.is_empty() {
            return true;
        }
        self.codes.iter().any(|c| {
            c == code
                || c == name
                || (self.nosec
                    && BANDIT_EQUIVALENTS
                        .iter()
                        .any(|(b, ours)| b == c && ours.contains(&code)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flaskguard_ignore_with_codes_and_reason() {
        let s =
            parse_suppression("# flaskguard: ignore[FG201, FG220] local dev server", 3).unwrap();
        assert_eq!(s.codes, vec!["FG201", "FG220"]);
        assert_eq!(s.justification.as_deref(), Some("local dev server"));
        assert!(s.covers("FG220", "x"));
        assert!(!s.covers("FG204", "x"));
    }

    #[test]
    fn ruff_bandit_codes_in_noqa_suppress_like_nosec() {
        let s = parse_suppression("# noqa: S105", 1).unwrap();
        assert!(s.covers("FG275", "hardcoded-credentials"));
        assert!(!s.covers("FG101", "x"));
        let s = parse_suppression("# noqa: E501, S106 fixture user", 1).unwrap();
        assert_eq!(s.codes, vec!["B106"]);
        assert!(parse_suppression("# noqa", 1).is_none());
        assert!(parse_suppression("# noqa: E501", 1).is_none());
        assert!(parse_suppression("# noqa: S1050", 1).is_none());
    }

    #[test]
    fn parses_nosec_with_bandit_ids() {
        let s = parse_suppression("# nosec B105 test key", 1).unwrap();
        assert!(s.nosec);
        assert!(s.covers("FG204", "hardcoded-secret-key"));
        assert!(!s.covers("FG201", "flask-debug-enabled"));
        let all = parse_suppression("# nosec", 1).unwrap();
        assert!(all.covers("FG201", "x"));
    }

    /// Bandit's B703/B704 (`mark_safe`, `Markup` on untrusted data) are the XSS rule's.
    #[test]
    fn nosec_b704_covers_markup_xss() {
        let s = parse_suppression("# nosec B704", 1).unwrap();
        assert!(s.covers("FG110", "html-from-request"));
        assert!(!s.covers("FG101", "sql-query-from-request"));
    }

    #[test]
    fn ignores_unrelated_comments() {
        assert!(parse_suppression("# nosecret here", 1).is_none());
        assert!(parse_suppression("# flaskguard is great", 1).is_none());
    }
}
