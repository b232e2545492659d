//! Facts about the outside world that the static rules and the probe share.

/// Secret keys from framework docs, tutorials, templates and products: what attackers try
/// first against a session cookie or a JWT, and what the static rules call placeholders.
pub const WEAK_SECRETS: &[&str] = &[
    "changeme",
    "change-me",
    "change_me",
    "CHANGEME",
    "CHANGE_ME",
    "secret",
    "Secret",
    "SECRET",
    "secret-key",
    "secret_key",
    "SECRET_KEY",
    "secretkey",
    "mysecret",
    "my-secret",
    "my_secret",
    "mysecretkey",
    "my-secret-key",
    "my_secret_key",
    "supersecret",
    "super-secret",
    "super_secret",
    "supersecretkey",
    "super-secret-key",
    "super_secret_key",
    "topsecret",
    "s3cr3t",
    "s3cret",
    "dev",
    "development",
    "development key",
    "dev-key",
    "dev_key",
    "devkey",
    "default",
    "default-secret",
    "test",
    "testing",
    "test-secret",
    "flask",
    "Flask",
    "flask-secret",
    "flask_secret",
    "flask-secret-key",
    "flaskr",
    "password",
    "passw0rd",
    "admin",
    "key",
    "Key",
    "123456",
    "12345678",
    "1234567890",
    "qwerty",
    "abc123",
    "letmein",
    "you-will-never-guess",
    "hard to guess string",
    "hard-to-guess-string",
    "this-really-needs-to-be-changed",
    "my_precious",
    "my precious",
    "not-so-secret",
    "notsecret",
    "not-a-secret",
    "insecure",
    "insecure-secret",
    "keep-it-secret",
    "keepitsecret",
    "thisisasecret",
    "this-is-a-secret",
    "thisismysecretkey",
    "thisisthesecretkey",
    "your-secret-key",
    "your_secret_key",
    "yoursecretkey",
    "YOUR_SECRET_KEY",
    "your-secret-key-here",
    "put-your-secret-key-here",
    "replace-me",
    "replace_me",
    "REPLACE_ME",
    "todo",
    "TODO",
    "xxx",
    "xxxx",
    "a_random_secret_key",
    "random",
    "random-secret",
    "verysecret",
    "very-secret",
    "very_secret",
    "secret123",
    "secret1234",
    "Secret123",
    "s3cr3t_k3y",
    "\u{2}\u{1}thisismyscretkey\u{1}\u{2}\\e\\y\\y\\h",
    "CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET",
    "TEST_NON_DEV_SECRET",
    "temporary key",
    "Don't tell anyone",
    "cookie-secret",
    "session-secret",
    "app-secret",
    "appsecret",
    "app_secret",
    "example",
    "foo",
    "bar",
    "foobar",
    "hello",
    "helloworld",
    "hello-world",
    "changethis",
    "change-this",
    "change-this-key",
    "please-change",
    "replaceme",
    "pass",
    "notasecret",
    "dev-secret",
    "devsecret",
    "a secret",
    "\\xd5\\xfb\\x8a\\x86\\x9b\\x91\\xaf",
];

/// A credential format of a well-known service, recognised by its prefix.
#[derive(Debug)]
pub struct TokenFormat {
    /// What it is, with its article: `a GitHub token`.
    pub what: &'static str,
    pub prefixes: &'static [&'static str],
    pub shape: TokenShape,
}

/// What follows the prefix.
#[derive(Debug, Clone, Copy)]
pub enum TokenShape {
    /// At least this many letters, digits, `_` or `-`.
    Tail(usize),
    /// Exactly this many upper-case letters or digits (AWS key ids).
    Upper(usize),
    /// Base64url in three dot-separated parts, at least this long in all (SendGrid keys).
    Dotted(usize),
}

