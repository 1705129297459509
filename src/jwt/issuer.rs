//! Which identity provider issued a token, recognised from `iss` and the
//! provider's own claims, and what that provider documents as its defaults.

use crate::jwt::json::Json;

/// A family of issuers whose tokens share a documented shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssuerFamily {
    /// Keycloak (and Red Hat build of Keycloak): `https://host/realms/NAME`.
    Keycloak,
    /// Microsoft Entra ID (Azure AD), v1 (`sts.windows.net`) and v2 (`login.microsoftonline.com`).
    Entra,
    /// Amazon Cognito user pools: `https://cognito-idp.REGION.amazonaws.com/POOL`.
    Cognito,
    /// Auth0: `https://TENANT.auth0.com/`, or a custom domain with Auth0's user ids.
    Auth0,
    /// Okta: `https://ORG.okta.com`, `oktapreview.com`, `/oauth2/default`.
    Okta,
    /// Google accounts: `https://accounts.google.com`.
    Google,
    /// Firebase Authentication: `https://securetoken.google.com/PROJECT`.
    Firebase,
    /// GitHub Actions OIDC: `https://token.actions.githubusercontent.com`.
    GithubActions,
    /// Kubernetes service accounts: `kubernetes/serviceaccount` or the `kubernetes.io` claim.
    Kubernetes,
    /// No family recognised.
    Unknown,
}

impl IssuerFamily {
    /// Every family, for tests and tables.
    pub const ALL: [IssuerFamily; 10] = [
        IssuerFamily::Keycloak,
        IssuerFamily::Entra,
        IssuerFamily::Cognito,
        IssuerFamily::Auth0,
        IssuerFamily::Okta,
        IssuerFamily::Google,
        IssuerFamily::Firebase,
        IssuerFamily::GithubActions,
        IssuerFamily::Kubernetes,
        IssuerFamily::Unknown,
    ];

    /// The page's `data-family`: `keycloak`, `entra`, `cognito`, `auth0`,
    /// `okta`, `google`, `firebase`, `github-actions`, `kubernetes` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            IssuerFamily::Keycloak => "keycloak",
            IssuerFamily::Entra => "entra",
            IssuerFamily::Cognito => "cognito",
            IssuerFamily::Auth0 => "auth0",
            IssuerFamily::Okta => "okta",
            IssuerFamily::Google => "google",
            IssuerFamily::Firebase => "firebase",
            IssuerFamily::GithubActions => "github-actions",
            IssuerFamily::Kubernetes => "kubernetes",
            IssuerFamily::Unknown => "unknown",
        }
    }

    /// The provider's name for sentences: "Microsoft Entra ID", …
    pub fn name(self) -> &'static str {
        match self {
            IssuerFamily::Keycloak => "Keycloak",
            IssuerFamily::Entra => "Microsoft Entra ID",
            IssuerFamily::Cognito => "Amazon Cognito",
            IssuerFamily::Auth0 => "Auth0",
            IssuerFamily::Okta => "Okta",
            IssuerFamily::Google => "Google",
            IssuerFamily::Firebase => "Firebase Authentication",
            IssuerFamily::GithubActions => "GitHub Actions",
            IssuerFamily::Kubernetes => "Kubernetes",
            IssuerFamily::Unknown => "an unrecognised issuer",
        }
    }

    /// The longest lifetime this provider gives an access token unless
    /// configured otherwise, with the page that documents it.
    pub fn default_access_lifetime(self) -> Option<ProviderDefault> {
        Some(match self {
            IssuerFamily::Auth0 => ProviderDefault {
                seconds: 86_400,
                text: "Auth0 issues API access tokens for 24 h (86400 s) unless the API's token expiration is changed",
                source: "Auth0: Update Access Token Lifetime, https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime",
            },
            IssuerFamily::Entra => ProviderDefault {
                seconds: 90 * 60,
                text: "Microsoft Entra ID gives access tokens a random lifetime of 60 to 90 minutes by default",
                source: "Microsoft identity platform: Configurable token lifetimes, https://learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes",
            },
            IssuerFamily::Kubernetes => ProviderDefault {
                seconds: 365 * 86_400,
                text: "kube-apiserver extends projected service account tokens to a year by default (--service-account-extend-token-expiration) and marks when clients should have refreshed in kubernetes.io.warnafter",
                source: "Kubernetes: kube-apiserver reference, https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/",
            },
            _ => return None,
        })
    }
}

impl IssuerFamily {
    /// The longest lifetime this provider gives an ID token unless configured otherwise.
    pub fn default_id_lifetime(self) -> Option<ProviderDefault> {
        Some(match self {
            IssuerFamily::Auth0 => ProviderDefault {
                seconds: 36_000,
                text: "Auth0 issues ID tokens for 10 h (36000 s) unless the application's ID token expiration is changed",
                source: "Auth0: Update ID Token Lifetime, https://auth0.com/docs/secure/tokens/id-tokens/update-id-token-lifetime",
            },
            _ => return None,
        })
    }
}

/// A provider's documented default, for findings that would otherwise call it a mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProviderDefault {
    /// The default, in seconds.
    pub seconds: i64,
    /// What the provider does, as a sentence fragment.
    pub text: &'static str,
    /// The provider's documentation page: title and URL.
    pub source: &'static str,
}

