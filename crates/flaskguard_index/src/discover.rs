//! Finding the files of a project.

use std::path::{Path, PathBuf};

use globset::GlobSet;
use ignore::WalkBuilder;

/// What kind of project file a path is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    Python,
    Template,
    /// `.flaskenv` / `.env`
    EnvFile,
    /// `requirements*.txt`
    Requirements,
    PyProject,
    /// `*.ini` / `*.cfg`: INI files a `configparser` may read.
    IniFile,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DiscoveredFile {
    pub path: PathBuf,
    pub kind: FileKind,
    /// Named explicitly on the command line.
    pub explicit: bool,
}

#[derive(Debug, Default)]
pub struct DiscoverOptions {
    /// Paths matching these globs (relative to the root or as file names) are skipped,
    /// unless named explicitly.
    pub exclude: Option<GlobSet>,
    pub respect_gitignore: bool,
}

/// A file or directory that could not be walked.
#[derive(Debug, Clone)]
pub struct WalkError {
    pub path: Option<PathBuf>,
    pub message: String,
}

/// Directories never descended into.
const SKIPPED_DIRS: &[&str] = &[
    ".git",
    ".hg",
    ".svn",
    "__pycache__",
    "node_modules",
    "site-packages",
    "dist-packages",
    ".tox",
    ".nox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".eggs",
    "build",
    "dist",
    ".venv",
    "venv",
];

const TEMPLATE_EXTENSIONS: &[&str] = &["html", "htm", "jinja", "jinja2", "j2", "xhtml"];

pub fn classify(path: &Path) -> Option<FileKind> {
    let name = path.file_name()?.to_str()?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "py" {
        return Some(FileKind::Python);
    }
    if name == ".flaskenv" || name == ".env" {
        return Some(FileKind::EnvFile);
    }
    if name == "pyproject.toml" {
        return Some(FileKind::PyProject);
    }
    if ext == "ini" || ext == "cfg" {
        return Some(FileKind::IniFile);
    }
    if ext == "txt" && name.starts_with("requirements") {
        return Some(FileKind::Requirements);
    }
    if TEMPLATE_EXTENSIONS.contains(&ext) {
        return Some(FileKind::Template);
    }
    // Any file inside a `templates` folder is a template, whatever its extension.
    if path
        .parent()
        .is_some_and(|p| p.components().any(|c| c.as_os_str() == "templates"))
        && !name.starts_with('.')
    {
        return Some(FileKind::Template);
    }
    None
}

fn is_skipped_dir(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    SKIPPED_DIRS.contains(&name)
        || name.ends_with(".egg-info")
        // A virtual environment, whatever it is called.
        || path.join("pyvenv.cfg").is_file()
}

fn is_excluded(path: &Path, root: &Path, exclude: Option<&GlobSet>) -> bool {
    let Some(set) = exclude else { return false };
    let rel = path.strip_prefix(root).unwrap_or(path);
    set.is_match(rel) || path.file_name().is_some_and(|n| set.is_match(n))
}

/// Walks `roots` and returns the project files found, sorted by path.
pub fn discover(
    roots: &[PathBuf],
    options: &DiscoverOptions,
) -> (Vec<DiscoveredFile>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Err(err) => errors.push(WalkError {
                path: Some(root.clone()),
                message: err.to_string(),
            }),
            Ok(meta) if meta.is_file() => {
                // Named on the command line: always scanned (as Python unless recognised).
                let kind = classify(root).unwrap_or(FileKind::Python);
                files.push(DiscoveredFile {
                    path: root.clone(),
                    kind,
                    explicit: true,
                });
            }
            Ok(_) => walk_dir(root, options, &mut files, &mut errors),
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.path == b.path);
    // The walk runs on several threads: its errors come in any order.
    errors.sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
    (files, errors)
}

/// Why a FIFO, socket or device is not read.
pub(crate) const NOT_REGULAR: &str = "not a regular file (a FIFO, socket or device): not read";

fn walk_dir(
    root: &Path,
    options: &DiscoverOptions,
    files: &mut Vec<DiscoveredFile>,
    errors: &mut Vec<WalkError>,
) {
    let exclude = options.exclude.clone();
    let root_owned = root.to_path_buf();
    let walker = WalkBuilder::new(root)
        .hidden(false)
        .git_ignore(options.respect_gitignore)
        .git_global(false)
        .git_exclude(options.respect_gitignore)
        .ignore(options.respect_gitignore)
        .require_git(false)
        .follow_links(false)
        .filter_entry(move |entry| {
            let path = entry.path();
            if entry.depth() == 0 {
                return true;
            }
            if is_excluded(path, &root_owned, exclude.as_ref()) {
                return false;
            }
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if is_dir {
                return !is_skipped_dir(path);
            }
            // Hidden files other than the env files are not project files.
            let name = entry.file_name().to_str().unwrap_or("");
            !name.starts_with('.') || name == ".flaskenv" || name == ".env"
        })
        .build_parallel();
    // Directories are read on every core; what each thread finds is merged at the end (the
    // caller sorts).
    let found = std::sync::Mutex::new((Vec::new(), Vec::new()));
    walker.run(|| {
        let found = &found;
        let mut mine: (Vec<DiscoveredFile>, Vec<WalkError>) = (Vec::new(), Vec::new());
        Box::new(move |entry| {
            visit(entry, &mut mine.0, &mut mine.1);
            // Most entries are folders or other files: nothing to hand over.
            if (!mine.0.is_empty() || !mine.1.is_empty())
                && let Ok(mut all) = found.lock()
            {
                all.0.append(&mut mine.0);
                all.1.append(&mut mine.1);
            }
            ignore::WalkState::Continue
        })
    });
    let (mut more_files, mut more_errors) = found.into_inner().unwrap_or_default();
    files.append(&mut more_files);
    errors.append(&mut more_errors);
}

/// Keeps one entry of a walk: a project file, or the error of reaching it.
fn visit(
    entry: Result<ignore::DirEntry, ignore::Error>,
    files: &mut Vec<DiscoveredFile>,
    errors: &mut Vec<WalkError>,
) {
    match entry {
        Ok(entry) => {
            let Some(file_type) = entry.file_type() else {
                return;
            };
            if !file_type.is_file() {
                // A FIFO, socket or device with a project file's name is never opened
                // (reading a FIFO blocks), but it is reported rather than skipped unseen.
                if !file_type.is_dir()
                    && !file_type.is_symlink()
                    && classify(entry.path()).is_some()
                {
                    errors.push(WalkError {
                        path: Some(entry.into_path()),
                        message: NOT_REGULAR.to_string(),
                    });
                }
                return;
            }
            if let Some(kind) = classify(entry.path()) {
                files.push(DiscoveredFile {
                    path: entry.into_path(),
                    kind,
                    explicit: false,
                });
            }
        }
        Err(err) => errors.push(WalkError {
            path: None,
            message: err.to_string(),
        }),
    }
}
