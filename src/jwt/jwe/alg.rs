//! The JWE algorithms JWT Lens decrypts: key management (`alg`, RFC 7518
//! §4) and content encryption (`enc`, RFC 7518 §5), with the lengths each
//! implies.

use std::fmt;

/// The AES key size of a key-wrap or content algorithm, in bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AesBits {
    /// AES-128.
    A128,
    /// AES-192.
    A192,
    /// AES-256.
    A256,
}

impl AesBits {
    /// The key length in bytes: 16, 24 or 32.
    pub fn bytes(self) -> usize {
        match self {
            AesBits::A128 => 16,
            AesBits::A192 => 24,
            AesBits::A256 => 32,
        }
    }
}

/// How the RSA algorithms pad the content encryption key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RsaPadding {
    /// `RSA1_5`: RSAES-PKCS1-v1_5, broken (RFC 8725 §3.2); decrypt only.
    Pkcs1v15,
    /// `RSA-OAEP`: RSAES-OAEP with SHA-1 and MGF1-SHA-1 (RFC 7518 §4.3).
    OaepSha1,
    /// `RSA-OAEP-256`: RSAES-OAEP with SHA-256 and MGF1-SHA-256.
    OaepSha256,
    /// `RSA-OAEP-384`: with SHA-384 (IANA JOSE registry, from WebCrypto).
    OaepSha384,
    /// `RSA-OAEP-512`: with SHA-512 (IANA JOSE registry, from WebCrypto).
    OaepSha512,
}

/// A JWE `alg`: how the content encryption key (CEK) reaches the recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAlg {
    /// `RSA1_5`, `RSA-OAEP`, `RSA-OAEP-256` (RFC 7518 §4.2, §4.3), and
    /// `RSA-OAEP-384`, `RSA-OAEP-512`.
    Rsa(RsaPadding),
    /// `A128KW`, `A192KW`, `A256KW`: AES Key Wrap (RFC 7518 §4.4, RFC 3394).
    AesKw(AesBits),
    /// `dir`: the shared key is the CEK (RFC 7518 §4.5).
    Dir,
    /// `ECDH-ES` (key agreement gives the CEK) or, with a wrap size,
    /// `ECDH-ES+A128KW` and kin (RFC 7518 §4.6).
    EcdhEs(Option<AesBits>),
    /// `A128GCMKW`, `A192GCMKW`, `A256GCMKW`: AES-GCM key wrap (RFC 7518 §4.7).
    AesGcmKw(AesBits),
    /// `PBES2-HS256+A128KW`, `PBES2-HS384+A192KW`, `PBES2-HS512+A256KW`
    /// (RFC 7518 §4.8): a password through PBKDF2, then AES Key Wrap.
    Pbes2(AesBits),
}

impl KeyAlg {
    /// Every `alg` JWT Lens decrypts, in the order the page lists them.
    pub const ALL: [KeyAlg; 19] = [
        KeyAlg::Rsa(RsaPadding::OaepSha1),
        KeyAlg::Rsa(RsaPadding::OaepSha256),
        KeyAlg::Rsa(RsaPadding::OaepSha384),
        KeyAlg::Rsa(RsaPadding::OaepSha512),
        KeyAlg::Rsa(RsaPadding::Pkcs1v15),
        KeyAlg::EcdhEs(None),
        KeyAlg::EcdhEs(Some(AesBits::A128)),
        KeyAlg::EcdhEs(Some(AesBits::A192)),
        KeyAlg::EcdhEs(Some(AesBits::A256)),
        KeyAlg::Dir,
        KeyAlg::AesKw(AesBits::A128),
        KeyAlg::AesKw(AesBits::A192),
        KeyAlg::AesKw(AesBits::A256),
        KeyAlg::AesGcmKw(AesBits::A128),
        KeyAlg::AesGcmKw(AesBits::A192),
        KeyAlg::AesGcmKw(AesBits::A256),
        KeyAlg::Pbes2(AesBits::A128),
        KeyAlg::Pbes2(AesBits::A192),
        KeyAlg::Pbes2(AesBits::A256),
    ];

