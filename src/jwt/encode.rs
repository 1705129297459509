//! Building a token from header and payload text, signed with a secret.

use super::base64url;
use super::error::{Error, Part};
use super::header::HmacAlg;
use super::json::{self, Json};
use super::verify::{self, Secret};

/// The algorithms the encoder signs with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignAlg {
    /// HMAC with SHA-2.
    Hmac(HmacAlg),
    /// `none`: no signature. Unsafe: anyone can forge such a token.
    None,
}

impl SignAlg {
    /// Every choice, in the order the page lists them.
    pub const ALL: [SignAlg; 4] = [
        SignAlg::Hmac(HmacAlg::Hs256),
        SignAlg::Hmac(HmacAlg::Hs384),
        SignAlg::Hmac(HmacAlg::Hs512),
        SignAlg::None,
    ];

    /// The `alg` value.
    pub fn name(self) -> &'static str {
        match self {
            SignAlg::Hmac(alg) => alg.name(),
            SignAlg::None => "none",
        }
    }

    /// The choice whose [`name`](Self::name) is `name`.
    pub fn from_name(name: &str) -> Option<SignAlg> {
        SignAlg::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// Checks that `text` is a JSON object, for the encoder's editors.
///
/// # Errors
///
/// [`Error::Json`] with line and column, or [`Error::NotObject`].
pub fn check_object(part: Part, text: &str) -> Result<Json, Error> {
    match json::parse(text) {
        Ok(value @ Json::Object(_)) => Ok(value),
        Ok(other) => Err(Error::NotObject {
            part,
            found: other.type_name(),
        }),
        Err(e) => {
            let (line, column) = e.line_column(text);
            Err(Error::Json {
                part,
                line,
                column,
                reason: e.reason,
            })
        }
    }
}

/// Builds a compact JWS whose signing input is exactly
/// `base64url(header).base64url(payload)` of the texts as given: nothing is
/// re-serialised, so numbers, spacing and key order survive (RFC 7515 §7.1).
///
/// # Errors
///
/// The first JSON error in the header or payload, or [`Error::SecretMissing`]
/// when an HMAC algorithm has no secret.
pub fn encode(
    header: &str,
    payload: &str,
    alg: SignAlg,
    secret: Option<&Secret>,
) -> Result<String, Error> {
    let input = signing_input(header, payload)?;
    match alg {
        SignAlg::Hmac(alg) => {
            let secret = secret.ok_or(Error::SecretMissing)?;
            let mac = verify::sign_hmac(alg, secret, input.as_bytes());
            Ok(format!("{input}.{}", base64url::encode(&mac)))
        }
        SignAlg::None => Ok(format!("{input}.")),
    }
}

/// The signing input `base64url(header).base64url(payload)` of the texts
/// exactly as given (RFC 7515 §5.1 step 6), once both are JSON objects:
/// what the encoder signs with a private key, and what [`encode`] signs
/// with a secret.
///
/// # Errors
///
/// The first JSON error in the header or payload.
pub fn signing_input(header: &str, payload: &str) -> Result<String, Error> {
    check_object(Part::Header, header)?;
    check_object(Part::Payload, payload)?;
    Ok(format!(
        "{}.{}",
        base64url::encode(header.as_bytes()),
        base64url::encode(payload.as_bytes())
    ))
}

/// Starting points for the encoder, shaped like tokens real systems issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// An OAuth access token (RFC 9068): `iat` = now, `exp` = now + 15 min, a random `jti`.
    Access,
    /// A refresh token: `exp` = now + 7 days.
    Refresh,
    /// An OpenID Connect ID token with its identity claims and a `nonce`.
    Id,
}

/// Header and payload text for a preset, issued at `now`, with `id` as the
/// random part (`jti`, `nonce`).
pub fn preset(preset: Preset, now: i64, id: &str) -> (String, String) {
    let header = match preset {
        Preset::Access => "{\n  \"alg\": \"HS256\",\n  \"typ\": \"at+jwt\"\n}",
        _ => "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}",
    };
    let issuer = "https://auth.example.com/";
    let payload = match preset {
        Preset::Access => format!(
            "{{\n  \"iss\": \"{issuer}\",\n  \"sub\": \"user-1234\",\n  \"aud\": \"https://api.example.com/\",\n  \
             \"client_id\": \"web-app\",\n  \"scope\": \"orders:read orders:write\",\n  \"iat\": {now},\n  \
             \"exp\": {},\n  \"jti\": \"{id}\"\n}}",
            now + 15 * 60
        ),
        Preset::Refresh => format!(
            "{{\n  \"iss\": \"{issuer}\",\n  \"sub\": \"user-1234\",\n  \"token_use\": \"refresh\",\n  \
             \"scope\": \"offline_access\",\n  \"iat\": {now},\n  \"exp\": {},\n  \"jti\": \"{id}\"\n}}",
            now + 7 * 86_400
        ),
        Preset::Id => format!(
            "{{\n  \"iss\": \"{issuer}\",\n  \"sub\": \"user-1234\",\n  \"aud\": \"web-app\",\n  \
             \"name\": \"Ada Lovelace\",\n  \"email\": \"ada@example.com\",\n  \"email_verified\": true,\n  \
             \"nonce\": \"{id}\",\n  \"auth_time\": {now},\n  \"iat\": {now},\n  \"exp\": {}\n}}",
            now + 3600
        ),
    };
    (header.to_owned(), payload)
}
