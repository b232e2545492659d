//! Splitting a large project into parts that are analysed one after another, so that the
//! syntax trees and indexes of only one part are in memory at a time.
//!
//! Python code in one module can see another module only by naming it: an `import`, a
//! `from … import`, or a string that `importlib`, `__import__` or `config.from_object`
//! turns into a module. A lexical scan of every file (much cheaper than parsing it) finds
//! the first names it can reach that way; modules are grouped by the first component of
//! their dotted names (and of their namespace-package names), and groups joined by such a
//! reference are one component. Components that never reach the web framework (no name the
//! caller's `is_framework` accepts) cannot hold an app, a route, a request read or a template render,
//! so they need neither each other nor the project's text files: they are packed into
//! parts of their own. Everything else — every component that touches the framework,
//! every text file, every file that could not be read — is the first part, analysed
//! together as before.
//!
//! The scan over-approximates (a `yield from x` or a string `"x.y"` counts as naming `x`):
//! a wrong reference can only join parts, never split what belongs together. Projects
//! smaller than the part budget are one part.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::discover::{self, DiscoverOptions, DiscoveredFile, FileKind};
use crate::{Diagnostic, DiagnosticKind, Project, display_path, module_name, semantic};

/// Below this much source (bytes), a project is never split.
pub const DEFAULT_MIN_PART_BYTES: u64 = 8 * 1024 * 1024;

/// Projects are split into at most about this many parts (fewer when one component is
/// larger than the share): each part costs a pass of every rule.
const TARGET_PARTS: u64 = 4;

/// The folders that are packages (they hold an `__init__.py`): module names are derived
/// without asking the file system again for every file.
#[derive(Debug, Default)]
pub(crate) struct Packages(FxHashSet<PathBuf>);

impl Packages {
    pub(crate) fn of(files: &[DiscoveredFile]) -> Self {
        Self(
            files
                .iter()
                .filter(|f| f.path.file_name().is_some_and(|n| n == "__init__.py"))
                .filter_map(|f| f.path.parent().map(Path::to_path_buf))
                .collect(),
        )
    }

    /// The dotted name of a Python file and whether it is a package's `__init__.py`.
    pub(crate) fn module_name(&self, file: &DiscoveredFile) -> (String, bool) {
        let is_package_dir =
            |d: &Path| self.0.contains(d) || (file.explicit && d.join("__init__.py").is_file());
        module_name(&file.path, &is_package_dir)
    }
}

/// A project's files, split into parts that can be analysed one by one.
#[derive(Debug)]
pub struct Plan {
    /// The files of each part, in path order. The first part holds the text files.
    pub parts: Vec<Vec<DiscoveredFile>>,
    /// The texts the scan read, by part and file, until the part is loaded: a file is
    /// read once (`None`: read when the part loads).
    texts: std::sync::Mutex<Vec<Vec<Option<String>>>>,
    walk_errors: Vec<Diagnostic>,
    packages: Packages,
}

impl Plan {
    /// Discovers the files under `roots` and splits them. `is_framework` tells the
    /// top-level names of the libraries whose code makes a module part of a web app
    /// (`flask`, `werkzeug`, …); projects with less than twice `min_part_bytes` of source
    /// are one part.
    pub fn new(
        roots: &[PathBuf],
        options: &DiscoverOptions,
        is_framework: &(dyn Fn(&str) -> bool + Sync),
        min_part_bytes: u64,
    ) -> Plan {
        let (files, errors) = discover::discover(roots, options);
        let walk_errors = errors
            .into_iter()
            .map(|err| Diagnostic {
                kind: DiagnosticKind::UnreadableFile,
                path: err.path.map_or_else(String::new, |p| display_path(&p)),
                message: err.message,
                position: None,
            })
            .collect();
        let packages = Packages::of(&files);
        let (parts, texts) = split(files, &packages, is_framework, min_part_bytes);
        Plan {
            parts,
            texts: std::sync::Mutex::new(texts),
            walk_errors,
            packages,
        }
    }

    /// Reads and parses the files of part `i` (the first part also carries the errors of
    /// walking the roots).
    pub fn load(&self, i: usize) -> Project {
        let texts = self
            .texts
            .lock()
            .ok()
            .and_then(|mut t| t.get_mut(i).map(std::mem::take))
            .unwrap_or_default();
        let mut project = Project::from_files_in(self.parts[i].clone(), texts, &self.packages);
        if i == 0 {
            project.diagnostics.extend(self.walk_errors.iter().cloned());
        }
        project
            .diagnostics
            .sort_by(|a, b| a.path.cmp(&b.path).then(a.kind.cmp(&b.kind)));
        project
    }
}

