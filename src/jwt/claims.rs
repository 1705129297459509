//! What each registered claim, common OpenID Connect claim and header
//! parameter means, and where it is defined; providers' own claims are in
//! `provider`.

mod provider;

use crate::jwt::issuer::IssuerFamily;

/// A short explanation of a claim or header parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meaning {
    /// The name as it appears in the token.
    pub name: &'static str,
    /// One plain sentence.
    pub description: &'static str,
    /// The specification section or provider page that defines it.
    pub source: &'static str,
    /// The provider page's address, for providers' own claims.
    pub url: Option<&'static str>,
}

/// Where a claim's meaning comes from, for the table's badges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    /// Registered by RFC 7519 §4.1.
    Registered,
    /// Defined by OpenID Connect, OAuth or another public specification.
    Public,
    /// Documented by an identity provider for its own tokens (Entra ID, Keycloak, …).
    Provider,
    /// Not in any registry JWT Lens knows: private to the issuer (RFC 7519 §4.3).
    Private,
}

impl ClaimKind {
    /// `registered`, `public`, `provider` or `private`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Registered => "registered",
            ClaimKind::Public => "public",
            ClaimKind::Provider => "provider",
            ClaimKind::Private => "private",
        }
    }
}

const fn m(name: &'static str, description: &'static str, source: &'static str) -> Meaning {
    Meaning {
        name,
        description,
        source,
        url: None,
    }
}

const REGISTERED: &[Meaning] = &[
    m(
        "iss",
        "Issuer: who created and signed the token.",
        "RFC 7519 §4.1.1",
    ),
    m(
        "sub",
        "Subject: whom the token is about, usually a user id, unique within the issuer.",
        "RFC 7519 §4.1.2",
    ),
    m(
        "aud",
        "Audience: who the token is meant for; a recipient must reject a token not addressed to it.",
        "RFC 7519 §4.1.3",
    ),
    m(
        "exp",
        "Expiration time: the token must not be accepted at or after this moment.",
        "RFC 7519 §4.1.4",
    ),
    m(
        "nbf",
        "Not before: the token must not be accepted before this moment.",
        "RFC 7519 §4.1.5",
    ),
    m(
        "iat",
        "Issued at: when the token was created.",
        "RFC 7519 §4.1.6",
    ),
    m(
        "jti",
        "JWT ID: a unique id, used to detect replay or to revoke this token.",
        "RFC 7519 §4.1.7",
    ),
];

