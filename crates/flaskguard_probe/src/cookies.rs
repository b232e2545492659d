//! `Set-Cookie` headers, and Flask's signed session cookie: decoding its payload, checking
//! a candidate secret offline, and signing a forged payload.
//!
//! Flask's `SecureCookieSessionInterface` (Flask 3.1, itsdangerous 2.2): a
//! `URLSafeTimedSerializer` with salt `cookie-session`, key derivation `hmac` and digest
//! SHA-1. Cookie = `payload.timestamp.signature`, each URL-safe base64 without padding; a
//! payload starting with `.` is zlib-compressed JSON. Derived key = HMAC-SHA1(secret,
//! salt); signature = HMAC-SHA1(derived key, `payload.timestamp`).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha1::Sha1;

type HmacSha1 = Hmac<Sha1>;

/// One `Set-Cookie` header, with the attributes a security review cares about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetCookie {
    pub name: String,
    pub value: String,
    pub secure: bool,
    pub http_only: bool,
    /// `Strict`, `Lax`, `None` as written; absent when not set.
    pub same_site: Option<String>,
    pub path: Option<String>,
    pub domain: Option<String>,
    /// `Max-Age` in seconds, when set.
    pub max_age: Option<i64>,
    pub expires: Option<String>,
}

impl SetCookie {
    pub fn parse(header: &str) -> Option<SetCookie> {
        let mut parts = header.split(';');
        let (name, value) = parts.next()?.split_once('=')?;
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let mut c = SetCookie {
            name: name.to_string(),
            value: value.trim().trim_matches('"').to_string(),
            secure: false,
            http_only: false,
            same_site: None,
            path: None,
            domain: None,
            max_age: None,
            expires: None,
        };
        for attr in parts {
            let (k, v) = attr.split_once('=').unwrap_or((attr, ""));
            let v = v.trim();
            match k.trim().to_ascii_lowercase().as_str() {
                "secure" => c.secure = true,
                "httponly" => c.http_only = true,
                "samesite" => c.same_site = Some(v.to_string()),
                "path" => c.path = Some(v.to_string()),
                "domain" => c.domain = Some(v.to_string()),
                "max-age" => c.max_age = v.parse().ok(),
                "expires" => c.expires = Some(v.to_string()),
                _ => {}
            }
        }
        Some(c)
    }

    /// The server deletes the cookie (empty value, expiry in the past or `Max-Age=0`).
    pub fn is_deletion(&self) -> bool {
        self.max_age.is_some_and(|a| a <= 0)
            || (self.value.is_empty()
                && self.expires.as_deref().is_some_and(|e| e.contains("1970")))
    }

    /// A cookie that identifies a session or carries a credential.
    pub fn is_sensitive(&self) -> bool {
        let n = self.name.to_ascii_lowercase();
        [
            "session", "sess", "sid", "token", "auth", "remember", "jwt", "login", "csrf",
        ]
        .iter()
        .any(|k| n.contains(k))
            || looks_like_flask_session(&self.value)
    }
}

/// A decoded Flask session cookie.
#[derive(Clone, Debug)]
pub struct FlaskSession {
    /// The signed part: `payload.timestamp`.
    signed: String,
    signature: Vec<u8>,
    /// The JSON payload.
    pub payload: serde_json::Value,
}

/// Whether a cookie value has the shape of Flask's signed session.
pub fn looks_like_flask_session(value: &str) -> bool {
    FlaskSession::decode(value).is_some()
}

impl FlaskSession {
    pub fn decode(cookie: &str) -> Option<FlaskSession> {
        let (signed, sig) = cookie.rsplit_once('.')?;
        let (payload, timestamp) = signed.rsplit_once('.')?;
        if timestamp.is_empty() || sig.is_empty() {
            return None;
        }
        let signature = URL_SAFE_NO_PAD.decode(sig).ok()?;
        if signature.len() != 20 {
            return None;
        }
        let json = if let Some(compressed) = payload.strip_prefix('.') {
            let raw = URL_SAFE_NO_PAD.decode(compressed).ok()?;
            let mut out = Vec::new();
            // At most 1 MiB decompressed: a cookie is at most a few KiB.
            std::io::Read::read_to_end(
                &mut std::io::Read::take(flate2::read::ZlibDecoder::new(raw.as_slice()), 1 << 20),
                &mut out,
            )
            .ok()?;
            out
        } else {
            URL_SAFE_NO_PAD.decode(payload).ok()?
        };
        let payload: serde_json::Value = serde_json::from_slice(&json).ok()?;
        Some(FlaskSession {
            signed: signed.to_string(),
            signature,
            payload,
        })
    }

