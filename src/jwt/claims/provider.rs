//! What identity providers' own claims mean, each with the provider's
//! documentation page: Entra ID, Keycloak, Cognito, Auth0, Okta, Google,
//! Firebase, GitHub Actions and Kubernetes.

use super::Meaning;
use crate::jwt::issuer::IssuerFamily;

const fn p(
    family: IssuerFamily,
    name: &'static str,
    description: &'static str,
    (source, url): (&'static str, &'static str),
) -> (IssuerFamily, Meaning) {
    (
        family,
        Meaning {
            name,
            description,
            source,
            url: Some(url),
        },
    )
}

const ENTRA_AT: (&str, &str) = (
    "Microsoft identity platform: Access token claims reference",
    "https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference",
);
const ENTRA_ID: (&str, &str) = (
    "Microsoft identity platform: ID token claims reference",
    "https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference",
);
const KC: (&str, &str) = (
    "Keycloak Server Administration Guide",
    "https://www.keycloak.org/docs/latest/server_admin/index.html",
);
const COG_AT: (&str, &str) = (
    "Amazon Cognito: Understanding the access token",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html",
);
const COG_ID: (&str, &str) = (
    "Amazon Cognito: Understanding the identity (ID) token",
    "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html",
);
const A0: (&str, &str) = (
    "Auth0: JSON Web Token Claims",
    "https://auth0.com/docs/secure/tokens/json-web-tokens/json-web-token-claims",
);
const A0_AT: (&str, &str) = (
    "Auth0: Access Token Profiles",
    "https://auth0.com/docs/secure/tokens/access-tokens/access-token-profiles",
);
const OKTA: (&str, &str) = (
    "Okta: OpenID Connect & OAuth 2.0 API, token claims",
    "https://developer.okta.com/docs/reference/api/oidc/#tokens-and-claims",
);
const GOOGLE: (&str, &str) = (
    "Google Identity: OpenID Connect",
    "https://developers.google.com/identity/openid-connect/openid-connect",
);
const FB: (&str, &str) = (
    "Firebase: Verify ID tokens",
    "https://firebase.google.com/docs/auth/admin/verify-id-tokens",
);
const GH: (&str, &str) = (
    "GitHub Docs: OpenID Connect reference",
    "https://docs.github.com/en/actions/reference/security/oidc",
);
const K8S: (&str, &str) = (
    "Kubernetes: Managing Service Accounts",
    "https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/",
);

