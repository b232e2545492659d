//! Taint rules: request data reaching dangerous sinks, one rule per vulnerability class.

mod code_from_request;
mod command_from_request;
mod deserialization_of_request;
mod html_from_request;
mod ldap_from_request;
mod log_from_request;
mod path_from_request;
mod redirect_from_request;
mod session_from_request;
mod sql_query_from_request;
mod ssrf_from_request;
mod template_from_request;
mod xpath_from_request;

use crate::Rule;

pub(crate) static RULES: &[&Rule] = &[
    &sql_query_from_request::RULE,
    &command_from_request::RULE,
    &code_from_request::RULE,
    &template_from_request::RULE,
    &html_from_request::RULE,
    &path_from_request::RULE,
    &redirect_from_request::RULE,
    &ssrf_from_request::RULE,
    &deserialization_of_request::RULE,
    &xpath_from_request::RULE,
    &ldap_from_request::RULE,
    &log_from_request::RULE,
    &session_from_request::RULE,
];