const PUBLIC: &[Meaning] = &[
    m("name", "The user's full name.", "OpenID Connect Core §5.1"),
    m(
        "given_name",
        "The user's given (first) name.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "family_name",
        "The user's surname.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "nickname",
        "A casual name for the user.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "preferred_username",
        "The name the user prefers to be called by; not guaranteed unique.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "email",
        "The user's email address.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "email_verified",
        "Whether the provider has verified the user's email address.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "phone_number",
        "The user's telephone number.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "phone_number_verified",
        "Whether the provider has verified the phone number.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "picture",
        "URL of the user's profile picture.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "locale",
        "The user's locale, such as en-GB.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "zoneinfo",
        "The user's time zone, such as Europe/Paris.",
        "OpenID Connect Core §5.1",
    ),
    m(
        "updated_at",
        "When the user's profile was last updated (seconds since 1970).",
        "OpenID Connect Core §5.1",
    ),
    m(
        "nonce",
        "A value from the login request, echoed to bind this ID token to that request and stop replay.",
        "OpenID Connect Core §2",
    ),
    m(
        "auth_time",
        "When the user actually authenticated (seconds since 1970).",
        "OpenID Connect Core §2",
    ),
    m(
        "azp",
        "Authorized party: the client the ID token was issued to.",
        "OpenID Connect Core §2",
    ),
    m(
        "at_hash",
        "Hash of the access token issued with this ID token, binding the two.",
        "OpenID Connect Core §3.1.3.6",
    ),
    m(
        "c_hash",
        "Hash of the authorization code issued with this ID token.",
        "OpenID Connect Core §3.3.2.11",
    ),
    m(
        "acr",
        "Authentication context class: how strongly the user was authenticated.",
        "OpenID Connect Core §2",
    ),
    m(
        "amr",
        "Authentication methods used, such as pwd, otp or mfa.",
        "OpenID Connect Core §2, RFC 8176",
    ),
    m(
        "sid",
        "Session id at the provider, used for logout.",
        "OpenID Connect Front-Channel Logout §3",
    ),
    m(
        "scope",
        "Space-separated scopes: what the token permits.",
        "RFC 8693 §4.2, RFC 9068 §2.2.3",
    ),
    m(
        "client_id",
        "The OAuth client the token was issued to.",
        "RFC 8693 §4.3, RFC 9068 §2.2",
    ),
    m(
        "cnf",
        "Confirmation: the key the presenter must prove possession of (a proof-of-possession token).",
        "RFC 7800 §3.1",
    ),
    m(
        "act",
        "Actor: who is acting on behalf of the subject (delegation).",
        "RFC 8693 §4.1",
    ),
    m(
        "may_act",
        "Who is allowed to act on behalf of the subject.",
        "RFC 8693 §4.4",
    ),
    m(
        "roles",
        "Roles granted to the subject.",
        "RFC 7643 §4.1.2, RFC 9068 §2.2.3.1",
    ),
    m(
        "groups",
        "Groups the subject belongs to.",
        "RFC 7643 §4.1.2, RFC 9068 §2.2.3.1",
    ),
    m(
        "entitlements",
        "Entitlements granted to the subject.",
        "RFC 7643 §4.1.2, RFC 9068 §2.2.3.1",
    ),
    m(
        "events",
        "Security events this Security Event Token reports.",
        "RFC 8417 §2.2",
    ),
];

const HEADER: &[Meaning] = &[
    m(
        "alg",
        "Algorithm that signs (JWS) or encrypts the key (JWE); the verifier must not simply trust it.",
        "RFC 7515 §4.1.1",
    ),
    m(
        "typ",
        "Media type of the whole token, usually JWT (or at+jwt for OAuth access tokens).",
        "RFC 7515 §4.1.9, RFC 7519 §5.1",
    ),
    m(
        "cty",
        "Content type of the payload; JWT means a nested token.",
        "RFC 7515 §4.1.10",
    ),
    m(
        "kid",
        "Key id: a hint for which key verifies the token.",
        "RFC 7515 §4.1.4",
    ),
    m(
        "crit",
        "Extensions the recipient must understand, or else reject the token.",
        "RFC 7515 §4.1.11",
    ),
    m(
        "jku",
        "URL of a key set: lets the token name where its own key comes from.",
        "RFC 7515 §4.1.2",
    ),
    m(
        "jwk",
        "A public key embedded in the token itself.",
        "RFC 7515 §4.1.3",
    ),
    m(
        "x5u",
        "URL of an X.509 certificate chain for the key.",
        "RFC 7515 §4.1.5",
    ),
    m(
        "x5c",
        "An X.509 certificate chain embedded in the token.",
        "RFC 7515 §4.1.6",
    ),
    m(
        "x5t",
        "SHA-1 thumbprint of the signing certificate.",
        "RFC 7515 §4.1.7",
    ),
    m(
        "x5t#S256",
        "SHA-256 thumbprint of the signing certificate.",
        "RFC 7515 §4.1.8",
    ),
    m(
        "zip",
        "Compression of the plaintext before encryption; JWE only.",
        "RFC 7516 §4.1.3",
    ),
    m(
        "enc",
        "Content encryption algorithm of a JWE.",
        "RFC 7516 §4.1.2",
    ),
    m(
        "b64",
        "false means the payload is not base64url-encoded (unencoded payload option).",
        "RFC 7797 §3",
    ),
];

/// What a payload claim means, and what kind of claim it is, without
/// knowing the issuer: a provider's claim gets the first provider's meaning.
pub fn describe_claim(name: &str) -> (ClaimKind, Option<&'static Meaning>) {
    describe_claim_for(name, IssuerFamily::Unknown)
}