    /// The registered name (RFC 7518 §4.1).
    pub fn name(self) -> &'static str {
        use AesBits::{A128, A192, A256};
        match self {
            KeyAlg::Rsa(RsaPadding::Pkcs1v15) => "RSA1_5",
            KeyAlg::Rsa(RsaPadding::OaepSha1) => "RSA-OAEP",
            KeyAlg::Rsa(RsaPadding::OaepSha256) => "RSA-OAEP-256",
            KeyAlg::Rsa(RsaPadding::OaepSha384) => "RSA-OAEP-384",
            KeyAlg::Rsa(RsaPadding::OaepSha512) => "RSA-OAEP-512",
            KeyAlg::AesKw(A128) => "A128KW",
            KeyAlg::AesKw(A192) => "A192KW",
            KeyAlg::AesKw(A256) => "A256KW",
            KeyAlg::Dir => "dir",
            KeyAlg::EcdhEs(None) => "ECDH-ES",
            KeyAlg::EcdhEs(Some(A128)) => "ECDH-ES+A128KW",
            KeyAlg::EcdhEs(Some(A192)) => "ECDH-ES+A192KW",
            KeyAlg::EcdhEs(Some(A256)) => "ECDH-ES+A256KW",
            KeyAlg::AesGcmKw(A128) => "A128GCMKW",
            KeyAlg::AesGcmKw(A192) => "A192GCMKW",
            KeyAlg::AesGcmKw(A256) => "A256GCMKW",
            KeyAlg::Pbes2(A128) => "PBES2-HS256+A128KW",
            KeyAlg::Pbes2(A192) => "PBES2-HS384+A192KW",
            KeyAlg::Pbes2(A256) => "PBES2-HS512+A256KW",
        }
    }

    /// The algorithm named `name`; names are case-sensitive.
    pub fn from_name(name: &str) -> Option<KeyAlg> {
        KeyAlg::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The kind of key this algorithm decrypts with, for messages.
    pub fn needs(self) -> KeyKind {
        match self {
            KeyAlg::Rsa(_) => KeyKind::Rsa,
            KeyAlg::EcdhEs(_) => KeyKind::Agreement,
            KeyAlg::Dir | KeyAlg::AesKw(_) | KeyAlg::AesGcmKw(_) => KeyKind::Symmetric,
            KeyAlg::Pbes2(_) => KeyKind::Password,
        }
    }
}

impl fmt::Display for KeyAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What kind of key an `alg` needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// An RSA private key.
    Rsa,
    /// An EC (P-256, P-384, P-521) or X25519 private key.
    Agreement,
    /// Symmetric key bytes.
    Symmetric,
    /// A password.
    Password,
}

impl fmt::Display for KeyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyKind::Rsa => "an RSA private key",
            KeyKind::Agreement => "an EC (P-256, P-384, P-521) or X25519 private key",
            KeyKind::Symmetric => "a symmetric key",
            KeyKind::Password => "a password",
        })
    }
}

/// A JWE `enc`: how the content is encrypted (RFC 7518 §5.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentAlg {
    /// `A128CBC-HS256`, `A192CBC-HS384`, `A256CBC-HS512` (RFC 7518 §5.2):
    /// AES-CBC then HMAC-SHA-2, the key split into a MAC half and an AES half.
    CbcHs(AesBits),
    /// `A128GCM`, `A192GCM`, `A256GCM` (RFC 7518 §5.3).
    Gcm(AesBits),
}

impl ContentAlg {
    /// Every `enc` JWT Lens decrypts.
    pub const ALL: [ContentAlg; 6] = [
        ContentAlg::CbcHs(AesBits::A128),
        ContentAlg::CbcHs(AesBits::A192),
        ContentAlg::CbcHs(AesBits::A256),
        ContentAlg::Gcm(AesBits::A128),
        ContentAlg::Gcm(AesBits::A192),
        ContentAlg::Gcm(AesBits::A256),
    ];

    /// The registered name.
    pub fn name(self) -> &'static str {
        use AesBits::{A128, A192, A256};
        match self {
            ContentAlg::CbcHs(A128) => "A128CBC-HS256",
            ContentAlg::CbcHs(A192) => "A192CBC-HS384",
            ContentAlg::CbcHs(A256) => "A256CBC-HS512",
            ContentAlg::Gcm(A128) => "A128GCM",
            ContentAlg::Gcm(A192) => "A192GCM",
            ContentAlg::Gcm(A256) => "A256GCM",
        }
    }

    /// The algorithm named `name`; names are case-sensitive.
    pub fn from_name(name: &str) -> Option<ContentAlg> {
        ContentAlg::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The CEK length in bytes: both halves for CBC-HS (RFC 7518 §5.2.3–5.2.5).
    pub fn key_bytes(self) -> usize {
        match self {
            ContentAlg::CbcHs(bits) => bits.bytes() * 2,
            ContentAlg::Gcm(bits) => bits.bytes(),
        }
    }

    /// The initialization vector length in bytes: an AES block for CBC, 96
    /// bits for GCM.
    pub fn iv_bytes(self) -> usize {
        match self {
            ContentAlg::CbcHs(_) => 16,
            ContentAlg::Gcm(_) => 12,
        }
    }

    /// The authentication tag length in bytes: half the HMAC output for
    /// CBC-HS, 128 bits for GCM.
    pub fn tag_bytes(self) -> usize {
        match self {
            ContentAlg::CbcHs(bits) => bits.bytes(),
            ContentAlg::Gcm(_) => 16,
        }
    }
}

impl fmt::Display for ContentAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
