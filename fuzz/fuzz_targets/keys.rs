//! Fuzz target: what the key box runs on pasted text. The first byte picks
//! the token's `alg`; the rest is the key text (PEM, DER, JWK, JWKS or junk),
//! checked against RFC 7515 A.2's signing input and signature.
#![no_main]

use jwt_lens::jwt::Alg;
use jwt_lens::jwt::base64url::{Alphabet, decode};
use jwt_lens::jwt::keys::{KeyCheck, check, read_keys, secret_material};
use libfuzzer_sys::fuzz_target;

const INPUT: &str = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
const SIGNATURE: &str = "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";
const ALGS: [&str; 11] = ["RS256", "PS384", "ES256", "ES384", "ES512", "EdDSA", "RS512", "PS256", "HS256", "ES256K", "none"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let _ = secret_material(&text);
    if let Err(e) = read_keys(&text) {
        let _ = e.to_string();
    }
    let alg = Alg::parse(ALGS[usize::from(selector) % ALGS.len()]);
    let Ok(signature) = decode(SIGNATURE, Alphabet::Url) else {
        return;
    };
    let outcome = check(&alg, Some("2010-12-29"), INPUT.as_bytes(), &signature.bytes, &text, 1_700_000_000);
    let _ = outcome.outcome.text();
    let _ = KeyCheck::from_wire(&outcome.to_wire());
});
