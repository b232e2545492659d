//! The static rules: every check `flaskguard check` can run. This is the rules' part of
//! the one code registry (`flaskguard_registry`), which adds the diagnostics and the
//! probe checks.

use std::sync::LazyLock;

use crate::Rule;
use crate::rules;

/// Every rule, sorted by code. Codes are never reused: a retired rule stays, `Removed`.
pub static RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = Vec::new();
    for category in rules::CATEGORIES {
        all.extend_from_slice(category);
    }
    all.push(&crate::analysis::UNUSED_SUPPRESSION);
    all.sort_by_key(|r| r.code);
    all
});

pub fn rule_by_code(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

pub fn rule_by_name(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}
