//! JWT Lens's signature verdicts against npm `jose` on thousands of
//! structurally mutated tokens.
//!
//! `tests/differential/jose_mutations.mjs` takes a valid token for each of the
//! 13 algorithms JWT Lens verifies (HS256/384/512 signed there with a secret;
//! RS, PS, ES and EdDSA from `tests/fixtures/keys/tokens.json`), applies
//! seeded structural mutations (segments added, dropped, duplicated or
//! swapped; `.` or `.junk` appended; `=` padding; `+` and `/`; whitespace
//! inside; segments cut short or lengthened; a character flipped) and records
//! whether `jose`'s `compactVerify` accepts each. JWT Lens must never call
//! valid what `jose` rejects, and must accept the unmodified tokens as `jose`
//! does.
//!
//! `jose` is the stricter judge only in one direction: on node 20 it decodes
//! the signature with `atob`, which tolerates `=` padding, whitespace and
//! stray last-symbol bits that JWT Lens refuses (RFC 7515 §2). So where `jose`
//! accepts a mutation, JWT Lens may still refuse it; that is not asserted.
//!
//! Needs node and `jose` (`scripts/setup.sh test`); set `JWT_LENS_SKIP_NODE=1`
//! to skip when they are missing.

mod fixtures;

use std::collections::BTreeMap;

use jwt_lens::jwt::{
    AlgChoice, Credential as LensCredential, Removed, Secret, SecretEncoding, SignatureStatus,
    inspect, verify,
};
use serde_json::Value;

/// The mutation script, relative to the crate root.
const SCRIPT: &str = "tests/differential/jose_mutations.mjs";

/// Mutations per algorithm: 13 × 300 cases stay well under ten seconds.
const PER_ALG: usize = 300;

/// The seed of the mutations; change it to explore, keep it to reproduce.
const SEED: u32 = 20_261_211;

/// What a token is verified with.
#[derive(Debug)]
enum Credential {
    /// An HMAC secret, as UTF-8 text.
    Secret(String),
    /// A public key, as SPKI PEM.
    PublicKey(String),
}

/// Only certificates' validity depends on the time; none are used here.
const NOW: i64 = 1_800_000_000;

/// JWT Lens's verdict on `token`: does it call the signature valid, and did
/// it remove whitespace from inside the paste first (which the page lists)?
///
/// The one place the test asks JWT Lens, through its single verification
/// path ([`jwt_lens::jwt::verify`]; the public-key answer comes from the
/// keys code exactly as the page's second module computes it).
fn lens_verdict(token: &str, key: &Credential) -> (bool, bool) {
    let Some(report) = inspect(token) else {
        return (false, false);
    };
    let status = match key {
        Credential::Secret(secret) => verify(
            &report,
            LensCredential::Secret(Secret::decode(secret, SecretEncoding::Utf8)),
            AlgChoice::FromToken,
        ),
        Credential::PublicKey(pem) => {
            jwt_lens::jwt::verify::with_public_key(&report, AlgChoice::FromToken, pem, NOW).0
        }
    };
    let removed_whitespace = report
        .cleaned
        .removed
        .iter()
        .any(|r| matches!(r, Removed::LineBreaks(_) | Removed::Spaces(_)));
    (
        matches!(status, SignatureStatus::Valid { .. }),
        removed_whitespace,
    )
}

fn lens_is_valid(token: &str, key: &Credential) -> bool {
    lens_verdict(token, key).0
}

/// One mutated (or original) token and `jose`'s verdict on it.
struct Case {
    alg: String,
    kind: String,
    token: String,
    jose: bool,
    /// jose's verdict on the token with its whitespace removed.
    jose_stripped: bool,
}

/// Runs the script; `None` when node or jose is missing and skipping is allowed.
fn jose_cases() -> Option<(String, BTreeMap<String, Credential>, Vec<Case>)> {
    let (seed, per_alg) = (SEED.to_string(), PER_ALG.to_string());
    let out = fixtures::node::run(SCRIPT, &["--seed", &seed, "--per-alg", &per_alg], None)?;
    let text = |v: &Value| v.as_str().expect("a string").to_owned();
    let keys = out["keys"]
        .as_object()
        .expect("keys")
        .iter()
        .map(|(alg, key)| {
            let credential = match key["kind"].as_str() {
                Some("secret") => Credential::Secret(text(&key["text"])),
                _ => Credential::PublicKey(text(&key["text"])),
            };
            (alg.clone(), credential)
        })
        .collect();
    let cases = out["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| Case {
            alg: text(&c["alg"]),
            kind: text(&c["kind"]),
            token: text(&c["token"]),
            jose: c["jose"].as_bool().expect("a verdict"),
            jose_stripped: c["jose_stripped"].as_bool().unwrap_or(false),
        })
        .collect();
    Some((text(&out["generator"]), keys, cases))
}

