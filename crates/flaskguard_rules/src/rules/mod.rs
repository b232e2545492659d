//! Every rule, one file each, grouped by category. Each category lists its rules in its
//! `RULES`; the registry collects the categories.

pub(crate) mod auth;
pub(crate) mod config;
pub(crate) mod csrf;
pub(crate) mod headers;
pub(crate) mod python;
pub(crate) mod taint;
pub(crate) mod templates;

use crate::Rule;

pub(crate) static CATEGORIES: &[&[&Rule]] = &[
    config::RULES,
    templates::RULES,
    csrf::RULES,
    headers::RULES,
    auth::RULES,
    python::RULES,
    taint::RULES,
];
