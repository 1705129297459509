//! Role evidence (markers, structure, hints), the findings that depend on
//! it, issuer families and providers' claims, on hand-made tokens.

mod fixtures;

use fixtures::unsigned;
use jwt_lens::jwt::claims::{ClaimKind, describe_claim, describe_claim_for};
use jwt_lens::jwt::insight::{Role, Strength, clock_findings, guess_role, issuer_family};
use jwt_lens::jwt::issuer::IssuerFamily;
use jwt_lens::jwt::{Report, inspect};

const NOW: i64 = 1_767_225_600;

fn token(header: &str, payload: &str) -> Report {
    inspect(&unsigned(header, payload, "c2ln")).unwrap()
}

fn role(header: &str, payload: &str) -> Role {
    guess_role(&token(header, payload)).role
}

/// Ids of every finding the page shows without a secret, at NOW.
fn ids(header: &str, payload: &str) -> Vec<&'static str> {
    let report = token(header, payload);
    let mut all: Vec<_> = report.findings.iter().map(|f| f.id).collect();
    all.extend(clock_findings(&report, NOW).iter().map(|f| f.id));
    all
}

const JWT: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

#[test]
fn header_typ_markers_decide_the_role() {
    for (typ, expected) in [
        ("at+jwt", Role::Access),
        ("application/at+jwt", Role::Access),
        ("AT+JWT", Role::Access),
        ("dpop+jwt", Role::DpopProof),
        ("logout+jwt", Role::Logout),
        ("secevent+jwt", Role::SecurityEvent),
        ("application/secevent+jwt", Role::SecurityEvent),
    ] {
        let header = format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#);
        let guess = guess_role(&token(&header, r#"{"sub":"a"}"#));
        assert_eq!(guess.role, expected, "{typ}");
        assert_eq!(guess.evidence[0].strength, Strength::Marker, "{typ}");
        assert!(guess.because.contains("typ"), "{typ}: {}", guess.because);
    }
}

#[test]
fn payload_markers_match_whole_words_case_insensitively() {
    for (claim, value, expected) in [
        ("token_use", "access", Role::Access),
        ("token_use", "id", Role::Id),
        ("typ", "Bearer", Role::Access),
        ("typ", "Refresh", Role::Refresh),
        ("typ", "Offline", Role::Refresh),
        ("typ", "ID", Role::Id),
        ("typ", "Logout", Role::Logout),
        ("token_type", "refresh_token", Role::Refresh),
        ("type", "access", Role::Access),
        ("type", "android", Role::Unknown),
        ("type", "identity", Role::Unknown),
        ("token_type", "bid", Role::Unknown),
        ("typ", "refreshable", Role::Unknown),
    ] {
        let payload = format!(r#"{{"{claim}":"{value}"}}"#);
        assert_eq!(role(JWT, &payload), expected, "{claim} = {value}");
    }
}

#[test]
fn type_android_is_not_an_id_token() {
    let guess = guess_role(&token(JWT, r#"{"type":"android","sub":"u1"}"#));
    assert_ne!(guess.role, Role::Id, "{}", guess.because);
}

#[test]
fn logout_event_is_a_marker_without_a_typ() {
    let payload = r#"{"iss":"https://op.example","aud":"rp","iat":1,"jti":"j","sid":"s",
        "events":{"http://schemas.openid.net/event/backchannel-logout":{}}}"#;
    assert_eq!(role(JWT, payload), Role::Logout);
    assert_eq!(
        role(
            JWT,
            r#"{"events":{"urn:ietf:params:scim:event:create":{}}}"#
        ),
        Role::SecurityEvent
    );
}

#[test]
fn auth_time_acr_amr_alone_do_not_make_an_id_token() {
    let payload = format!(
        r#"{{"iss":"https://op.example","aud":"api","auth_time":{NOW},"acr":"1","amr":["pwd"],"iat":{NOW},"exp":{}}}"#,
        NOW + 600
    );
    assert_ne!(role(JWT, &payload), Role::Id);
    let okta = format!(
        r#"{{"ver":1,"iss":"https://x.okta.com/oauth2/default","aud":"api://default","cid":"c","uid":"u","scp":["openid"],"auth_time":{NOW}}}"#
    );
    assert_eq!(role(r#"{"alg":"RS256"}"#, &okta), Role::Access);
}

#[test]
fn a_marker_beats_id_structure_and_the_conflict_is_shown() {
    let guess = guess_role(&token(
        JWT,
        r#"{"typ":"Bearer","aud":"web","nonce":"n","auth_time":1}"#,
    ));
    assert_eq!(guess.role, Role::Access);
    assert!(!guess.unsure);
    assert!(guess.evidence.iter().any(|e| e.role == Role::Id));
    assert!(guess.because.contains("against it"), "{}", guess.because);
}

#[test]
fn conflicting_markers_are_unsure() {
    let guess = guess_role(&token(
        r#"{"alg":"HS256","typ":"at+jwt"}"#,
        r#"{"token_use":"id"}"#,
    ));
    assert!(guess.unsure, "{}", guess.because);
    assert!(guess.because.contains("unsure"));
}

#[test]
fn id_structure_needs_a_binding_claim_and_an_aud() {
    assert_eq!(role(JWT, r#"{"aud":"client","nonce":"n"}"#), Role::Id);
    assert_eq!(role(JWT, r#"{"aud":"client","c_hash":"h"}"#), Role::Id);
    assert_ne!(role(JWT, r#"{"nonce":"n"}"#), Role::Id);
}

#[test]
fn lifetime_and_offline_access_never_override_structure() {
    let day = format!(
        r#"{{"scope":"openid offline_access","iat":{NOW},"exp":{}}}"#,
        NOW + 86_400
    );
    assert_eq!(role(JWT, &day), Role::Access);
    let bare = format!(r#"{{"iat":{NOW},"exp":{}}}"#, NOW + 30 * 86_400);
    let guess = guess_role(&token(JWT, &bare));
    assert_eq!(guess.role, Role::Refresh);
    assert_eq!(guess.evidence[0].strength, Strength::Hint);
}

#[test]
fn client_assertion_has_iss_equal_to_sub_and_a_token_endpoint_aud() {
    let payload =
        r#"{"iss":"c1","sub":"c1","aud":"https://as.example/token","jti":"j","exp":2,"iat":1}"#;
    assert_eq!(role(r#"{"alg":"RS256"}"#, payload), Role::ClientAssertion);
    let user = r#"{"iss":"https://as.example","sub":"u1","aud":"https://as.example/token"}"#;
    assert_ne!(role(r#"{"alg":"RS256"}"#, user), Role::ClientAssertion);
}

#[test]
fn dpop_proof_jwk_is_not_key_injection() {
    let jwk = r#""jwk":{"kty":"EC","crv":"P-256","x":"a","y":"b"}"#;
    let payload =
        format!(r#"{{"jti":"j","htm":"POST","htu":"https://as.example/token","iat":{NOW}}}"#);
    let proof = format!(r#"{{"alg":"ES256","typ":"dpop+jwt",{jwk}}}"#);
    let found = ids(&proof, &payload);
    assert!(!found.contains(&"key-injection-header"), "{found:?}");
    assert!(
        !found.contains(&"no-exp") && !found.contains(&"no-aud"),
        "{found:?}"
    );
    let fetched = format!(r#"{{"alg":"ES256","typ":"dpop+jwt",{jwk},"jku":"https://x"}}"#);
    assert!(ids(&fetched, &payload).contains(&"key-injection-header"));
    let plain = format!(r#"{{"alg":"ES256","typ":"JWT",{jwk}}}"#);
    assert!(ids(&plain, &payload).contains(&"key-injection-header"));
    let x5u = r#"{"alg":"ES256","typ":"dpop+jwt","x5u":"https://x"}"#;
    assert!(ids(x5u, &payload).contains(&"key-injection-header"));
}

#[test]
fn explicit_typ_values_are_expected() {
    for typ in [
        "JWT",
        "jwt",
        "application/jwt",
        "at+jwt",
        "application/at+jwt",
        "dpop+jwt",
        "logout+jwt",
        "secevent+jwt",
        "dc+sd-jwt",
        "vc+sd-jwt",
        "kb+jwt",
        "JOSE",
    ] {
        let header = format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#);
        assert!(!ids(&header, "{}").contains(&"unexpected-typ"), "{typ}");
    }
    for typ in ["JWS", "Bearer", "json"] {
        let header = format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#);
        assert!(ids(&header, "{}").contains(&"unexpected-typ"), "{typ}");
    }
}

// 4111111111111111 and 5555555555554444 pass the Luhn check (they are the
// test card numbers Visa and Mastercard publish).
#[test]
fn luhn_valid_ids_in_identifier_claims_raise_nothing() {
    for name in ["sub", "user_id", "account_id", "oid", "uid", "customer"] {
        for value in [r#""4111111111111111""#, "5555555555554444"] {
            let payload = format!(r#"{{"{name}":{value}}}"#);
            assert!(
                !ids(JWT, &payload).contains(&"sensitive-claim"),
                "{name} = {value}"
            );
        }
    }
}

#[test]
fn card_numbers_named_or_formatted_as_cards_are_danger() {
    for payload in [
        r#"{"card_number":"4111111111111111"}"#,
        r#"{"card":"4111111111111111"}"#,
        r#"{"pan":5555555555554444}"#,
        r#"{"cc_number":"4111-1111-1111-1111"}"#,
        r#"{"note":"4111 1111 1111 1111"}"#,
        r#"{"note":"5555-5555-5555-4444"}"#,
    ] {
        assert!(ids(JWT, payload).contains(&"sensitive-claim"), "{payload}");
    }
    assert!(!ids(JWT, r#"{"note":"4111 1111 1111 1112"}"#).contains(&"sensitive-claim"));
    assert!(!ids(JWT, r#"{"card":"4111111111111112"}"#).contains(&"sensitive-claim"));
}

#[test]
fn issuer_shapes_name_their_family() {
    for (iss, family) in [
        (
            "https://sso.example.com/realms/demo",
            IssuerFamily::Keycloak,
        ),
        (
            "https://sso.example.com/auth/realms/demo",
            IssuerFamily::Keycloak,
        ),
        (
            "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
            IssuerFamily::Entra,
        ),
        (
            "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
            IssuerFamily::Entra,
        ),
        (
            "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc",
            IssuerFamily::Cognito,
        ),
        ("https://tenant.auth0.com/", IssuerFamily::Auth0),
        ("https://tenant.eu.auth0.com/", IssuerFamily::Auth0),
        ("https://org.okta.com", IssuerFamily::Okta),
        (
            "https://org.oktapreview.com/oauth2/default",
            IssuerFamily::Okta,
        ),
        (
            "https://login.example.com/oauth2/default",
            IssuerFamily::Okta,
        ),
        ("https://accounts.google.com", IssuerFamily::Google),
        ("accounts.google.com", IssuerFamily::Google),
        (
            "https://securetoken.google.com/my-project",
            IssuerFamily::Firebase,
        ),
        (
            "https://token.actions.githubusercontent.com",
            IssuerFamily::GithubActions,
        ),
        ("kubernetes/serviceaccount", IssuerFamily::Kubernetes),
        (
            "https://kubernetes.default.svc.cluster.local",
            IssuerFamily::Kubernetes,
        ),
        ("https://auth0.com.evil.example/", IssuerFamily::Unknown),
        ("https://notokta.com/", IssuerFamily::Unknown),
    ] {
        let payload = format!(r#"{{"iss":"{iss}"}}"#);
        assert_eq!(issuer_family(&token(JWT, &payload)).family, family, "{iss}");
    }
    let eks = r#"{"iss":"https://oidc.eks.eu-west-1.amazonaws.com/id/ABC","kubernetes.io":{"namespace":"default"}}"#;
    assert_eq!(
        issuer_family(&token(JWT, eks)).family,
        IssuerFamily::Kubernetes
    );
    let custom = r#"{"iss":"https://login.example.com/","sub":"auth0|abc"}"#;
    assert_eq!(
        issuer_family(&token(JWT, custom)).family,
        IssuerFamily::Auth0
    );
}

#[test]
fn provider_claims_are_explained_with_their_documentation() {
    for (name, family) in [
        ("oid", IssuerFamily::Entra),
        ("tid", IssuerFamily::Entra),
        ("scp", IssuerFamily::Entra),
        ("roles", IssuerFamily::Entra),
        ("wids", IssuerFamily::Entra),
        ("ver", IssuerFamily::Entra),
        ("uti", IssuerFamily::Entra),
        ("idp", IssuerFamily::Entra),
        ("cognito:groups", IssuerFamily::Cognito),
        ("cognito:username", IssuerFamily::Cognito),
        ("client_id", IssuerFamily::Cognito),
        ("token_use", IssuerFamily::Cognito),
        ("realm_access", IssuerFamily::Keycloak),
        ("resource_access", IssuerFamily::Keycloak),
        ("azp", IssuerFamily::Keycloak),
        ("typ", IssuerFamily::Keycloak),
        ("sid", IssuerFamily::Keycloak),
        ("allowed-origins", IssuerFamily::Keycloak),
        ("cid", IssuerFamily::Okta),
        ("uid", IssuerFamily::Okta),
        ("firebase", IssuerFamily::Firebase),
        ("user_id", IssuerFamily::Firebase),
        ("repository", IssuerFamily::GithubActions),
        ("ref", IssuerFamily::GithubActions),
        ("job_workflow_ref", IssuerFamily::GithubActions),
        ("repository_owner", IssuerFamily::GithubActions),
        ("run_id", IssuerFamily::GithubActions),
        ("kubernetes.io", IssuerFamily::Kubernetes),
        ("preferred_username", IssuerFamily::Entra),
    ] {
        let (kind, meaning) = describe_claim_for(name, family);
        let meaning = meaning.unwrap_or_else(|| panic!("{name}"));
        assert_ne!(kind, ClaimKind::Private, "{name}");
        let url = meaning.url.unwrap_or_else(|| panic!("{name} has no page"));
        assert!(url.starts_with("https://"), "{name}");
    }
    assert_eq!(describe_claim("realm_access").0, ClaimKind::Provider);
    assert_eq!(describe_claim("sid").0, ClaimKind::Public);
    assert!(
        describe_claim_for("roles", IssuerFamily::Entra)
            .1
            .unwrap()
            .url
            .is_some()
    );
    assert!(describe_claim("roles").1.unwrap().url.is_none());
}

/// Review findings: an hour-long token whose `aud` is a client is not an
/// access token for its lifetime alone (Entra, Google, Okta and Cognito give
/// ID tokens an hour); an application's own `type` claim is structure, not
/// a marker; base64url kids with `--` are not injection; a Keycloak offline
/// token's missing `exp` is Keycloak's default, not a warning.
#[test]
fn hour_long_token_for_a_client_is_not_access_by_lifetime() {
    let payload = r#"{"iss":"https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/","aud":"6731de76-14a6-49ae-97bc-6eba6914391e","sub":"AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ","iat":1767225600,"exp":1767229200}"#;
    assert_ne!(role(JWT, payload), Role::Access);
    let for_api = r#"{"iss":"https://issuer.example.com","aud":"https://api.example.com","sub":"x","iat":1767225600,"exp":1767229200}"#;
    assert_eq!(role(JWT, for_api), Role::Access);
}

#[test]
fn an_application_type_claim_is_not_a_marker() {
    let guess = guess_role(&token(JWT, r#"{"type":"id","scope":"read"}"#));
    assert!(
        guess.role != Role::Id || guess.unsure,
        "type is weaker than a marker: {guess:?}"
    );
    assert!(
        guess
            .evidence
            .iter()
            .all(|e| !(e.text.starts_with("type is") && e.strength == Strength::Marker))
    );
}

#[test]
fn base64url_kid_with_two_dashes_is_not_suspicious() {
    let header = r#"{"alg":"HS256","typ":"JWT","kid":"Xc--9aBq_3Jk"}"#;
    assert!(!ids(header, r#"{"sub":"x","exp":1767229200}"#).contains(&"suspicious-kid"));
    let traversal = r#"{"alg":"HS256","typ":"JWT","kid":"../../dev/null"}"#;
    assert!(ids(traversal, r#"{"sub":"x","exp":1767229200}"#).contains(&"suspicious-kid"));
}

#[test]
fn keycloak_offline_token_without_exp_is_info_not_warning() {
    let offline = r#"{"iss":"https://sso.example.com/realms/demo","aud":"https://sso.example.com/realms/demo","sub":"f0a1","typ":"Offline","azp":"web","scope":"openid offline_access","iat":1767225600,"sid":"s1"}"#;
    let report = token(JWT, offline);
    assert_eq!(guess_role(&report).role, Role::Refresh);
    let no_exp: Vec<_> = report
        .findings
        .iter()
        .chain(clock_findings(&report, NOW).iter())
        .filter(|f| f.id == "no-exp")
        .map(|f| f.severity)
        .collect();
    assert_eq!(
        no_exp,
        [jwt_lens::jwt::Severity::Info],
        "{:?}",
        report.findings
    );
}
