//! flaskguard's view of a Python project: file discovery, parsing (the only crate that
//! touches Ruff's parser), a lowered syntax tree and the semantic index.

pub mod discover;
mod dismantle;
pub mod fold;
pub mod ir;
mod lower;
pub mod names;
pub mod partition;
pub mod semantic;
pub mod source;
pub mod value;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use ruff_python_ast::PySourceType;
use ruff_python_ast::token::TokenKind;
use ruff_text_size::Ranged;

pub use discover::{DiscoverOptions, DiscoveredFile, FileKind};
pub use ir::Span;
pub use semantic::{Index, Resolved, Site};
pub use source::{LineCol, SourceFile};
pub use value::Value;

/// Runs `f`, first moving to a new stack segment on the heap when less than 256 KiB of
/// this thread's stack is left. Every recursive pass over the IR enters each level through
/// it, so that no thread's stack size (a test's 2 MiB, a fuzzer's 8 MiB) bounds how deep
/// the code it analyses may be nested; lowering still cuts the IR at [`MAX_NESTING`].
#[inline]
pub fn deep<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(256 * 1024, 4 * 1024 * 1024, f)
}

/// Stack of the thread that runs an analysis (the command's and the fuzz targets'):
/// deeply nested input recurses deeply, up to the lowering's depth limit.
pub const ANALYSIS_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Stack of each thread of the rayon pool the analysis fans out to (syntax trees are
/// parsed, lowered and dropped there).
pub const WORKER_STACK_BYTES: usize = 64 * 1024 * 1024;

/// How deep statements and expressions may nest in the IR (deeper parts are cut off and
/// reported as FG003).
pub const MAX_NESTING: u32 = lower::MAX_DEPTH;

/// Files larger than this are not parsed (minified or generated code).
pub const MAX_FILE_SIZE: u64 = 5 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ModuleId(pub u32);

/// A comment in a Python file.
#[derive(Clone, Debug)]
pub struct Comment {
    pub span: Span,
    pub line: u32,
    /// Whether code precedes the comment on its line.
    pub trailing: bool,
}

impl Comment {
    /// The comment text, including the leading `#`, read from its module's source.
    pub fn text<'s>(&self, source: &'s SourceFile) -> &'s str {
        source.slice(self.span)
    }
}

/// A parsed Python module.
#[derive(Debug)]
pub struct Module {
    pub id: ModuleId,
    /// Dotted module name derived from the package layout (`pkg.sub.mod`).
    pub name: String,
    /// An `__init__.py`.
    pub is_package: bool,
    pub source: SourceFile,
    pub body: Vec<ir::Stmt>,
    pub functions: Vec<ir::FunctionDef>,
    pub classes: Vec<ir::ClassDef>,
    pub comments: Vec<Comment>,
    /// How many call expressions the module holds (the semantic index sizes its call
    /// sites with it).
    pub(crate) calls: usize,
}

/// A non-Python project file kept as text (templates, env files, requirements).
#[derive(Debug)]
pub struct TextFile {
    pub kind: FileKind,
    pub source: SourceFile,
}

/// Problems with the input itself, reported next to findings. Their codes and names are
/// in the code registry (`flaskguard_report::registry::DIAGNOSTICS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DiagnosticKind {
    /// FG001: the file is not valid Python; what could be recovered is still analysed.
    InvalidSyntax,
    /// FG002: the file could not be read, is not text, or is too large.
    UnreadableFile,
    /// FG003: nesting beyond flaskguard's limit; the deepest parts were not analysed.
    TooDeeplyNested,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub path: String,
    pub message: String,
    pub position: Option<LineCol>,
}

/// Everything read from disk, parsed and lowered.
#[derive(Debug, Default)]
pub struct Project {
    pub modules: Vec<Module>,
    pub texts: Vec<TextFile>,
    pub diagnostics: Vec<Diagnostic>,
    /// The number of source lines read (Python files).
    pub lines: usize,
}