/// What the scan of one file found.
struct Scanned {
    /// Source size in bytes.
    size: u64,
    /// The first names the file can reach; `None` when it could not be read (it goes with
    /// the first part, where reading it again reports why).
    roots: Option<Vec<String>>,
    /// The text, kept for the part's loading.
    text: Option<String>,
}

/// The files of each part, and the texts read for the scan, file by file.
type Parts = (Vec<Vec<DiscoveredFile>>, Vec<Vec<Option<String>>>);

fn split(
    files: Vec<DiscoveredFile>,
    packages: &Packages,
    is_framework: &(dyn Fn(&str) -> bool + Sync),
    min_part_bytes: u64,
) -> Parts {
    // Python files are read here (their texts are kept for the part's loading), and their
    // sizes come with them; the other files are only looked at.
    let read: Vec<(u64, Option<String>)> = files
        .par_iter()
        .map(|f| {
            if f.kind == FileKind::Python
                && let Ok((text, size)) = crate::read_text_sized(&f.path)
            {
                return (size, Some(text));
            }
            (std::fs::metadata(&f.path).map_or(0, |m| m.len()), None)
        })
        .collect();
    let total: u64 = read.iter().map(|(size, _)| size).sum();
    if total < min_part_bytes.saturating_mul(2) {
        let texts = read.into_iter().map(|(_, text)| text).collect();
        return (vec![files], vec![texts]);
    }
    // Groups: the modules whose dotted names start with the same first name (a package
    // and its submodules, which reach each other by relative imports). A first name
    // reaches every group with a module it names, by its dotted name or by a
    // namespace-package name (`reports.helpers` for `reports/helpers.py`).
    let mut groups = UnionFind::default();
    let mut group_of_name: FxHashMap<String, usize> = FxHashMap::default();
    let mut reach: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut module_group: Vec<Option<usize>> = vec![None; files.len()];
    for (i, file) in files.iter().enumerate() {
        if file.kind != FileKind::Python {
            continue;
        }
        let (name, is_package) = packages.module_name(file);
        let first = |full: &str| full.split('.').next().unwrap_or(full).to_string();
        let own = *group_of_name
            .entry(first(&name))
            .or_insert_with(|| groups.add());
        module_group[i] = Some(own);
        let aliases = semantic::namespace_aliases(&file.path, &name, is_package);
        for full in std::iter::once(&name).chain(&aliases) {
            let reached = reach.entry(first(full)).or_default();
            if !reached.contains(&own) {
                reached.push(own);
            }
        }
    }
    let scanned: Vec<Scanned> = files
        .par_iter()
        .zip(read)
        .map(|(file, (size, text))| {
            if file.kind != FileKind::Python {
                return Scanned {
                    size,
                    roots: Some(Vec::new()),
                    text: None,
                };
            }
            let roots = text.as_deref().map(|text| {
                let mut roots: Vec<String> = referenced_roots(text)
                    .into_iter()
                    .filter(|r| reach.contains_key(*r) || is_framework(r))
                    .map(str::to_string)
                    .collect();
                roots.sort_unstable();
                roots.dedup();
                roots
            });
            Scanned { size, roots, text }
        })
        .collect();
    // The framework, texts and unreadable files: one extra node everything of the first
    // part is joined to.
    let main = groups.add();
    for (i, scan) in scanned.iter().enumerate() {
        let Some(own) = module_group[i] else {
            continue;
        };
        match &scan.roots {
            None => groups.union(own, main),
            Some(roots) => {
                for root in roots {
                    if is_framework(root) {
                        groups.union(own, main);
                    }
                    for &g in reach.get(root).into_iter().flatten() {
                        groups.union(own, g);
                    }
                }
            }
        }
    }
    // Component sizes, then first-fit decreasing into parts of a common capacity.
    let component_of = |i: usize| groups.find(module_group[i].unwrap_or(main));
    let main_root = groups.find(main);
    let mut size_of: FxHashMap<usize, u64> = FxHashMap::default();
    for (i, scan) in scanned.iter().enumerate() {
        *size_of.entry(component_of(i)).or_default() += scan.size;
    }
    let largest = size_of.values().copied().max().unwrap_or(0);
    let capacity = largest.max(total / TARGET_PARTS).max(min_part_bytes);
    let mut components: Vec<(usize, u64)> = size_of.into_iter().collect();
    // The first part first, then larger before smaller; ties by id, for a stable plan.
    components.sort_by_key(|&(c, size)| (c != main_root, std::cmp::Reverse(size), c));
    let mut loads: Vec<u64> = Vec::new();
    let mut part_of: FxHashMap<usize, usize> = FxHashMap::default();
    for (c, size) in components {
        let part = if c == main_root {
            None
        } else {
            loads.iter().position(|&load| load + size <= capacity)
        };
        let part = part.unwrap_or_else(|| {
            loads.push(0);
            loads.len() - 1
        });
        loads[part] += size;
        part_of.insert(c, part);
    }
    let mut parts: Vec<(Vec<DiscoveredFile>, Vec<Option<String>>)> =
        vec![(Vec::new(), Vec::new()); loads.len().max(1)];
    let texts = scanned.into_iter().map(|s| s.text);
    for (i, (file, text)) in files.into_iter().zip(texts).enumerate() {
        let part = &mut parts[part_of[&component_of(i)]];
        part.0.push(file);
        part.1.push(text);
    }
    parts.retain(|p| !p.0.is_empty());
    if parts.is_empty() {
        parts.push((Vec::new(), Vec::new()));
    }
    parts.into_iter().unzip()
}