/// Provider claims, by family; a name can mean different things to different providers.
#[rustfmt::skip]
pub(super) const PROVIDER: &[(IssuerFamily, Meaning)] = &[
    p(IssuerFamily::Entra, "oid", "The user's or service principal's immutable object id in the tenant; with tid, the id to authorise on.", ENTRA_AT),
    p(IssuerFamily::Entra, "tid", "The tenant (directory) the user or app signed in to.", ENTRA_AT),
    p(IssuerFamily::Entra, "scp", "Delegated permissions (scopes) granted to the app, space-separated.", ENTRA_AT),
    p(IssuerFamily::Entra, "roles", "App roles granted to the user or, in app-only tokens, to the calling app.", ENTRA_AT),
    p(IssuerFamily::Entra, "wids", "Microsoft Entra directory roles of the user, as role template ids.", ENTRA_AT),
    p(IssuerFamily::Entra, "ver", "Token version: 1.0 (sts.windows.net) or 2.0 (login.microsoftonline.com/…/v2.0).", ENTRA_AT),
    p(IssuerFamily::Entra, "uti", "Token identifier Entra ID uses internally to revalidate tokens; opaque.", ENTRA_AT),
    p(IssuerFamily::Entra, "idp", "The identity provider that authenticated the user, when it is not the token's own tenant.", ENTRA_AT),
    p(IssuerFamily::Entra, "appid", "v1.0 access tokens: the application id of the client that requested the token.", ENTRA_AT),
    p(IssuerFamily::Entra, "appidacr", "v1.0: how the client authenticated: 0 public, 1 secret, 2 certificate.", ENTRA_AT),
    p(IssuerFamily::Entra, "azpacr", "v2.0: how the client authenticated: 0 public, 1 secret, 2 certificate.", ENTRA_AT),
    p(IssuerFamily::Entra, "idtyp", "app for an app-only token, user for a token issued to a user (optional claim).", ENTRA_AT),
    p(IssuerFamily::Entra, "aio", "Opaque data Entra ID uses to reuse tokens; do not read it.", ENTRA_AT),
    p(IssuerFamily::Entra, "rh", "Opaque data Entra ID uses to revalidate tokens; do not read it.", ENTRA_AT),
    p(IssuerFamily::Entra, "upn", "The user principal name, such as ada@contoso.com; can change, so do not authorise on it.", ENTRA_AT),
    p(IssuerFamily::Entra, "unique_name", "v1.0: a display name for the user; can change, so do not authorise on it.", ENTRA_AT),
    p(IssuerFamily::Entra, "preferred_username", "The user's primary username (often an email); mutable, so never authorise on it.", ENTRA_ID),
    p(IssuerFamily::Keycloak, "typ", "What Keycloak issued: Bearer (access), ID, Refresh, Offline (offline refresh) or Logout.", KC),
    p(IssuerFamily::Keycloak, "realm_access", "Realm roles of the user, as {\"roles\": [...]}.", KC),
    p(IssuerFamily::Keycloak, "resource_access", "Client roles of the user, by client id: {\"client\": {\"roles\": [...]}}.", KC),
    p(IssuerFamily::Keycloak, "allowed-origins", "Web origins the client may call from (CORS), from the client's Web Origins setting.", KC),
    p(IssuerFamily::Keycloak, "azp", "The client the token was issued to (its client id).", KC),
    p(IssuerFamily::Keycloak, "session_state", "The Keycloak session id; older releases' name for sid.", KC),
    p(IssuerFamily::Keycloak, "sid", "The Keycloak user session the token belongs to, used for logout.", KC),
    p(IssuerFamily::Cognito, "token_use", "What Cognito issued: access or id.", COG_AT),
    p(IssuerFamily::Cognito, "client_id", "The app client the access token was issued to.", COG_AT),
    p(IssuerFamily::Cognito, "username", "The user's user-pool username (access tokens).", COG_AT),
    p(IssuerFamily::Cognito, "cognito:groups", "User-pool groups the user belongs to.", COG_AT),
    p(IssuerFamily::Cognito, "origin_jti", "Identifies the authentication event; revoking the refresh token revokes every token with it.", COG_AT),
    p(IssuerFamily::Cognito, "event_id", "Identifies the sign-in event that produced the token.", COG_AT),
    p(IssuerFamily::Cognito, "cognito:username", "The user's user-pool username (ID tokens).", COG_ID),
    p(IssuerFamily::Cognito, "cognito:roles", "IAM roles associated with the user's groups.", COG_ID),
    p(IssuerFamily::Cognito, "cognito:preferred_role", "The IAM role of the user's highest-precedence group.", COG_ID),
    p(IssuerFamily::Auth0, "azp", "The application (client id) the token was issued to.", A0),
    p(IssuerFamily::Auth0, "gty", "Grant type, such as client-credentials or password, for tokens not issued by a user login.", A0_AT),
    p(IssuerFamily::Auth0, "permissions", "API permissions granted to the user when RBAC adds them to the access token.", A0_AT),
    p(IssuerFamily::Auth0, "org_id", "The Auth0 Organization the user logged in through.", A0),
    p(IssuerFamily::Okta, "cid", "The client id of the app the access token was issued to.", OKTA),
    p(IssuerFamily::Okta, "uid", "The Okta user id of the subject.", OKTA),
    p(IssuerFamily::Okta, "scp", "Scopes granted to the access token, as an array.", OKTA),
    p(IssuerFamily::Okta, "ver", "Okta's token format version (1).", OKTA),
    p(IssuerFamily::Okta, "idp", "The identity provider that authenticated the user: the Okta org, or a federated IdP's id.", OKTA),
    p(IssuerFamily::Google, "azp", "The client id of the party the token was issued to; differs from aud when a server and an app share a login.", GOOGLE),
    p(IssuerFamily::Google, "hd", "The Google Workspace domain of the user.", GOOGLE),
    p(IssuerFamily::Firebase, "firebase", "Firebase sign-in details: sign_in_provider, identities and tenant.", FB),
    p(IssuerFamily::Firebase, "user_id", "The Firebase user id; equal to sub.", FB),
    p(IssuerFamily::GithubActions, "repository", "The repository the workflow ran in, as owner/name.", GH),
    p(IssuerFamily::GithubActions, "repository_owner", "The user or organisation that owns the repository.", GH),
    p(IssuerFamily::GithubActions, "ref", "The git ref that triggered the run, such as refs/heads/main.", GH),
    p(IssuerFamily::GithubActions, "job_workflow_ref", "The workflow file, with its ref, that the job runs; pins reusable workflows.", GH),
    p(IssuerFamily::GithubActions, "workflow_ref", "The caller's workflow file and ref.", GH),
    p(IssuerFamily::GithubActions, "run_id", "The id of the workflow run.", GH),
    p(IssuerFamily::GithubActions, "run_attempt", "How many times this run has been attempted.", GH),
    p(IssuerFamily::GithubActions, "actor", "The account that started the run.", GH),
    p(IssuerFamily::GithubActions, "environment", "The deployment environment of the job, if any.", GH),
    p(IssuerFamily::GithubActions, "event_name", "The event that triggered the run, such as push or pull_request.", GH),
    p(IssuerFamily::GithubActions, "sha", "The commit the run is for.", GH),
    p(IssuerFamily::GithubActions, "runner_environment", "github-hosted or self-hosted.", GH),
    p(IssuerFamily::Kubernetes, "kubernetes.io", "The namespace, service account, pod and node the token is bound to, and warnafter for extended tokens.", K8S),
    p(IssuerFamily::Kubernetes, "kubernetes.io/serviceaccount/namespace", "Legacy secret-based token: the service account's namespace.", K8S),
    p(IssuerFamily::Kubernetes, "kubernetes.io/serviceaccount/service-account.name", "Legacy secret-based token: the service account's name.", K8S),
];
