//! What a regular-expression check — or a character removed or rejected — proves about
//! the text that gets through.
//!
//! `if re.fullmatch(r"[a-z0-9-]{1,32}", host):` makes `host` harmless for a shell, an SQL
//! literal or an HTML page, because no character that could escape those contexts can be
//! in it. An unanchored `re.match(r"[a-z]+", host)` proves nothing about what follows the
//! first letters, and `.` lets anything through. The check is judged by the characters
//! the pattern can accept, never by the fact that a regular expression was used.

use crate::spec::Class;

/// How the pattern is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Method {
    /// `re.fullmatch`, `pattern.fullmatch`: the whole string.
    FullMatch,
    /// `re.match`: anchored at the start only.
    Match,
    /// `re.search`: anchored nowhere unless the pattern says so.
    Search,
}

impl Method {
    pub(crate) fn from_name(name: &str) -> Option<Method> {
        match name {
            "fullmatch" => Some(Method::FullMatch),
            "match" => Some(Method::Match),
            "search" => Some(Method::Search),
            _ => None,
        }
    }
}

/// The characters a pattern can accept: ASCII exactly, anything else as one flag.
struct CharSet {
    ascii: [bool; 128],
    non_ascii: bool,
    any: bool,
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet {
            ascii: [false; 128],
            non_ascii: false,
            any: false,
        }
    }
}

impl CharSet {
    fn add(&mut self, c: char) {
        match u8::try_from(c) {
            Ok(b) if b < 128 => self.ascii[b as usize] = true,
            _ => self.non_ascii = true,
        }
    }

    fn add_range(&mut self, lo: char, hi: char) {
        for c in lo..=hi {
            if !c.is_ascii() {
                self.non_ascii = true;
                break;
            }
            self.add(c);
        }
    }

    fn add_escape_class(&mut self, e: char) -> bool {
        match e {
            'd' => self.add_range('0', '9'),
            'w' => {
                self.add_range('a', 'z');
                self.add_range('A', 'Z');
                self.add_range('0', '9');
                self.add('_');
                // Unicode letters and digits: never a metacharacter of any sink here.
                self.non_ascii = true;
            }
            's' => {
                for c in [' ', '\t', '\n', '\r', '\u{b}', '\u{c}'] {
                    self.add(c);
                }
            }
            // Negated classes accept (nearly) everything.
            'D' | 'W' | 'S' => self.any = true,
            _ => return false,
        }
        true
    }

    fn has_any_of(&self, chars: &str) -> bool {
        self.any || chars.chars().any(|c| self.ascii[c as usize])
    }

    /// Whether every accepted ASCII character is in `allowed` (letters and digits always
    /// are). Non-ASCII letters are allowed: no sink treats them specially.
    fn only(&self, allowed: &str) -> bool {
        !self.any
            && (0u8..128).all(|b| {
                !self.ascii[b as usize]
                    || b.is_ascii_alphanumeric()
                    || allowed.as_bytes().contains(&b)
            })
    }

    fn has_letters(&self) -> bool {
        self.any
            || self.non_ascii
            || (0u8..128).any(|b| self.ascii[b as usize] && b.is_ascii_alphabetic())
    }

    fn only_digits(&self) -> bool {
        !self.any
            && !self.non_ascii
            && (0u8..128).all(|b| !self.ascii[b as usize] || b.is_ascii_digit())
    }
}

