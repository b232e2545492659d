//! `[tool.flaskguard]` in `pyproject.toml`, or `flaskguard.toml`: discovery and strict
//! parsing. An unknown key is an error naming the file, the line and the key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, anyhow};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    pub select: Option<Vec<String>>,
    pub extend_select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub extend_exclude: Option<Vec<String>>,
    pub per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
    pub severity: Option<BTreeMap<String, String>>,
    pub fail_on: Option<String>,
    pub respect_gitignore: Option<bool>,
    pub baseline: Option<String>,
    pub output_format: Option<String>,
}

#[derive(Deserialize)]
struct PyProject {
    tool: Option<PyProjectTool>,
}

#[derive(Deserialize)]
struct PyProjectTool {
    flaskguard: Option<toml::Value>,
}

/// A configuration and the file it came from.
#[derive(Debug, Default)]
pub struct LoadedConfig {
    pub config: FileConfig,
    pub path: Option<PathBuf>,
}

/// Finds the configuration for `start`: the nearest `flaskguard.toml`, or `pyproject.toml`
/// with a `[tool.flaskguard]` table, in it or its ancestors.
pub fn discover(start: &Path) -> Result<LoadedConfig> {
    let start = if start.is_file() {
        start.parent().unwrap_or(start).to_path_buf()
    } else {
        start.to_path_buf()
    };
    let start = std::fs::canonicalize(&start).unwrap_or(start);
    for dir in start.ancestors() {
        let own = dir.join("flaskguard.toml");
        if own.is_file() {
            return load(&own);
        }
        let pyproject = dir.join("pyproject.toml");
        if pyproject.is_file() {
            let text = read(&pyproject)?;
            if text.contains("[tool.flaskguard") {
                return load(&pyproject);
            }
        }
    }
    Ok(LoadedConfig::default())
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Loads a configuration file (`flaskguard.toml` or `pyproject.toml`).
pub fn load(path: &Path) -> Result<LoadedConfig> {
    let text = read(path)?;
    let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let config = if is_pyproject {
        parse_pyproject(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?
    } else {
        toml::from_str::<FileConfig>(&text)
            .map_err(|e| anyhow!("{}: {}", path.display(), describe(&e, &text)))?
    };
    Ok(LoadedConfig {
        config,
        path: Some(path.to_path_buf()),
    })
}

fn parse_pyproject(text: &str) -> Result<FileConfig, String> {
    let doc: PyProject = toml::from_str(text).map_err(|e| describe(&e, text))?;
    let Some(table) = doc.tool.and_then(|t| t.flaskguard) else {
        return Ok(FileConfig::default());
    };
    // Re-parse the table from the document text so that error spans point into the file.
    match FileConfig::deserialize(table) {
        Ok(c) => Ok(c),
        Err(e) => {
            let msg = e.to_string();
            // Locate the offending key in the [tool.flaskguard] section for the position.
            let key = msg
                .split('`')
                .nth(1)
                .map(str::to_string)
                .unwrap_or_default();
            let section = text.find("[tool.flaskguard]").unwrap_or(0);
            let pos = if key.is_empty() {
                None
            } else {
                text[section..]
                    .lines()
                    .scan(section, |off, l| {
                        let start = *off;
                        *off += l.len() + 1;
                        Some((start, l))
                    })
                    .find(|(_, l)| l.trim_start().starts_with(&key))
                    .map(|(off, _)| off)
            };
            Err(match pos {
                Some(off) => {
                    let line = text[..off].matches('\n').count() + 1;
                    format!("line {line}: in [tool.flaskguard]: {}", msg.trim())
                }
                None => format!("in [tool.flaskguard]: {}", msg.trim()),
            })
        }
    }
}

/// Formats a TOML error with its line and column.
fn describe(e: &toml::de::Error, text: &str) -> String {
    let message = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            let col = span.start
                - text[..span.start.min(text.len())]
                    .rfind('\n')
                    .map_or(0, |i| i + 1)
                + 1;
            let key = text.get(span.clone()).unwrap_or("").trim();
            if key.is_empty() {
                format!("line {line}, column {col}: {message}")
            } else {
                format!("line {line}, column {col}: `{key}`: {message}")
            }
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_line_and_key() {
        let text = "select = [\"FG2\"]\nfail-onn = \"high\"\n";
        let err = toml::from_str::<FileConfig>(text).unwrap_err();
        let d = describe(&err, text);
        assert!(d.contains("line 2"), "{d}");
        assert!(d.contains("fail-onn"), "{d}");
    }

    #[test]
    fn pyproject_unknown_key_names_line() {
        let text = "[project]\nname = \"x\"\n\n[tool.flaskguard]\nselect = [\"FG2\"]\nbogus = 1\n";
        let err = parse_pyproject(text).unwrap_err();
        assert!(err.contains("line 6"), "{err}");
        assert!(err.contains("bogus"), "{err}");
    }

    #[test]
    fn pyproject_without_table_is_empty() {
        let c = parse_pyproject("[project]\nname = \"x\"\n").unwrap();
        assert!(c.select.is_none());
    }
}
