//! Exports of a key: the public key as JWK, JWKS and SPKI PEM, the private
//! key as PKCS #8 PEM and private JWK.

use super::alg::SigningAlg;
use super::der::{self, pem};
use super::error::SignError;
use super::jwk;
use super::private::PrivateKey;
use super::public::PublicKey;
use crate::jwt::json::Json;

/// A public key in every form the page offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicExports {
    /// For people: `EC public key on P-256`, …
    pub kind: String,
    /// The JWK: exactly the RFC 7638 required members, in that order, so
    /// its thumbprint can be recomputed from it as written.
    pub jwk: String,
    /// A JWKS of that key with `kid` (the thumbprint), `use` `sig` and,
    /// when known, `alg`.
    pub jwks: String,
    /// The SubjectPublicKeyInfo as PEM `PUBLIC KEY`.
    pub pem: String,
    /// The RFC 7638 SHA-256 thumbprint, base64url: the `kid` the page
    /// writes into the header with `#set-kid`.
    pub thumbprint: String,
}

/// Every export of `key`. `alg`, when given and the key fits it, is
/// written into the JWKS entry; an EC or ML-DSA key's JWKS names its only
/// `alg` anyway, and an RSA or Ed25519 key's names none (RSA keys sign
/// six algorithms, Ed25519 keys two).
///
/// # Errors
///
/// [`SignError::Failed`] if the encoder refuses.
pub fn public_exports(
    key: &PublicKey,
    alg: Option<SigningAlg>,
) -> Result<PublicExports, SignError> {
    let members = key.jwk_members();
    let thumbprint = key.thumbprint();
    let jwk = object(&members);
    let mut entry = members.clone();
    entry.push(("kid", thumbprint.clone()));
    entry.push(("use", "sig".to_owned()));
    if let Some(alg) = alg.filter(|a| fits(key, *a)).or_else(|| only_alg(key))
        && !entry.iter().any(|(name, _)| *name == "alg")
    {
        entry.push(("alg", alg.name().to_owned()));
    }
    let jwks = Json::Object(vec![("keys".to_owned(), Json::Array(vec![object(&entry)]))]).pretty();
    Ok(PublicExports {
        kind: key.describe(),
        jwk: jwk.pretty(),
        jwks,
        pem: pem("PUBLIC KEY", &key.spki_der()?),
        thumbprint,
    })
}

/// A private key in the forms the page offers on an explicit click.
#[derive(Clone, PartialEq, Eq)]
pub struct PrivateExports {
    /// PEM `PRIVATE KEY`: PKCS #8 version 1.
    pub pkcs8_pem: String,
    /// The private JWK.
    pub jwk: String,
}

impl std::fmt::Debug for PrivateExports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PrivateExports([redacted])")
    }
}

/// The private key as PKCS #8 PEM and as a private JWK.
///
/// # Errors
///
/// [`SignError::Failed`] if the encoder refuses.
pub fn private_exports(key: &PrivateKey) -> Result<PrivateExports, SignError> {
    let public = key.public_key();
    Ok(PrivateExports {
        pkcs8_pem: pkcs8_pem(key)?,
        jwk: object(&jwk::write(&key.secret, &public)?).pretty(),
    })
}

/// The private key as PEM `PRIVATE KEY` (PKCS #8): what fills the encoder's
/// key box after a key pair is made.
///
/// # Errors
///
/// [`SignError::Failed`] if the encoder refuses.
pub fn pkcs8_pem(key: &PrivateKey) -> Result<String, SignError> {
    Ok(pem("PRIVATE KEY", &der::to_pkcs8(&key.secret)?))
}

fn object(members: &[(&'static str, String)]) -> Json {
    Json::Object(
        members
            .iter()
            .map(|(name, value)| ((*name).to_owned(), Json::String(value.clone())))
            .collect(),
    )
}

fn fits(key: &PublicKey, alg: SigningAlg) -> bool {
    use crate::jwt::keys::Material;
    match key {
        PublicKey::Classic(m @ Material::Ec { .. }) => only_alg_of(m) == Some(alg),
        PublicKey::Classic(Material::Rsa(_)) => alg.name().starts_with(['R', 'P']),
        PublicKey::Classic(Material::RsaPss(_)) => alg.name().starts_with('P'),
        PublicKey::Classic(Material::Ed25519(_)) => {
            matches!(alg, SigningAlg::EdDsa | SigningAlg::Ed25519)
        }
        PublicKey::MlDsa { level, .. } | PublicKey::Classic(Material::MlDsa { level, .. }) => {
            level.alg() == alg
        }
    }
}

fn only_alg(key: &PublicKey) -> Option<SigningAlg> {
    match key {
        PublicKey::Classic(m) => only_alg_of(m),
        PublicKey::MlDsa { level, .. } => Some(level.alg()),
    }
}

fn only_alg_of(material: &crate::jwt::keys::Material) -> Option<SigningAlg> {
    match material {
        crate::jwt::keys::Material::Ec { curve, .. } => SigningAlg::from_name(curve.alg()).ok(),
        crate::jwt::keys::Material::MlDsa { level, .. } => Some(level.alg()),
        _ => None,
    }
}
