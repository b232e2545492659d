//! Secrets never reach a report: cookie values, credentials, tokens and the secret-looking
//! values of configuration files are replaced before evidence is stored.

/// The text with secrets replaced by `<redacted>`.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&redact_line(line));
    }
    out
}

const REDACTED: &str = "<redacted>";

fn redact_line(line: &str) -> String {
    let lower = line.to_ascii_lowercase();
    // Headers that carry credentials.
    for h in ["cookie:", "set-cookie:"] {
        if lower.starts_with(h) {
            let (name, rest) = line.split_at(h.len());
            let mut parts: Vec<String> = Vec::new();
            for (j, part) in rest.split(';').enumerate() {
                let is_value = h == "cookie:" || j == 0;
                match part.split_once('=') {
                    Some((k, _)) if is_value => parts.push(format!("{k}={REDACTED}")),
                    _ => parts.push(part.to_string()),
                }
            }
            return format!("{name}{}", parts.join(";"));
        }
    }
    for h in [
        "authorization:",
        "proxy-authorization:",
        "x-api-key:",
        "x-auth-token:",
    ] {
        if lower.starts_with(h) {
            let (name, rest) = line.split_at(h.len());
            let scheme = rest.split_whitespace().next().filter(|s| {
                matches!(
                    s.to_ascii_lowercase().as_str(),
                    "basic" | "bearer" | "digest" | "token"
                )
            });
            return match scheme {
                Some(s) => format!("{name} {s} {REDACTED}"),
                None => format!("{name} {REDACTED}"),
            };
        }
    }
    let mut line = line.to_string();
    // Form bodies and query strings: `user=a&password=b`.
    if line.contains('&') && line.contains('=') && !line.contains(' ') {
        line = line
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, _)) if is_secret_name(&k.to_ascii_lowercase()) => {
                    format!("{k}={REDACTED}")
                }
                _ => pair.to_string(),
            })
            .collect::<Vec<_>>()
            .join("&");
    }
    // `KEY=value` lines of env files and `KEY = "value"` of config modules.
    if let Some(at) = line.find('=') {
        let key = line[..at]
            .trim()
            .trim_start_matches("export ")
            .to_ascii_lowercase();
        if is_secret_name(&key) && !key.contains(' ') {
            line = format!("{}={REDACTED}", &line[..at]);
        }
    }
    // `"password": "..."` in JSON.
    for name in ["password", "secret", "token", "api_key", "secret_key"] {
        let pat = format!("\"{name}\"");
        let mut from = 0;
        while let Some(pos) = line.to_ascii_lowercase()[from..].find(&pat) {
            let start = from + pos + pat.len();
            let rest = &line[start..];
            let Some(colon) = rest.find(':') else { break };
            if !rest[..colon].trim().is_empty() {
                break;
            }
            let after = &rest[colon + 1..];
            let trimmed = after.trim_start();
            if let Some(inner) = trimmed.strip_prefix('"') {
                let end = inner.find('"').unwrap_or(inner.len());
                let value_start = start + colon + 1 + (after.len() - trimmed.len()) + 1;
                line.replace_range(value_start..value_start + end, REDACTED);
                from = value_start + REDACTED.len();
            } else {
                break;
            }
        }
    }
    // Passwords in URLs: `scheme://user:password@host`.
    if let Some(scheme_end) = line.find("://") {
        let rest_start = scheme_end + 3;
        if let Some(at) = line[rest_start..].find('@') {
            let userinfo = &line[rest_start..rest_start + at];
            if let Some(colon) = userinfo.find(':')
                && !userinfo.contains('/')
            {
                let start = rest_start + colon + 1;
                line.replace_range(start..rest_start + at, REDACTED);
            }
        }
    }
    // JWTs and Flask session cookies anywhere.
    redact_tokens(&line)
}

fn is_secret_name(key: &str) -> bool {
    [
        "secret",
        "password",
        "passwd",
        "token",
        "api_key",
        "apikey",
        "private_key",
        "database_url",
    ]
    .iter()
    .any(|s| key.contains(s))
}

/// Replaces JWT-shaped tokens (`eyJ….….…`).
fn redact_tokens(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(pos) = rest.find("eyJ") {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
            .unwrap_or(tail.len());
        let token = &tail[..end];
        if token.matches('.').count() >= 2 {
            out.push_str(REDACTED);
        } else {
            out.push_str(token);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn secrets_are_replaced() {
        let text = "Cookie: session=eyJhIjoxfQ.abc.def; prefs=dark\n\
                    Set-Cookie: session=xyz; HttpOnly; Path=/\n\
                    Authorization: Basic YWxpY2U6cHc=\n\
                    SECRET_KEY=changeme\n\
                    DATABASE_URL=postgres://app:hunter2@db/app\n\
                    {\"password\": \"hunter2\", \"user\": \"alice\"}\n\
                    see postgres://app:hunter2@db/app and eyJhbGciOi.eyJzdWIiOjF9.sig\n\
                    username=alice&password=wonderland&next=/";
        let out = redact(text);
        for secret in [
            "changeme",
            "hunter2",
            "YWxpY2U6cHc",
            "xyz",
            "eyJhIjoxfQ",
            "dark",
            "eyJzdWIiOjF9",
        ] {
            assert!(!out.contains(secret), "{secret} leaked in:\n{out}");
        }
        assert!(out.contains("Path=/"));
        assert!(out.contains("username=alice&password=<redacted>&next=/"));
        assert!(out.contains("\"user\": \"alice\""));
        assert!(out.contains("Authorization: Basic <redacted>"));
    }
}