#[derive(Default)]
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn add(&mut self) -> usize {
        self.parent.push(self.parent.len());
        self.parent.len() - 1
    }

    fn find(&self, mut x: usize) -> usize {
        while self.parent[x] != x {
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller id is the root: plans do not depend on the order of unions.
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.parent[child] = root;
        }
    }
}

/// The first names a Python text can reach: the first component of every absolute
/// `import a.b` / `from a.b import …`, and of every string literal that starts with a
/// dotted name (`"pkg.mod"`, `"plugins.{name}"`). Comments and the rest of strings are
/// skipped; anything the scan cannot tell apart counts as a name.
pub fn referenced_roots(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Outside an import statement only comments, strings and the two keywords matter:
    // each is found with a vectorised search, and the nearest one is handled first.
    let import = memchr::memmem::Finder::new("import");
    let from = memchr::memmem::Finder::new("from");
    let keyword = |at: usize| -> Option<usize> {
        let mut at = at;
        loop {
            let rest = b.get(at..)?;
            let hit = match (import.find(rest), from.find(rest)) {
                (Some(x), Some(y)) => x.min(y),
                (x, y) => x.or(y)?,
            };
            let start = at + hit;
            let len = if b[start] == b'i' { 6 } else { 4 };
            let before = start.checked_sub(1).map(|p| b[p]);
            let after = b.get(start + len).copied();
            if !before.is_some_and(|c| IDENTIFIER[usize::from(c)])
                && !after.is_some_and(|c| IDENTIFIER[usize::from(c)])
            {
                return Some(start);
            }
            at = start + 1;
        }
    };
    let special = |at: usize| {
        b.get(at..)
            .and_then(|rest| memchr::memchr3(b'#', b'\'', b'"', rest))
            .map(|n| at + n)
    };
    let mut i = 0;
    let mut next_keyword = keyword(0);
    let mut next_special = special(0);
    loop {
        if next_keyword.is_some_and(|k| k < i) {
            next_keyword = keyword(i);
        }
        if next_special.is_some_and(|s| s < i) {
            next_special = special(i);
        }
        match (next_keyword, next_special) {
            (Some(k), s) if s.is_none_or(|s| k < s) => i = statement(text, k, &mut out),
            (_, Some(s)) if b[s] == b'#' => {
                i = memchr::memchr(b'\n', &b[s..]).map_or(b.len(), |n| s + n);
            }
            (_, Some(s)) => i = string(text, s, &mut out),
            (_, None) => break,
        }
    }
    out
}