/// The pattern's accepted characters and whether it is anchored at both ends, or `None`
/// when it cannot be read (an unbalanced class, a look-around, a back-reference).
fn analyse(pattern: &str, method: Method) -> Option<Analysis> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut set = CharSet::default();
    let mut i = 0;
    let mut depth = 0u32;
    let mut top_level_alternation = false;
    let mut starts_anchored = matches!(method, Method::FullMatch | Method::Match);
    let mut ends_anchored = method == Method::FullMatch;
    // A `$` end anchor (not `\Z`) also accepts one trailing newline.
    let mut dollar_end = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                let e = *chars.get(i + 1)?;
                i += 2;
                match e {
                    'A' if i == 2 => starts_anchored = true,
                    'Z' | 'z' if i == chars.len() => ends_anchored = true,
                    'b' | 'B' => {}
                    'n' => set.add('\n'),
                    't' => set.add('\t'),
                    'r' => set.add('\r'),
                    '1'..='9' => return None,
                    _ if set.add_escape_class(e) => {}
                    _ if e.is_ascii_alphanumeric() => set.any = true,
                    _ => set.add(e),
                }
                continue;
            }
            '[' => {
                i = class(&chars, i + 1, &mut set)?;
                continue;
            }
            '(' => {
                depth += 1;
                if chars.get(i + 1) == Some(&'?') {
                    match chars.get(i + 2) {
                        Some(':') => i += 3,
                        Some('P') if chars.get(i + 3) == Some(&'<') => {
                            i = i + 4 + chars[i + 4..].iter().position(|&c| c == '>')? + 1;
                        }
                        // Flags, look-arounds, conditionals: not read.
                        _ => return None,
                    }
                    continue;
                }
            }
            ')' => depth = depth.checked_sub(1)?,
            '|' if depth == 0 => top_level_alternation = true,
            '^' if i == 0 => starts_anchored = true,
            '$' if i + 1 == chars.len() => {
                ends_anchored = true;
                dollar_end = method != Method::FullMatch;
            }
            '.' => set.any = true,
            '*' | '+' | '?' => {}
            '{' => {
                // A repetition count, or a literal brace.
                let close = chars[i..].iter().position(|&c| c == '}');
                match close {
                    Some(n)
                        if chars[i + 1..i + n]
                            .iter()
                            .all(|c| c.is_ascii_digit() || *c == ',') =>
                    {
                        i += n + 1;
                        continue;
                    }
                    _ => set.add('{'),
                }
            }
            _ => set.add(c),
        }
        i += 1;
    }
    // `^a|b$`: each branch is anchored at one end only.
    let split = top_level_alternation && method != Method::FullMatch;
    Some(Analysis {
        set,
        anchored: starts_anchored && ends_anchored && !split,
        trailing_newline: dollar_end,
    })
}

struct Analysis {
    set: CharSet,
    anchored: bool,
    /// A `$` anchor also accepts one newline at the very end: nothing can follow it, so
    /// only line-oriented sinks (headers, logs) care.
    trailing_newline: bool,
}

/// Reads a `[...]` class starting after `[`; returns the index after `]`.
fn class(chars: &[char], mut i: usize, set: &mut CharSet) -> Option<usize> {
    if chars.get(i) == Some(&'^') {
        // A negated class accepts every character but a few.
        set.any = true;
        i += 1;
    }
    let mut first = true;
    let mut prev: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        if c == ']' && !first {
            return Some(i + 1);
        }
        first = false;
        let escaped = c == '\\';
        let lit = if escaped {
            let e = *chars.get(i + 1)?;
            i += 2;
            match e {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                _ if set.add_escape_class(e) => {
                    prev = None;
                    continue;
                }
                _ => e,
            }
        } else {
            i += 1;
            c
        };
        if lit == '-'
            && !escaped
            && let Some(lo) = prev
            && let Some(&hi) = chars.get(i)
            && hi != ']'
        {
            let hi = if hi == '\\' {
                i += 1;
                *chars.get(i)?
            } else {
                hi
            };
            i += 1;
            if lo > hi {
                return None;
            }
            set.add_range(lo, hi);
            prev = None;
            continue;
        }
        set.add(lit);
        prev = Some(lit);
    }
    None
}

/// The classes of sink for which every string the check accepts is harmless (a bit mask of
/// [`Class::bit`]); 0 when it proves nothing.
pub(crate) fn safe_mask(pattern: &str, method: Method) -> u32 {
    let Some(Analysis {
        set,
        anchored,
        trailing_newline,
    }) = analyse(pattern, method)
    else {
        return 0;
    };
    if !anchored || set.any {
        return 0;
    }
    let mut mask = Class::Trust.bit();
    let mut allow = |class: Class, ok: bool| {
        if ok {
            mask |= class.bit();
        }
    };
    allow(Class::Sql, set.only("_.@:,+-"));
    allow(Class::Command, set.only("_.@:,+=%/-"));
    // A bare identifier, or arithmetic: no name, attribute or string can be written.
    allow(
        Class::Code,
        set.only("_") || (!set.has_letters() && !set.has_any_of("_'\"[]{}\\;:")),
    );
    allow(Class::Template, !set.has_any_of("{"));
    allow(Class::Xss, !set.has_any_of("<>\"'&`"));
    allow(Class::Path, !set.has_any_of("/\\\0"));
    allow(Class::Redirect, !set.has_any_of("/\\:"));
    allow(Class::Ssrf, set.only_digits());
    allow(Class::Xpath, !set.has_any_of("'\"[]()|"));
    allow(Class::Ldap, !set.has_any_of("*()\\&|=!<>~\0"));
    allow(Class::Log, !trailing_newline && !set.has_any_of("\r\n"));
    allow(
        Class::Header,
        !trailing_newline && !set.has_any_of("\r\n\0"),
    );
    mask | local_path_mask(pattern, method)
}