/// The recognised family and the claim that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FamilyGuess {
    /// The family, or [`IssuerFamily::Unknown`].
    pub family: IssuerFamily,
    /// Why, as a fragment: "iss is https://…/realms/demo (a Keycloak realm)".
    pub because: String,
}

/// Auth0 user ids are `CONNECTION|ID` (Auth0: User Profile Structure);
/// these are its built-in connection strategies.
const AUTH0_CONNECTIONS: &[&str] = &[
    "auth0",
    "google-oauth2",
    "github",
    "windowslive",
    "facebook",
    "apple",
    "linkedin",
    "twitter",
    "samlp",
    "waad",
    "oidc",
    "email",
    "sms",
    "adfs",
];

/// Recognises the issuer family from the payload: `iss` first, then claims
/// only one provider writes.
pub fn recognise(claims: &Json) -> FamilyGuess {
    let guess = |family, because: String| FamilyGuess { family, because };
    let iss = claims.get("iss").and_then(Json::as_str).unwrap_or_default();
    if let Some(family) = family_of_iss(iss) {
        return guess(family, format!("iss is {iss}"));
    }
    if claims.get("kubernetes.io").is_some()
        || claims
            .members()
            .unwrap_or_default()
            .iter()
            .any(|(k, _)| k.starts_with("kubernetes.io/serviceaccount/"))
    {
        return guess(
            IssuerFamily::Kubernetes,
            "it has Kubernetes' kubernetes.io claims".into(),
        );
    }
    if claims.get("firebase").is_some() && claims.get("user_id").is_some() {
        return guess(
            IssuerFamily::Firebase,
            "it has Firebase's firebase and user_id claims".into(),
        );
    }
    if claims.get("job_workflow_ref").is_some() && claims.get("runner_environment").is_some() {
        return guess(
            IssuerFamily::GithubActions,
            "it has GitHub Actions' job_workflow_ref and runner_environment claims".into(),
        );
    }
    if claims.get("realm_access").is_some() || claims.get("resource_access").is_some() {
        return guess(
            IssuerFamily::Keycloak,
            "it has Keycloak's realm_access or resource_access claims".into(),
        );
    }
    if claims.get("cognito:username").is_some() || claims.get("cognito:groups").is_some() {
        return guess(
            IssuerFamily::Cognito,
            "it has Cognito's cognito: claims".into(),
        );
    }
    if claims.get("tid").is_some() && claims.get("oid").is_some() && claims.get("ver").is_some() {
        return guess(
            IssuerFamily::Entra,
            "it has Entra ID's tid, oid and ver claims".into(),
        );
    }
    if claims.get("cid").is_some() && claims.get("uid").is_some() {
        return guess(
            IssuerFamily::Okta,
            "it has Okta's cid and uid claims".into(),
        );
    }
    let sub = claims.get("sub").and_then(Json::as_str).unwrap_or_default();
    if claims.get("gty").is_some()
        || sub
            .split_once('|')
            .is_some_and(|(connection, _)| AUTH0_CONNECTIONS.contains(&connection))
    {
        return guess(
            IssuerFamily::Auth0,
            format!("sub {sub} or gty is shaped like Auth0's"),
        );
    }
    guess(
        IssuerFamily::Unknown,
        "neither iss nor the claims match a provider JWT Lens knows".into(),
    )
}

/// The family an `iss` value names, if it is one of the documented shapes.
fn family_of_iss(iss: &str) -> Option<IssuerFamily> {
    if iss == "kubernetes/serviceaccount" {
        return Some(IssuerFamily::Kubernetes);
    }
    if iss == "accounts.google.com" {
        return Some(IssuerFamily::Google);
    }
    let rest = iss.strip_prefix("https://")?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_ascii_lowercase();
    let ends = |suffix: &str| host == suffix || host.ends_with(&format!(".{suffix}"));
    Some(match host.as_str() {
        "accounts.google.com" => IssuerFamily::Google,
        "securetoken.google.com" => IssuerFamily::Firebase,
        "token.actions.githubusercontent.com" => IssuerFamily::GithubActions,
        "sts.windows.net"
        | "login.microsoftonline.com"
        | "login.microsoftonline.us"
        | "login.partner.microsoftonline.cn" => IssuerFamily::Entra,
        _ if host.starts_with("cognito-idp.") && host.ends_with(".amazonaws.com") => {
            IssuerFamily::Cognito
        }
        _ if ends("auth0.com") => IssuerFamily::Auth0,
        _ if ends("okta.com") || ends("oktapreview.com") || ends("okta-emea.com") => {
            IssuerFamily::Okta
        }
        _ if ends("b2clogin.com") || ends("ciamlogin.com") => IssuerFamily::Entra,
        _ if host.starts_with("kubernetes.default.svc") => IssuerFamily::Kubernetes,
        _ if path.starts_with("realms/") || path.starts_with("auth/realms/") => {
            IssuerFamily::Keycloak
        }
        _ if path.starts_with("oauth2/default") || path.starts_with("oauth2/aus") => {
            IssuerFamily::Okta
        }
        _ => return None,
    })
}