/// Tokens of well-known services: what the static rules report as hard-coded and the
/// probe as leaked in a response.
pub static TOKEN_FORMATS: &[TokenFormat] = &[
    TokenFormat {
        what: "a Stripe live secret key",
        prefixes: &["sk_live_", "rk_live_"],
        shape: TokenShape::Tail(16),
    },
    TokenFormat {
        what: "a GitHub token",
        prefixes: &["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
        shape: TokenShape::Tail(30),
    },
    TokenFormat {
        what: "a GitLab token",
        prefixes: &["glpat-"],
        shape: TokenShape::Tail(20),
    },
    TokenFormat {
        what: "a Slack token",
        prefixes: &["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"],
        shape: TokenShape::Tail(10),
    },
    TokenFormat {
        what: "an AWS access key ID",
        prefixes: &["AKIA", "ASIA"],
        shape: TokenShape::Upper(16),
    },
    TokenFormat {
        what: "a Google API key",
        prefixes: &["AIza"],
        shape: TokenShape::Tail(35),
    },
    TokenFormat {
        what: "a SendGrid API key",
        prefixes: &["SG."],
        shape: TokenShape::Dotted(60),
    },
];

/// The first bytes of the prefixes of [`TOKEN_FORMATS`].
static PREFIX_FIRST_BYTES: [bool; 256] = {
    let mut set = [false; 256];
    let mut f = 0;
    while f < TOKEN_FORMATS.len() {
        let prefixes = TOKEN_FORMATS[f].prefixes;
        let mut p = 0;
        while p < prefixes.len() {
            set[prefixes[p].as_bytes()[0] as usize] = true;
            p += 1;
        }
        f += 1;
    }
    set
};

/// The token of a [`TOKEN_FORMATS`] format that `text` starts with: its format and length.
pub fn token_at(text: &str) -> Option<(&'static TokenFormat, usize)> {
    // Asked of every string literal and response: most start with no prefix's first byte.
    if !text
        .as_bytes()
        .first()
        .is_some_and(|&b| PREFIX_FIRST_BYTES[b as usize])
    {
        return None;
    }
    let is_tail = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-');
    for format in TOKEN_FORMATS {
        for prefix in format.prefixes {
            let Some(rest) = text.strip_prefix(prefix) else {
                continue;
            };
            let len = match format.shape {
                TokenShape::Tail(min) => {
                    let n = rest.find(|c| !is_tail(c)).unwrap_or(rest.len());
                    (n >= min).then_some(n)
                }
                TokenShape::Upper(exact) => {
                    let n = rest
                        .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit()))
                        .unwrap_or(rest.len());
                    (n == exact && !rest[n..].starts_with(is_tail)).then_some(n)
                }
                TokenShape::Dotted(min) => {
                    let n = rest
                        .find(|c: char| !(is_tail(c) || c == '.'))
                        .unwrap_or(rest.len());
                    (prefix.len() + n >= min && rest[..n].matches('.').count() == 1).then_some(n)
                }
            };
            if let Some(n) = len {
                return Some((format, prefix.len() + n));
            }
        }
    }
    None
}

/// Whether `line` opens a PEM private key (`-----BEGIN RSA PRIVATE KEY-----`).
pub fn is_private_key_header(line: &str) -> bool {
    line.starts_with("-----BEGIN") && line.contains("PRIVATE KEY-----")
}

#[cfg(test)]
mod tests {
    use super::token_at;

    #[test]
    fn token_formats() {
        let what = |s: &str| token_at(s).map(|(f, n)| (f.what, n));
        assert_eq!(
            what("AKIAIOSFODNN7EXAMPLE"),
            Some(("an AWS access key ID", 20))
        );
        assert_eq!(what("AKIAIOSFODNN7EXAMPLEX"), None);
        assert_eq!(
            what("ghp_0123456789abcdefghijklmnopqrstuvwxyz"),
            Some(("a GitHub token", 40))
        );
        assert_eq!(what("ghp_short"), None);
        assert_eq!(
            what("sk_live_4eC39HqLyjWDarjtT1zdp7dc rest"),
            Some(("a Stripe live secret key", 32))
        );
        let sendgrid = format!("SG.{}.{}", "a".repeat(22), "b".repeat(43));
        assert_eq!(
            what(&sendgrid),
            Some(("a SendGrid API key", sendgrid.len()))
        );
        assert_eq!(what("SG.short.key"), None);
    }
}
