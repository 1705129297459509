//! Claim and header descriptions.

use jwt_lens::jwt::claims::{ClaimKind, describe_alg, describe_claim, describe_header};

#[test]
fn every_registered_claim_is_described_with_its_rfc_section() {
    for (name, section) in [
        ("iss", "4.1.1"),
        ("sub", "4.1.2"),
        ("aud", "4.1.3"),
        ("exp", "4.1.4"),
        ("nbf", "4.1.5"),
        ("iat", "4.1.6"),
        ("jti", "4.1.7"),
    ] {
        let (kind, meaning) = describe_claim(name);
        assert_eq!(kind, ClaimKind::Registered, "{name}");
        assert_eq!(meaning.unwrap().source, format!("RFC 7519 §{section}"));
    }
}

#[test]
fn common_oidc_claims_are_public() {
    for name in [
        "name",
        "email",
        "email_verified",
        "nonce",
        "auth_time",
        "azp",
        "at_hash",
        "acr",
        "amr",
        "sid",
        "scope",
    ] {
        let (kind, meaning) = describe_claim(name);
        assert_eq!(kind, ClaimKind::Public, "{name}");
        assert!(!meaning.unwrap().description.is_empty());
    }
}

#[test]
fn unknown_claims_are_private() {
    assert_eq!(describe_claim("tenant_plan"), (ClaimKind::Private, None));
}

#[test]
fn every_header_parameter_is_described() {
    for name in [
        "alg", "typ", "kid", "cty", "crit", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "zip",
        "enc",
    ] {
        assert!(describe_header(name).is_some(), "{name}");
    }
    assert!(describe_header("custom").is_none());
}

#[test]
fn alg_values_are_explained_correctly() {
    assert_eq!(describe_alg("HS256"), Some("HMAC using SHA-256"));
    assert_eq!(describe_alg("HS384"), Some("HMAC using SHA-384"));
    assert_eq!(describe_alg("HS512"), Some("HMAC using SHA-512"));
    assert_eq!(
        describe_alg("RS384"),
        Some("RSASSA-PKCS1-v1_5 using SHA-384")
    );
    assert_eq!(
        describe_alg("PS512"),
        Some("RSASSA-PSS using SHA-512 and MGF1 with SHA-512")
    );
    assert_eq!(describe_alg("ES384"), Some("ECDSA using P-384 and SHA-384"));
    assert_eq!(describe_alg("ES512"), Some("ECDSA using P-521 and SHA-512"));
    assert_eq!(describe_alg("hs256"), None);
}
