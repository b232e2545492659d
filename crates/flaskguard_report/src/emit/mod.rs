//! Output formats. Each renders the same `Report` to a string.

mod github;
mod junit;
mod routes;
mod sarif;
mod text;

use std::str::FromStr;

use crate::Report;

pub use routes::routes_table;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Json,
    Sarif,
    Junit,
    Github,
}

impl OutputFormat {
    pub const NAMES: &'static [&'static str] = &["text", "json", "sarif", "junit", "github"];
}

impl FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(OutputFormat::Text),
            "json" => Ok(OutputFormat::Json),
            "sarif" => Ok(OutputFormat::Sarif),
            "junit" => Ok(OutputFormat::Junit),
            "github" => Ok(OutputFormat::Github),
            other => Err(format!(
                "unknown output format `{other}` (expected one of: {})",
                Self::NAMES.join(", ")
            )),
        }
    }
}

/// Options for the human-readable output.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextOptions {
    pub color: bool,
    /// Show suppressed findings too.
    pub show_suppressed: bool,
}

pub fn render(report: &Report, format: OutputFormat, text: TextOptions) -> String {
    match format {
        OutputFormat::Text => text::render(report, text),
        OutputFormat::Json => serde_json::to_string_pretty(report).unwrap_or_default() + "\n",
        OutputFormat::Sarif => sarif::render(report),
        OutputFormat::Junit => junit::render(report),
        OutputFormat::Github => github::render(report),
    }
}