#[test]
fn mutated_tokens_jose_rejects_are_never_valid_in_jwt_lens() {
    let Some((generator, keys, cases)) = jose_cases() else {
        return;
    };
    assert_eq!(keys.len(), 13, "one key per algorithm");
    assert_eq!(cases.len(), 13 * (PER_ALG + 1), "{generator}");

    let mut originals_differ = Vec::new();
    // kind -> alg -> mutations jose rejects and JWT Lens calls valid, and one example per kind.
    let mut too_lenient: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut examples: BTreeMap<&str, &str> = BTreeMap::new();
    let (mut rejected, mut stricter) = (0, 0);
    for case in &cases {
        let key = &keys[&case.alg];
        let (lens, removed_whitespace) = lens_verdict(&case.token, key);
        // The page removes whitespace from a paste, lists what it removed in
        // `#cleaning-note`, and verifies what is left; that text is what
        // jose must accept.
        let jose = if removed_whitespace {
            case.jose_stripped
        } else {
            case.jose
        };
        if case.kind == "original" {
            if lens != case.jose {
                originals_differ.push(format!("{}: lens {lens}, jose {}", case.alg, case.jose));
            }
            continue;
        }
        match (jose, lens) {
            (false, true) => {
                *too_lenient
                    .entry(&case.kind)
                    .or_default()
                    .entry(&case.alg)
                    .or_default() += 1;
                examples.entry(&case.kind).or_insert(&case.token);
            }
            (false, false) => rejected += 1,
            (true, false) => stricter += 1,
            (true, true) => {}
        }
    }
    eprintln!(
        "{} cases from {generator}, seed {SEED}: both reject {rejected}, \
         only JWT Lens rejects {stricter} (jose's lenient atob)",
        cases.len()
    );
    assert!(
        originals_differ.is_empty(),
        "unmodified tokens: {originals_differ:#?}"
    );
    let mut total = 0;
    let mut table = String::new();
    for (kind, algs) in &too_lenient {
        let n: usize = algs.values().sum();
        total += n;
        let algs: Vec<String> = algs.iter().map(|(alg, n)| format!("{alg} {n}")).collect();
        table += &format!(
            "{n:5}  {kind}: {}\n       e.g. {:?}\n",
            algs.join(", "),
            examples[kind]
        );
    }
    assert!(
        too_lenient.is_empty(),
        "{total} mutated tokens that jose rejects are valid in JWT Lens, by mutation:\n{table}"
    );
}

/// The family the mutations above found first, pinned without node: a JWS
/// in compact serialization has exactly three parts (RFC 7515 §7.1), so a
/// fourth one, even empty, makes a token that no strict library accepts.
#[test]
fn public_key_tokens_with_a_fourth_segment_are_not_valid() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/keys/tokens.json"
    );
    let text = std::fs::read_to_string(path).expect("tests/fixtures/keys/tokens.json");
    let fixtures: Value = serde_json::from_str(&text).expect("JSON");
    let mut lenient = Vec::new();
    for case in fixtures["cases"].as_array().expect("cases") {
        let alg = case["alg"].as_str().expect("alg");
        let token = case["token"].as_str().expect("token");
        let key = Credential::PublicKey(case["spki_pem"].as_str().expect("spki_pem").to_owned());
        assert!(
            lens_is_valid(token, &key),
            "{alg}: the jose-signed token itself"
        );
        for tail in [".", ".junk", ".e30", ".."] {
            if lens_is_valid(&format!("{token}{tail}"), &key) {
                lenient.push(format!("{alg} + {tail:?}"));
            }
        }
    }
    assert!(
        lenient.is_empty(),
        "valid with a fourth segment: {lenient:?}"
    );
}