/// Scans the import statement whose keyword starts at `at` (`import a.b as c, d` or
/// `from a.b import …`), records the modules it names, and returns where it ends.
fn statement<'t>(text: &'t str, at: usize, out: &mut Vec<&'t str>) -> usize {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        /// After `import` or a comma in an import list: the next name is a module.
        ImportName,
        /// Inside `import a.b as c`: names are not modules until the next comma.
        ImportRest,
        /// After `from`: the next name is a module, unless a dot makes it relative.
        FromName,
        FromRest,
    }
    let b = text.as_bytes();
    let (mut state, mut i) = if b[at] == b'i' {
        (State::ImportName, at + 6)
    } else {
        (State::FromName, at + 4)
    };
    let mut depth = 0u32;
    while i < b.len() {
        let c = b[i];
        match c {
            // The statement ends at a comment.
            b'#' => return i,
            // A line continuation (or a stray backslash): the next byte is not a newline.
            b'\\' => {
                i += 2;
                continue;
            }
            b'\n' if depth == 0 => return i,
            b';' => return i + 1,
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if state == State::ImportRest => state = State::ImportName,
            b'.' if state == State::FromName => state = State::FromRest,
            b'\'' | b'"' => {
                i = string(text, i, out);
                continue;
            }
            c if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => {
                let start = i;
                i = skip(b, i, &IDENTIFIER);
                let Some(word) = text.get(start..i) else {
                    continue;
                };
                if i < b.len() && (b[i] == b'\'' || b[i] == b'"') && is_string_prefix(word) {
                    i = string(text, i, out);
                    continue;
                }
                state = match (word, state) {
                    // `from a import …`: what follows names no module.
                    ("import", State::FromName | State::FromRest) => return i,
                    ("import", _) => State::ImportName,
                    ("from", _) => State::FromName,
                    (_, State::ImportName) => {
                        out.push(word);
                        State::ImportRest
                    }
                    (_, State::FromName) => {
                        out.push(word);
                        State::FromRest
                    }
                    (_, s) => s,
                };
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// The first index at or after `i` whose byte `table` does not hold (or the end).
fn skip(b: &[u8], i: usize, table: &[bool; 256]) -> usize {
    b[i..]
        .iter()
        .position(|&c| !table[usize::from(c)])
        .map_or(b.len(), |n| i + n)
}

/// The bytes that continue an identifier (non-ASCII bytes count: UTF-8 identifiers).
static IDENTIFIER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80;
        b += 1;
    }
    table
};

/// Skips the string literal whose opening quote is at `at`; records its leading dotted
/// name. Returns the index after it (or of the newline that ends an unterminated one).
fn string<'t>(text: &'t str, at: usize, out: &mut Vec<&'t str>) -> usize {
    let b = text.as_bytes();
    let q = b[at];
    let triple = b.get(at + 1) == Some(&q) && b.get(at + 2) == Some(&q);
    let open = if triple { 3 } else { 1 };
    let mut j = at + open;
    let end = loop {
        // Straight to the next byte that can matter.
        let next = if triple {
            memchr::memchr2(q, b'\\', b.get(j..).unwrap_or_default())
        } else {
            memchr::memchr3(q, b'\\', b'\n', b.get(j..).unwrap_or_default())
        };
        let Some(n) = next else { break b.len() };
        j += n;
        match b[j] {
            b'\\' => j += 2,
            b'\n' => break j,
            _ if !triple || (b.get(j + 1) == Some(&q) && b.get(j + 2) == Some(&q)) => break j,
            _ => j += 1,
        }
    };
    let content = text.get(at + open..end.min(b.len())).unwrap_or("");
    let lead = content
        .find(|c: char| !(c == '_' || c.is_alphanumeric()))
        .map_or(content, |n| &content[..n]);
    let follows = content[lead.len()..].chars().next();
    if !lead.is_empty() && semantic::is_identifier(lead) && matches!(follows, None | Some('.')) {
        out.push(lead);
    }
    if end >= b.len() {
        b.len()
    } else if b[end] == b'\n' {
        end
    } else {
        end + open
    }
}

/// `r`, `b`, `f`, `u`, `t` and their two-letter combinations, in either case.
fn is_string_prefix(word: &str) -> bool {
    word.len() <= 2
        && word
            .bytes()
            .all(|c| matches!(c.to_ascii_lowercase(), b'r' | b'b' | b'f' | b'u' | b't'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_and_module_strings_are_names_comments_and_prose_are_not() {
        let text = r#"
import os, app.views as v, \
    json
from pkg.sub import (a,
    b)
from . import local
from ..up import thing
# import commented
x = "import quoted"
importlib.import_module("plugins.auth")
load(f"handlers.{name}")
msg = 'Hello world'
doc = """
import inside_docstring
"""
if y: import inline; import second
raise Err from cause
"#;
        let roots = referenced_roots(text);
        for expected in [
            "os", "app", "json", "pkg", "plugins", "handlers", "inline", "second", "cause",
        ] {
            assert!(
                roots.contains(&expected),
                "{expected} missing from {roots:?}"
            );
        }
        for absent in [
            "a",
            "b",
            "local",
            "up",
            "thing",
            "commented",
            "quoted",
            "Hello",
            "inside_docstring",
            "v",
        ] {
            assert!(!roots.contains(&absent), "{absent} in {roots:?}");
        }
    }

    #[test]
    fn the_scan_survives_unterminated_and_odd_text() {
        for text in [
            "'abc",
            "\"\"\"never closed",
            "x = \\",
            "f'{",
            "é = 1\nimport ü",
            "\\",
        ] {
            let _ = referenced_roots(text);
        }
        assert_eq!(referenced_roots("é = 1\nimport ü"), vec!["ü"]);
    }
}