impl Project {
    /// Discovers, reads and parses the files under `roots`, in parallel.
    pub fn load(roots: &[PathBuf], options: &DiscoverOptions) -> Project {
        let (files, walk_errors) = discover::discover(roots, options);
        let mut project = Self::from_files(files);
        for err in walk_errors {
            project.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::UnreadableFile,
                path: err.path.map_or_else(String::new, |p| display_path(&p)),
                message: err.message,
                position: None,
            });
        }
        project
            .diagnostics
            .sort_by(|a, b| a.path.cmp(&b.path).then(a.kind.cmp(&b.kind)));
        project
    }

    /// Reads and parses an explicit list of files.
    pub fn from_files(files: Vec<DiscoveredFile>) -> Project {
        let packages = partition::Packages::of(&files);
        Self::from_files_in(files, Vec::new(), &packages)
    }

    /// Reads and parses `files`, naming modules by the packages of the whole project.
    /// `texts` holds, file by file, what was already read (missing or `None`: read now).
    pub(crate) fn from_files_in(
        files: Vec<DiscoveredFile>,
        texts: Vec<Option<String>>,
        packages: &partition::Packages,
    ) -> Project {
        enum Loaded {
            Module(Box<Module>, Vec<Diagnostic>),
            Text(TextFile),
            TextWithDiagnostic(TextFile, Diagnostic),
            Failed(Diagnostic),
        }
        let mut texts = texts;
        texts.resize(files.len(), None);
        let loaded: Vec<Loaded> = files
            .into_par_iter()
            .zip(texts)
            .map(|(file, text)| {
                let display = display_path(&file.path);
                let text = match text.map_or_else(|| read_text(&file.path), Ok) {
                    Ok(text) => text,
                    Err(message) => {
                        return Loaded::Failed(Diagnostic {
                            kind: DiagnosticKind::UnreadableFile,
                            path: display,
                            message,
                            position: None,
                        });
                    }
                };
                let source = SourceFile::new(file.path.clone(), display, text);
                if file.kind == FileKind::Python {
                    let (module, diags) = parse_module(source, packages.module_name(&file));
                    Loaded::Module(Box::new(module), diags)
                } else {
                    let invalid = (file.kind == FileKind::PyProject)
                        .then(|| toml_syntax_error(&source))
                        .flatten();
                    let text = TextFile {
                        kind: file.kind,
                        source,
                    };
                    match invalid {
                        Some(diagnostic) => Loaded::TextWithDiagnostic(text, diagnostic),
                        None => Loaded::Text(text),
                    }
                }
            })
            .collect();
        let mut project = Project::default();
        for item in loaded {
            match item {
                Loaded::Module(mut module, diags) => {
                    module.id = ModuleId(project.modules.len() as u32);
                    project.lines += module.source.line_count();
                    project.modules.push(*module);
                    project.diagnostics.extend(diags);
                }
                Loaded::Text(text) => project.texts.push(text),
                Loaded::TextWithDiagnostic(text, diagnostic) => {
                    project.texts.push(text);
                    project.diagnostics.push(diagnostic);
                }
                Loaded::Failed(diag) => project.diagnostics.push(diag),
            }
        }
        project
    }
}

/// The path as shown to users: relative to the working directory when below it.
pub fn display_path(path: &Path) -> String {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let relative = CWD
        .get_or_init(|| std::env::current_dir().ok())
        .as_ref()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let s = relative.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map_or(s.clone(), str::to_string)
}

/// FG001 for a `pyproject.toml` that is not TOML (pip could not read it either).
fn toml_syntax_error(source: &SourceFile) -> Option<Diagnostic> {
    let err = toml::from_str::<toml::Table>(&source.text).err()?;
    Some(Diagnostic {
        kind: DiagnosticKind::InvalidSyntax,
        path: source.display.clone(),
        message: format!("not valid TOML: {}", err.message()),
        position: err.span().map(|s| source.line_col(s.start as u32)),
    })
}

fn read_text(path: &Path) -> Result<String, String> {
    read_text_sized(path).map(|(text, _)| text)
}

