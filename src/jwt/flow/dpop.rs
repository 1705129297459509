//! A DPoP proof checked as RFC 9449 §4.3 requires, against the request
//! that carried it and the access token beside it; one check per step.

use sha2::{Digest, Sha256};

use super::{CrossCheck, Outcome, check, claim, claim_str};
use crate::jwt::Report;
use crate::jwt::base64url;
use crate::jwt::json::{Json, write_string};
use crate::jwt::paste::{Request, without_query};
use crate::jwt::time::TimeClaim;
use crate::jwt::verify::SignatureStatus;

/// How far a proof's `iat` may be from now, in seconds, before leeway
/// (RFC 9449 §11.1 leaves it to the server; five minutes is common).
pub const DPOP_IAT_WINDOW: i64 = 300;

/// JWK members that only a private key has (RFC 7518 §6.2.2, §6.3.2, §6.4).
const PRIVATE_MEMBERS: [&str; 8] = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

fn header(proof: &Report) -> Option<&Json> {
    proof.header.as_ref()?.json.as_ref()
}

/// The proof's `jwk` as JSON text: the key its signature is checked with.
/// The one case where a key inside a token is the right key (RFC 9449
/// §4.3 step 7): the proof says which key signs it, and `cnf.jkt` in the
/// access token says which key must.
pub fn proof_key(proof: &Report) -> Option<String> {
    header(proof)?
        .get("jwk")
        .filter(|k| k.members().is_some())
        .map(Json::pretty)
}

/// The RFC 7638 thumbprint of a public JWK: SHA-256 of its required
/// members in lexicographic order, base64url. `None` for an unknown `kty`.
/// Read from the JSON alone, so the page links no key-parsing crypto.
pub fn jwk_thumbprint(jwk: &Json) -> Option<String> {
    let kty = jwk.get("kty")?.as_str()?;
    let members: &[&str] = match kty {
        "RSA" => &["e", "kty", "n"],
        "EC" => &["crv", "kty", "x", "y"],
        "OKP" => &["crv", "kty", "x"],
        _ => return None,
    };
    let mut canonical = String::from("{");
    for (i, name) in members.iter().enumerate() {
        if i > 0 {
            canonical.push(',');
        }
        write_string(&mut canonical, name);
        canonical.push(':');
        write_string(&mut canonical, jwk.get(name)?.as_str()?);
    }
    canonical.push('}');
    Some(base64url::encode(&Sha256::digest(canonical.as_bytes())))
}

/// `dpop-signature`, from the check of the proof with its own `jwk`.
pub fn signature_check(status: &SignatureStatus) -> CrossCheck {
    let outcome = match status {
        SignatureStatus::Valid { .. } => Outcome::Pass,
        SignatureStatus::Invalid { .. } => Outcome::Fail(status.message()),
        _ => Outcome::Skipped(status.message()),
    };
    check("dpop-signature", "RFC 9449 §4.3 step 7", outcome)
}

