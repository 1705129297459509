//! What the encoder signs with: a secret (HS*), nothing (`none`), or a
//! private key (RS, PS, ES, EdDSA, ML-DSA), and the key pairs it makes.

use crate::jwt::sign::{KeyType, MlDsaLevel, SigningAlg};
use crate::jwt::{Alg, HmacAlg, SignAlg};

/// An `#encoder-alg` choice. HS* and `none` are signed in the page by
/// [`jwt::encode`](crate::jwt::encode); the others by the signing module,
/// loaded on demand, so that the page's own wasm links no signing crypto.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncoderAlg {
    /// HMAC with a secret, or `none`.
    Secret(SignAlg),
    /// A signature with a private key.
    Key(SigningAlg),
}

impl EncoderAlg {
    /// Every choice, in the order `#encoder-alg` lists them: `none` last.
    pub const ALL: [EncoderAlg; 18] = [
        EncoderAlg::Secret(SignAlg::Hmac(HmacAlg::Hs256)),
        EncoderAlg::Secret(SignAlg::Hmac(HmacAlg::Hs384)),
        EncoderAlg::Secret(SignAlg::Hmac(HmacAlg::Hs512)),
        EncoderAlg::Key(SigningAlg::Rs256),
        EncoderAlg::Key(SigningAlg::Rs384),
        EncoderAlg::Key(SigningAlg::Rs512),
        EncoderAlg::Key(SigningAlg::Ps256),
        EncoderAlg::Key(SigningAlg::Ps384),
        EncoderAlg::Key(SigningAlg::Ps512),
        EncoderAlg::Key(SigningAlg::Es256),
        EncoderAlg::Key(SigningAlg::Es384),
        EncoderAlg::Key(SigningAlg::Es512),
        EncoderAlg::Key(SigningAlg::EdDsa),
        EncoderAlg::Key(SigningAlg::Ed25519),
        EncoderAlg::Key(SigningAlg::MlDsa44),
        EncoderAlg::Key(SigningAlg::MlDsa65),
        EncoderAlg::Key(SigningAlg::MlDsa87),
        EncoderAlg::Secret(SignAlg::None),
    ];

    /// The `alg` value, which is also the option's value.
    pub fn name(self) -> &'static str {
        match self {
            EncoderAlg::Secret(alg) => alg.name(),
            EncoderAlg::Key(alg) => alg.name(),
        }
    }

    /// What the option reads.
    pub fn label(self) -> &'static str {
        match self {
            EncoderAlg::Secret(SignAlg::None) => "none (unsigned: unsafe)",
            EncoderAlg::Key(SigningAlg::EdDsa) => "EdDSA (Ed25519)",
            EncoderAlg::Key(SigningAlg::Ed25519) => "Ed25519 (RFC 9864)",
            other => other.name(),
        }
    }

    /// The choice whose [`name`](Self::name) is `name`.
    pub fn from_name(name: &str) -> Option<EncoderAlg> {
        EncoderAlg::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The choice for a decoded token's `alg`, for "Edit this token".
    pub fn for_token(alg: &Alg) -> Option<EncoderAlg> {
        EncoderAlg::from_name(&alg.to_string())
    }

    /// The private-key algorithm, if this is one.
    pub fn key(self) -> Option<SigningAlg> {
        match self {
            EncoderAlg::Key(alg) => Some(alg),
            EncoderAlg::Secret(_) => None,
        }
    }
}

/// A `#generate-key-type` choice. RSA keys come from WebCrypto, which makes
/// them off the page's thread (an RSA-4096 key takes seconds); the others
/// from the signing module, from 32 bytes of `crypto.getRandomValues`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewKey {
    /// An RSA key of this many bits.
    Rsa(u32),
    /// An EC, Ed25519 or ML-DSA key.
    Other(KeyType),
}

impl NewKey {
    /// Every choice, in the order the page lists them.
    pub const ALL: [NewKey; 10] = [
        NewKey::Rsa(2048),
        NewKey::Rsa(3072),
        NewKey::Rsa(4096),
        NewKey::Other(KeyType::P256),
        NewKey::Other(KeyType::P384),
        NewKey::Other(KeyType::P521),
        NewKey::Other(KeyType::Ed25519),
        NewKey::Other(KeyType::MlDsa(MlDsaLevel::L44)),
        NewKey::Other(KeyType::MlDsa(MlDsaLevel::L65)),
        NewKey::Other(KeyType::MlDsa(MlDsaLevel::L87)),
    ];