/// The text of a file and its size in bytes. The file is looked at before it is opened:
/// opening a FIFO would block.
pub(crate) fn read_text_sized(path: &Path) -> Result<(String, u64), String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(discover::NOT_REGULAR.to_string());
    }
    if meta.len() > MAX_FILE_SIZE {
        #[allow(clippy::cast_precision_loss)]
        let mib = meta.len() as f64 / (1024.0 * 1024.0);
        return Err(format!(
            "file is too large to analyse ({mib:.1} MiB; the limit is {} MiB): generated or minified code?",
            MAX_FILE_SIZE / (1024 * 1024)
        ));
    }
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    let size = meta.len();
    if bytes.contains(&0) {
        return Err("file contains NUL bytes: not a text file".to_string());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, size)),
        Err(err) => {
            let bytes = err.into_bytes();
            // PEP 263: a Latin-1 coding declaration in the first two lines.
            let head: String = bytes
                .split(|b| *b == b'\n')
                .take(2)
                .map(|l| String::from_utf8_lossy(l).to_ascii_lowercase())
                .collect::<Vec<_>>()
                .join("\n");
            let latin1 = [
                "latin-1",
                "latin1",
                "iso-8859-1",
                "iso8859-1",
                "cp1252",
                "windows-1252",
            ];
            if head.contains("coding") && latin1.iter().any(|enc| head.contains(enc)) {
                Ok((bytes.iter().map(|&b| char::from(b)).collect(), size))
            } else {
                let valid = std::str::from_utf8(&bytes)
                    .err()
                    .map_or(0, |e| e.valid_up_to());
                Err(format!(
                    "file is not valid UTF-8 (invalid byte at offset {valid}) and declares no supported encoding"
                ))
            }
        }
    }
}

/// The dotted module name of a Python file, from the `__init__.py` files above it.
pub fn module_name(path: &Path, is_package_dir: &dyn Fn(&Path) -> bool) -> (String, bool) {
    let is_package = path.file_name().is_some_and(|n| n == "__init__.py");
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut parts: Vec<String> = if is_package { Vec::new() } else { vec![stem] };
    let mut dir = path.parent();
    while let Some(d) = dir {
        if !is_package_dir(d) {
            break;
        }
        let Some(name) = d.file_name() else { break };
        parts.push(name.to_string_lossy().into_owned());
        dir = d.parent();
    }
    parts.reverse();
    (parts.join("."), is_package)
}

fn parse_module(
    source: SourceFile,
    (name, is_package): (String, bool),
) -> (Module, Vec<Diagnostic>) {
    let parsed = ruff_python_parser::parse_unchecked_source(&source.text, PySourceType::Python);
    let mut diagnostics = Vec::new();
    if let Some(err) = parsed.errors().first() {
        let position = source.line_col(err.location.start().to_u32());
        let more = parsed.errors().len() - 1;
        let suffix = if more > 0 {
            format!(
                " (and {more} more syntax error{})",
                if more == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::InvalidSyntax,
            path: source.display.clone(),
            message: format!("{}{suffix}", err.error),
            position: Some(position),
        });
    }
    let mut comments = Vec::new();
    let mut prev_end: Option<u32> = None;
    let mut shape = dismantle::Shape::default();
    for token in parsed.tokens() {
        shape.token(token.kind());
        match token.kind() {
            TokenKind::Comment => {
                let start = token.start().to_u32();
                let span = Span::new(start, token.end().to_u32());
                let line = source.line_of(start);
                comments.push(Comment {
                    span,
                    line,
                    // Multi-line tokens (strings) end on a later line than they start.
                    trailing: prev_end.is_some_and(|e| source.line_of(e) == line),
                });
            }
            TokenKind::NonLogicalNewline
            | TokenKind::Newline
            | TokenKind::Indent
            | TokenKind::Dedent => {}
            _ => prev_end = Some(token.end().to_u32()),
        }
    }
    let lowered = lower::lower_module(parsed.syntax());
    if shape.is_shallow() {
        drop(parsed);
    } else {
        dismantle::drop_module(parsed.into_syntax());
    }
    if let Some(span) = lowered.truncated_at {
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::TooDeeplyNested,
            path: source.display.clone(),
            message: format!(
                "code nested more than {} levels deep; the deeper parts were not analysed",
                lower::MAX_DEPTH
            ),
            position: Some(source.line_col(span.start)),
        });
    }
    let module = Module {
        id: ModuleId(0),
        name,
        is_package,
        source,
        body: lowered.body,
        functions: lowered.functions,
        classes: lowered.classes,
        comments,
        calls: lowered.calls,
    };
    (module, diagnostics)
}