/// The §4.3 checks but the signature, which needs the keys module.
pub fn proof_checks(
    proof: &Report,
    request: Option<&Request>,
    access: Option<(&str, Option<&Report>)>,
    now: i64,
    leeway: i64,
) -> Vec<CrossCheck> {
    let header = header(proof);
    let head = |name: &str| header.and_then(|h| h.get(name));
    let typ = head("typ").and_then(Json::as_str);
    let alg = head("alg").and_then(Json::as_str).unwrap_or("");
    let jwk = head("jwk");
    let mut out = vec![
        check(
            "dpop-typ",
            "RFC 9449 §4.3 step 4",
            match typ {
                Some("dpop+jwt") => Outcome::Pass,
                other => Outcome::Fail(format!(
                    "typ is {}, not dpop+jwt",
                    other.unwrap_or("missing")
                )),
            },
        ),
        check("dpop-alg", "RFC 9449 §4.3 step 5", {
            let asymmetric = ["RS", "PS", "ES", "Ed"].iter().any(|p| alg.starts_with(p));
            if asymmetric {
                Outcome::Pass
            } else {
                Outcome::Fail(format!(
                    "alg {alg} is not an asymmetric signature algorithm"
                ))
            }
        }),
        check(
            "dpop-jwk",
            "RFC 9449 §4.3 step 6",
            match jwk {
                Some(k) if k.members().is_none() => Outcome::Fail("jwk is not an object".into()),
                None => Outcome::Fail("no jwk in the header".into()),
                Some(k) => match PRIVATE_MEMBERS.iter().find(|m| k.get(m).is_some()) {
                    Some(m) => Outcome::Fail(format!(
                        "jwk holds the private member {m}: the client leaked its private key"
                    )),
                    None => Outcome::Pass,
                },
            },
        ),
        check(
            "dpop-jti",
            "RFC 9449 §4.3 step 8, §11.1",
            match claim_str(proof, "jti") {
                Some(j) if !j.is_empty() => Outcome::Pass,
                _ => Outcome::Fail("no jti: the server cannot detect a replayed proof".into()),
            },
        ),
    ];
    let htm = claim_str(proof, "htm");
    let htu = claim_str(proof, "htu");
    out.push(check(
        "dpop-htm",
        "RFC 9449 §4.3 step 9",
        match (htm, request) {
            (None, _) => Outcome::Fail("no htm".into()),
            (_, None) => Outcome::Skipped("the paste names no request".into()),
            (Some(m), Some(r)) if m == r.method => Outcome::Pass,
            (Some(m), Some(r)) => Outcome::Fail(format!("htm is {m}, the request is {}", r.method)),
        },
    ));
    out.push(check(
        "dpop-htu",
        "RFC 9449 §4.3 step 10",
        match (htu, request) {
            (None, _) => Outcome::Fail("no htu".into()),
            (_, None) => Outcome::Skipped("the paste names no request".into()),
            (Some(u), Some(r)) if without_query(u) == without_query(&r.url) => Outcome::Pass,
            (Some(u), Some(r)) => Outcome::Fail(format!(
                "htu is {u}, the request is to {}",
                without_query(&r.url)
            )),
        },
    ));
    out.push(check(
        "dpop-iat",
        "RFC 9449 §4.3 step 11, §11.1",
        match proof.time_claim(TimeClaim::Iat) {
            None => Outcome::Fail("no iat".into()),
            Some(iat) if iat.abs_diff(now) <= (DPOP_IAT_WINDOW + leeway.max(0)).unsigned_abs() => {
                Outcome::Pass
            }
            Some(iat) => Outcome::Fail(format!(
                "iat is {} s from now, more than {DPOP_IAT_WINDOW} s",
                iat - now
            )),
        },
    ));
    let ath = claim_str(proof, "ath");
    out.push(check(
        "dpop-ath",
        "RFC 9449 §4.3 step 12",
        match (access, ath) {
            (None, _) => Outcome::Skipped("no access token in the paste".into()),
            (Some(_), None) => {
                Outcome::Fail("the proof comes with an access token but has no ath".into())
            }
            (Some((token, _)), Some(ath)) => {
                let expected = base64url::encode(&Sha256::digest(token.as_bytes()));
                if expected == ath {
                    Outcome::Pass
                } else {
                    Outcome::Fail(format!(
                        "ath is {ath}, the SHA-256 of the access token is {expected}"
                    ))
                }
            }
        },
    ));
    let jkt = access
        .and_then(|(_, r)| r)
        .and_then(|r| claim(r, "cnf")?.get("jkt")?.as_str());
    out.push(check(
        "dpop-jkt",
        "RFC 9449 §6.1",
        match (jkt, jwk.and_then(jwk_thumbprint)) {
            (None, _) => Outcome::Skipped("the access token has no cnf.jkt".into()),
            (Some(_), None) => Outcome::Fail("the proof's jwk has no thumbprint".into()),
            (Some(jkt), Some(thumb)) if jkt == thumb => Outcome::Pass,
            (Some(jkt), Some(thumb)) => {
                Outcome::Fail(format!("cnf.jkt is {jkt}, the proof's key is {thumb}"))
            }
        },
    ));
    out
}