    /// The option's value: `RSA-2048`, `P-256`, `Ed25519`, `ML-DSA-65`, …
    pub fn name(self) -> &'static str {
        match self {
            NewKey::Rsa(2048) => "RSA-2048",
            NewKey::Rsa(3072) => "RSA-3072",
            NewKey::Rsa(_) => "RSA-4096",
            NewKey::Other(kind) => kind.name(),
        }
    }

    /// The choice whose [`name`](Self::name) is `name`.
    pub fn from_name(name: &str) -> Option<NewKey> {
        NewKey::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether a key of this type signs `alg`.
    pub fn signs(self, alg: SigningAlg) -> bool {
        use SigningAlg::*;
        match self {
            NewKey::Rsa(_) => matches!(alg, Rs256 | Rs384 | Rs512 | Ps256 | Ps384 | Ps512),
            NewKey::Other(KeyType::Ed25519) => matches!(alg, EdDsa | Ed25519),
            NewKey::Other(kind) => kind.default_alg() == alg,
        }
    }

    /// The algorithm a new key of this type switches to when the chosen one
    /// does not fit it: RS256 for RSA, ES256 for P-256, EdDSA for Ed25519.
    pub fn default_alg(self) -> SigningAlg {
        match self {
            NewKey::Rsa(_) => SigningAlg::Rs256,
            NewKey::Other(kind) => kind.default_alg(),
        }
    }

    /// The algorithm to sign a new key of this type with: `current` if the
    /// key fits it, else [`default_alg`](Self::default_alg).
    pub fn alg_for(self, current: EncoderAlg) -> SigningAlg {
        match current.key() {
            Some(alg) if self.signs(alg) => alg,
            _ => self.default_alg(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_and_key_algs_are_the_core_s() {
        for alg in EncoderAlg::ALL {
            assert_eq!(EncoderAlg::from_name(alg.name()), Some(alg));
        }
        let keyed: Vec<_> = EncoderAlg::ALL.iter().filter_map(|a| a.key()).collect();
        assert_eq!(keyed, SigningAlg::ALL.to_vec());
        for kind in NewKey::ALL {
            assert_eq!(NewKey::from_name(kind.name()), Some(kind));
        }
    }

    #[test]
    fn issue_15_names_are_offered() {
        // The values the issue lists for #encoder-alg and #generate-key-type.
        let algs = "HS256 HS384 HS512 RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512 \
                    EdDSA Ed25519 ML-DSA-44 ML-DSA-65 ML-DSA-87 none";
        let names: Vec<_> = EncoderAlg::ALL.map(EncoderAlg::name).to_vec();
        assert_eq!(names.join(" "), algs);
        let kinds =
            "RSA-2048 RSA-3072 RSA-4096 P-256 P-384 P-521 Ed25519 ML-DSA-44 ML-DSA-65 ML-DSA-87";
        let names: Vec<_> = NewKey::ALL.map(NewKey::name).to_vec();
        assert_eq!(names.join(" "), kinds);
    }

    #[test]
    fn new_key_keeps_a_fitting_alg_and_replaces_another() {
        let ps384 = EncoderAlg::Key(SigningAlg::Ps384);
        assert_eq!(NewKey::Rsa(4096).alg_for(ps384), SigningAlg::Ps384);
        assert_eq!(
            NewKey::Other(KeyType::P256).alg_for(ps384),
            SigningAlg::Es256
        );
        let ed = EncoderAlg::Key(SigningAlg::Ed25519);
        assert_eq!(
            NewKey::Other(KeyType::Ed25519).alg_for(ed),
            SigningAlg::Ed25519
        );
        let hs = EncoderAlg::Secret(SignAlg::Hmac(HmacAlg::Hs256));
        assert_eq!(NewKey::Rsa(2048).alg_for(hs), SigningAlg::Rs256);
        let p521 = NewKey::from_name("P-521").unwrap();
        assert!(p521.signs(SigningAlg::Es512) && !p521.signs(SigningAlg::Es256));
    }

    #[test]
    fn token_algs_map_to_choices() {
        assert_eq!(
            EncoderAlg::for_token(&Alg::parse("PS512")),
            Some(EncoderAlg::Key(SigningAlg::Ps512))
        );
        assert_eq!(
            EncoderAlg::for_token(&Alg::parse("ML-DSA-87")),
            Some(EncoderAlg::Key(SigningAlg::MlDsa87))
        );
        assert_eq!(EncoderAlg::for_token(&Alg::parse("ES256K")), None);
    }
}