/// `/[\w./-]*`: a `/` then characters without a backslash is a path on this site, safe
/// to redirect to when no further `/` can follow (else only once `//` is ruled out: the
/// [`LOCAL_PATH`](crate::value::LOCAL_PATH) mark).
fn local_path_mask(pattern: &str, method: Method) -> u32 {
    if pattern.contains('|') {
        return 0;
    }
    let (rest, anchored_start) = if let Some(r) = pattern.strip_prefix('^') {
        (r, true)
    } else if let Some(r) = pattern.strip_prefix("\\A") {
        (r, true)
    } else {
        (pattern, matches!(method, Method::FullMatch | Method::Match))
    };
    let Some(rest) = rest.strip_prefix('/').or_else(|| rest.strip_prefix("\\/")) else {
        return 0;
    };
    // The start is anchored above; the end as the method or the pattern says.
    let end_method = if method == Method::FullMatch {
        Method::FullMatch
    } else {
        Method::Match
    };
    let Some(Analysis { set, anchored, .. }) = analyse(rest, end_method) else {
        return 0;
    };
    if !anchored_start || !anchored || set.any || set.has_any_of("\\") {
        return 0;
    }
    if set.has_any_of("/") {
        crate::value::LOCAL_PATH
    } else {
        Class::Redirect.bit() | crate::value::LOCAL_PATH
    }
}

/// What text that cannot contain `c` is safe for: Jinja template source without `{` (no
/// delimiter can open); without `'`, a mark that makes it safe once it is placed inside a
/// single-quoted SQL or XPath literal (and nowhere else).
pub(crate) fn absent_char_mask(c: char) -> u32 {
    match c {
        '\'' => crate::value::NO_SQUOTE,
        '{' => Class::Template.bit(),
        // No `/`: one path segment, which cannot be absolute (POSIX paths).
        '/' => crate::value::ONE_SEGMENT | crate::value::NOT_ABSOLUTE,
        // No `.`: no `..` component.
        '.' => crate::value::NO_DOTDOT,
        _ => 0,
    }
}

/// The classes made safe once every character of `chars` is gone.
pub(crate) fn absent_chars_mask(chars: impl IntoIterator<Item = char>) -> u32 {
    chars.into_iter().fold(0, |m, c| m | absent_char_mask(c))
}

/// What the result of `re.sub(pattern, repl, s)` is safe for when `pattern` is one
/// negated character class (`[^a-z0-9_-]+`): it keeps only the class's characters and
/// those of `repl`, as if a full match of both had accepted it. `None` for any other
/// pattern.
pub(crate) fn kept_by_negated_class(pattern: &str, repl: &str) -> Option<u32> {
    let inner = pattern.strip_prefix("[^")?;
    let kept = [
        "[",
        inner.strip_suffix('+').unwrap_or(inner).strip_suffix(']')?,
        "]*",
    ]
    .concat();
    // (The class must be the whole pattern: `[^a]b` keeps more than `[^a]` says.)
    let mut set = CharSet::default();
    let end = class(&pattern.chars().collect::<Vec<_>>(), 1, &mut set)?;
    let whole = pattern.chars().count();
    if end != whole && !(end + 1 == whole && pattern.ends_with('+')) {
        return None;
    }
    let mut mask = safe_mask(&kept, Method::FullMatch);
    if !repl.is_empty() {
        let escaped: String = repl
            .chars()
            .flat_map(|c| {
                let esc = (!c.is_alphanumeric()).then_some('\\');
                esc.into_iter().chain(std::iter::once(c))
            })
            .collect();
        mask &= safe_mask(&["[", &escaped, "]*"].concat(), Method::FullMatch);
    }
    Some(mask)
}

