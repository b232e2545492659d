//! Debug mode, secret keys, session cookies, request limits and the development server.

mod cookie_without_secure_flags;
mod debug_mode_configured;
mod development_server_in_production;
mod flask_bind_all_interfaces;
mod flask_debug_enabled;
mod hardcoded_secret_key;
mod max_content_length_unset;
mod secret_key_fallbacks_hardcoded;
mod secret_key_missing;
mod secret_key_reused_as_salt;
mod session_cookie_domain_broad;
mod session_cookie_httponly_disabled;
mod session_cookie_not_secure;
mod session_cookie_samesite_none;
mod session_lifetime_long;
mod weak_secret_key;
mod werkzeug_debugger_wired;

use flaskguard_flask::{ConfigSetting, FlaskModel};
use flaskguard_index::Value;

use crate::Rule;

pub(crate) static RULES: &[&Rule] = &[
    &flask_debug_enabled::RULE,
    &debug_mode_configured::RULE,
    &werkzeug_debugger_wired::RULE,
    &hardcoded_secret_key::RULE,
    &weak_secret_key::RULE,
    &secret_key_missing::RULE,
    &secret_key_reused_as_salt::RULE,
    &secret_key_fallbacks_hardcoded::RULE,
    &session_cookie_not_secure::RULE,
    &session_cookie_httponly_disabled::RULE,
    &session_cookie_samesite_none::RULE,
    &session_cookie_domain_broad::RULE,
    &session_lifetime_long::RULE,
    &cookie_without_secure_flags::RULE,
    &max_content_length_unset::RULE,
    &flask_bind_all_interfaces::RULE,
    &development_server_in_production::RULE,
];

/// Deployed settings of `key` whose effective value is known and falsy.
pub(super) fn falsy_settings<'m, 'a>(
    model: &'m FlaskModel<'a>,
    key: &'m str,
) -> impl Iterator<Item = &'m ConfigSetting<'a>> {
    model.production_settings(key).filter(|s| {
        crate::helpers::effective_literal(&s.value).and_then(Value::truthy) == Some(false)
    })
}

/// Whether some setting of `key` (in a deployed profile) is truthy or read from the
/// environment (the deployment decides).
pub(super) fn set_truthy_or_env(model: &FlaskModel<'_>, key: &str) -> bool {
    model
        .settings(key)
        .filter(|s| s.profile.is_deployed())
        .any(|s| match &s.value {
            Value::Env { .. } | Value::Unknown | Value::Call { .. } => true,
            v => v.truthy() == Some(true),
        })
}