/// What a payload claim means in a token from `family`: registered claims
/// first, then the provider's own meaning (Entra's `roles`, Keycloak's `typ`),
/// then public specifications, then any provider's.
pub fn describe_claim_for(
    name: &str,
    family: IssuerFamily,
) -> (ClaimKind, Option<&'static Meaning>) {
    if let Some(found) = REGISTERED.iter().find(|c| c.name == name) {
        return (ClaimKind::Registered, Some(found));
    }
    let public = PUBLIC.iter().find(|c| c.name == name);
    let kind = if public.is_some() {
        ClaimKind::Public
    } else {
        ClaimKind::Provider
    };
    let provider = |wanted: Option<IssuerFamily>| {
        provider::PROVIDER
            .iter()
            .find(|(f, m)| m.name == name && wanted.is_none_or(|w| w == *f))
            .map(|(_, m)| m)
    };
    if let Some(found) = provider(Some(family)) {
        return (kind, Some(found));
    }
    if let Some(found) = public {
        return (ClaimKind::Public, Some(found));
    }
    match provider(None) {
        Some(found) => (ClaimKind::Provider, Some(found)),
        None => (ClaimKind::Private, None),
    }
}

/// What a header parameter means; `None` for a private one.
pub fn describe_header(name: &str) -> Option<&'static Meaning> {
    HEADER.iter().find(|h| h.name == name)
}

/// What an `alg` value means, for every algorithm of RFC 7518, RFC 8037 and
/// RFC 8812 (JWS) and RFC 7518 §4 (JWE key management).
pub fn describe_alg(alg: &str) -> Option<&'static str> {
    Some(match alg {
        "HS256" => "HMAC using SHA-256",
        "HS384" => "HMAC using SHA-384",
        "HS512" => "HMAC using SHA-512",
        "RS256" => "RSASSA-PKCS1-v1_5 using SHA-256",
        "RS384" => "RSASSA-PKCS1-v1_5 using SHA-384",
        "RS512" => "RSASSA-PKCS1-v1_5 using SHA-512",
        "PS256" => "RSASSA-PSS using SHA-256 and MGF1 with SHA-256",
        "PS384" => "RSASSA-PSS using SHA-384 and MGF1 with SHA-384",
        "PS512" => "RSASSA-PSS using SHA-512 and MGF1 with SHA-512",
        "ES256" => "ECDSA using P-256 and SHA-256",
        "ES384" => "ECDSA using P-384 and SHA-384",
        "ES512" => "ECDSA using P-521 and SHA-512",
        "ES256K" => "ECDSA using secp256k1 and SHA-256",
        "EdDSA" => "Edwards-curve signature (Ed25519 or Ed448)",
        "Ed25519" => "EdDSA using Ed25519",
        "Ed448" => "EdDSA using Ed448",
        "none" => "no signature at all: an unsecured JWT",
        "RSA1_5" => "JWE key encryption with RSAES-PKCS1-v1_5",
        "RSA-OAEP" => "JWE key encryption with RSAES OAEP (SHA-1)",
        "RSA-OAEP-256" => "JWE key encryption with RSAES OAEP using SHA-256",
        "A128KW" | "A192KW" | "A256KW" => "JWE key wrapping with AES Key Wrap",
        "dir" => "JWE with a shared symmetric key used directly",
        "ECDH-ES" => "JWE key agreement with ECDH-ES",
        "ECDH-ES+A128KW" | "ECDH-ES+A192KW" | "ECDH-ES+A256KW" => {
            "JWE key agreement with ECDH-ES and AES Key Wrap"
        }
        "A128GCMKW" | "A192GCMKW" | "A256GCMKW" => "JWE key wrapping with AES GCM",
        "PBES2-HS256+A128KW" | "PBES2-HS384+A192KW" | "PBES2-HS512+A256KW" => {
            "JWE key wrapping with a password (PBES2)"
        }
        _ => return None,
    })
}