/// The characters a `re.sub(pattern, "", s)` with a single character class removes
/// (`[{}%#]`, `[^a-z]` is not read), or `None`.
pub(crate) fn removed_by_class(pattern: &str) -> Option<Vec<char>> {
    let inner = pattern.strip_prefix('[')?.strip_suffix(']')?;
    let inner = inner.strip_suffix('+').unwrap_or(inner);
    if inner.starts_with('^') {
        return None;
    }
    let mut set = CharSet::default();
    let end = class(&pattern.chars().collect::<Vec<_>>(), 1, &mut set)?;
    if end != pattern.chars().count() || set.any {
        return None;
    }
    Some(
        (0u8..128)
            .filter(|b| set.ascii[*b as usize])
            .map(char::from)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::{
        Class, Method, absent_char_mask, kept_by_negated_class, removed_by_class, safe_mask,
    };

    #[test]
    fn removed_characters() {
        assert_eq!(removed_by_class("[{}%#]"), Some(vec!['#', '%', '{', '}']));
        assert_eq!(removed_by_class("[^a-z]"), None);
        assert!(absent_char_mask('\'') & Class::Sql.bit() == 0);
        assert!(absent_char_mask('{') & Class::Template.bit() != 0);
        assert_eq!(absent_char_mask('<'), 0);
        assert!(absent_char_mask('/') & crate::value::ONE_SEGMENT != 0);
    }

    fn safe(pattern: &str, method: Method, class: Class) -> bool {
        safe_mask(pattern, method) & class.bit() != 0
    }

    #[test]
    fn anchored_safe_classes_sanitize() {
        assert!(safe(r"[a-z0-9-]{1,32}", Method::FullMatch, Class::Command));
        assert!(safe(r"^[A-Za-z0-9_]+\Z", Method::Match, Class::Sql));
        assert!(safe(r"[A-Z0-9]{8,20}", Method::FullMatch, Class::Xpath));
        assert!(safe(
            r"[a-z]{2}(?:-[A-Z]{2})?",
            Method::FullMatch,
            Class::Trust
        ));
        assert!(safe(r"\d+", Method::FullMatch, Class::Ssrf));
        assert!(safe(r"[\w.-]+", Method::FullMatch, Class::Path));
        assert!(safe(
            r"[0-9+\-*/ ().]{1,40}",
            Method::FullMatch,
            Class::Code
        ));
    }

    #[test]
    fn look_alikes_do_not() {
        // Unanchored at the end: anything may follow the letters.
        assert!(!safe(r"[a-z]+", Method::Match, Class::Command));
        assert!(!safe(r"^[a-z]+", Method::Search, Class::Command));
        // `.` accepts every character.
        assert!(!safe(r"^.+$", Method::Match, Class::Sql));
        // A negated class accepts quotes and semicolons.
        assert!(!safe(r"[^<>]+", Method::FullMatch, Class::Sql));
        // `$` lets one trailing newline through: a header can be split.
        assert!(!safe(r"^[a-z]+$", Method::Match, Class::Header));
        assert!(safe(r"^[a-z]+$", Method::Match, Class::Sql));
        // Each branch anchored at one end only.
        assert!(!safe(r"^abc|def$", Method::Search, Class::Sql));
        // Spaces let a command take more arguments; a slash walks directories.
        assert!(!safe(r"[a-z ]+", Method::FullMatch, Class::Command));
        assert!(!safe(r"[a-z/.]+", Method::FullMatch, Class::Path));
        // A host name is still the attacker's host.
        assert!(!safe(r"[a-z0-9.-]+", Method::FullMatch, Class::Ssrf));
        // Letters and dots reach names and attributes.
        assert!(!safe(r"[a-z0-9_.()]+", Method::FullMatch, Class::Code));
        // Look-arounds are not read.
        assert!(!safe(r"(?=x)[a-z]+", Method::FullMatch, Class::Sql));
    }

    #[test]
    fn negated_class_substitution_keeps_the_class() {
        let path = Class::Path.bit();
        assert!(kept_by_negated_class(r"[^a-z0-9_-]+", "").unwrap() & path != 0);
        assert!(kept_by_negated_class(r"[^A-Za-z0-9]", "_").unwrap() & path != 0);
        assert_eq!(
            kept_by_negated_class(r"[^a-z0-9./]+", "").unwrap() & path,
            0
        );
        assert_eq!(kept_by_negated_class(r"[^a-z]", "/").unwrap() & path, 0);
        assert_eq!(kept_by_negated_class(r"[^a-z]x", ""), None);
        assert_eq!(kept_by_negated_class(r"[a-z]+", ""), None);
    }
}