    /// Whether `secret` signed this cookie (offline: two HMACs).
    pub fn signed_with(&self, secret: &[u8]) -> bool {
        let key = derive_key(secret);
        let Ok(mut mac) = HmacSha1::new_from_slice(&key) else {
            return false;
        };
        mac.update(self.signed.as_bytes());
        mac.verify_slice(&self.signature).is_ok()
    }

    /// The timestamp part, kept when forging (the app checks its age).
    fn timestamp(&self) -> &str {
        self.signed.rsplit_once('.').map_or("", |(_, t)| t)
    }

    /// A cookie with `payload`, signed with `secret`, as Flask would write it.
    pub fn forge(&self, payload: &serde_json::Value, secret: &[u8]) -> String {
        let body = URL_SAFE_NO_PAD.encode(payload.to_string().as_bytes());
        let signed = format!("{body}.{}", self.timestamp());
        sign(&signed, secret)
    }
}

fn derive_key(secret: &[u8]) -> Vec<u8> {
    let Ok(mut mac) = HmacSha1::new_from_slice(secret) else {
        return Vec::new();
    };
    mac.update(b"cookie-session");
    mac.finalize().into_bytes().to_vec()
}

fn sign(signed: &str, secret: &[u8]) -> String {
    let key = derive_key(secret);
    let Ok(mut mac) = HmacSha1::new_from_slice(&key) else {
        return signed.to_string();
    };
    mac.update(signed.as_bytes());
    let sig = mac.finalize().into_bytes();
    format!("{signed}.{}", URL_SAFE_NO_PAD.encode(sig))
}

/// Session keys and values that should not sit in a cookie anyone can read.
pub fn sensitive_entries(payload: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    let serde_json::Value::Object(map) = payload else {
        return out;
    };
    for (k, v) in map {
        let key = k.to_ascii_lowercase();
        let what = if [
            "password", "passwd", "pwd", "secret", "token", "api_key", "apikey",
        ]
        .iter()
        .any(|s| key.contains(s))
            && !key.contains("csrf")
        {
            Some("a secret")
        } else if ["card", "ssn", "iban", "credit"]
            .iter()
            .any(|s| key.contains(s))
        {
            Some("payment or identity data")
        } else if key.contains("email") || v.as_str().is_some_and(looks_like_email) {
            Some("an email address")
        } else if ["role", "is_admin", "admin", "permission", "group", "scope"]
            .iter()
            .any(|s| key == *s || key.starts_with(s))
        {
            Some("an authorization attribute")
        } else {
            None
        };
        if let Some(what) = what {
            out.push(format!("`{k}` ({what})"));
        }
    }
    out
}

fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !s.contains(char::is_whitespace)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Made by Flask 3.1.3: `app.secret_key = "changeme"; session["user"] = "alice"`.
    pub(crate) const COOKIE: &str = "eyJ1c2VyIjoiYWxpY2UifQ.awt_QQ.6PZkbEaCa-MnDOX5mZ-YFU3Qct4";

    #[test]
    fn forged_cookie_round_trips() {
        let s = FlaskSession::decode(COOKIE).expect("decodes");
        assert_eq!(s.payload["user"], "alice");
        assert!(s.signed_with(b"changeme"), "Flask's own cookie verifies");
        assert!(!s.signed_with(b"secret"));
        let forged = s.forge(&serde_json::json!({"user": "bob"}), b"changeme");
        let f = FlaskSession::decode(&forged).expect("forged decodes");
        assert!(f.signed_with(b"changeme"));
        assert!(!f.signed_with(b"changemf"));
        assert_eq!(f.payload["user"], "bob");
    }

    #[test]
    fn set_cookie_attributes() {
        let c = SetCookie::parse("session=abc; Secure; HttpOnly; Path=/; SameSite=Lax")
            .expect("parses");
        assert!(c.secure && c.http_only);
        assert_eq!(c.same_site.as_deref(), Some("Lax"));
        let d = SetCookie::parse("prefs=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0")
            .expect("parses");
        assert!(d.is_deletion());
        assert!(SetCookie::parse("=x").is_none());
    }

    #[test]
    fn sensitive_session_entries() {
        let found = sensitive_entries(&serde_json::json!({
            "user": "alice", "email": "a@example.com", "role": "user", "visits": 3,
            "csrf_token": "x"
        }));
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
