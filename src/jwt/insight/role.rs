//! What a token is for, from evidence ranked by strength: explicit markers
//! (`typ`, `token_use`, `events`) beat structure (`nonce`, `scope`, `htm`),
//! and structure beats hints (lifetime), which never override anything.

use super::evidence;
use crate::jwt::Report;
use crate::jwt::issuer;
use crate::jwt::time::TimeClaim;

/// An access token living longer than this is flagged (RFC 9700 §2.2.1 and
/// RFC 8725 advise short-lived access tokens).
pub const MAX_ACCESS_LIFETIME: i64 = 3600;
/// A refresh token living longer than this is flagged.
pub const MAX_REFRESH_LIFETIME: i64 = 90 * 86_400;

/// What a token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Presented to APIs; short-lived (typically 5 to 60 minutes).
    Access,
    /// Exchanged for new access tokens; lives days to weeks.
    Refresh,
    /// An OpenID Connect ID token: who logged in, for the client.
    Id,
    /// A DPoP proof: the client proves it holds a key, per request (RFC 9449).
    DpopProof,
    /// A back-channel logout token (OpenID Connect Back-Channel Logout 1.0).
    Logout,
    /// A Security Event Token (RFC 8417).
    SecurityEvent,
    /// A client authenticating itself to a token endpoint (RFC 7523 §2.2, §3).
    ClientAssertion,
    /// Nothing points either way.
    Unknown,
}

impl Role {
    /// The page's `data-role`: `access`, `refresh`, `id`, `dpop-proof`,
    /// `logout`, `security-event`, `client-assertion` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Access => "access",
            Role::Refresh => "refresh",
            Role::Id => "id",
            Role::DpopProof => "dpop-proof",
            Role::Logout => "logout",
            Role::SecurityEvent => "security-event",
            Role::ClientAssertion => "client-assertion",
            Role::Unknown => "unknown",
        }
    }

    /// "an access token", … for sentences.
    pub fn label(self) -> &'static str {
        match self {
            Role::Access => "an access token",
            Role::Refresh => "a refresh token",
            Role::Id => "an OpenID Connect ID token",
            Role::DpopProof => "a DPoP proof",
            Role::Logout => "a logout token",
            Role::SecurityEvent => "a security event token",
            Role::ClientAssertion => "a client assertion",
            Role::Unknown => "a token of unknown role",
        }
    }
}

/// How much a piece of evidence weighs; strongest first, so sorting ranks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// The token or its issuer says what it is: header `typ`, `token_use`, `events`.
    Marker,
    /// Its claims are shaped like one: `nonce` with `aud`, `scope`, `htm`/`htu`.
    Structure,
    /// Only its lifetime points that way; used when nothing stronger exists.
    Hint,
}

impl Strength {
    /// `marker`, `structure` or `hint`.
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Marker => "marker",
            Strength::Structure => "structure",
            Strength::Hint => "hint",
        }
    }
}

/// One reason to think a token has a role, naming the claim behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// The role it points to.
    pub role: Role,
    /// How much it weighs.
    pub strength: Strength,
    /// What was seen: "header typ is at+jwt (RFC 9068 §2.1)".
    pub text: String,
}

/// The role guess and the evidence for and against it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleGuess {
    /// The most likely role.
    pub role: Role,
    /// Everything seen, strongest first; items whose `role` differs are evidence against.
    pub evidence: Vec<Evidence>,
    /// Two pieces of the strongest kind point to different roles.
    pub unsure: bool,
    /// The evidence as one fragment, for the page: "header typ is at+jwt (RFC 9068 §2.1)".
    pub because: String,
}

impl RoleGuess {
    /// Ranks `evidence` and picks the role the strongest of it names; the
    /// first collected wins a tie, and a tie between roles makes it unsure.
    fn decide(mut evidence: Vec<Evidence>, empty: &str) -> RoleGuess {
        evidence.sort_by_key(|e| e.strength);
        let Some(top) = evidence.first() else {
            return RoleGuess {
                role: Role::Unknown,
                evidence,
                unsure: false,
                because: empty.into(),
            };
        };
        let (role, strength) = (top.role, top.strength);
        let unsure = evidence
            .iter()
            .any(|e| e.strength == strength && e.role != role);
        let (pro, contra): (Vec<&Evidence>, Vec<&Evidence>) =
            evidence.iter().partition(|e| e.role == role);
        let mut because = join(&pro);
        if !contra.is_empty() {
            because.push_str("; against it: ");
            because.push_str(&join(&contra));
        }
        if unsure {
            because.push_str(" (unsure: equally strong signs disagree)");
        }
        RoleGuess {
            role,
            evidence,
            unsure,
            because,
        }
    }
}

fn join(items: &[&Evidence]) -> String {
    items
        .iter()
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// `exp - iat`, or `exp - nbf` without `iat`, in seconds.
pub fn lifetime(report: &Report) -> Option<i64> {
    let exp = report.time_claim(TimeClaim::Exp)?;
    let start = report
        .time_claim(TimeClaim::Iat)
        .or_else(|| report.time_claim(TimeClaim::Nbf))?;
    Some(exp - start)
}

/// Guesses what the token is for (access, refresh, ID, DPoP proof, logout,
/// security event, client assertion) and shows the evidence.
pub fn guess_role(report: &Report) -> RoleGuess {
    let header = report.header.as_ref().and_then(|h| h.json.as_ref());
    let mut evidence = Vec::new();
    if let Some(header) = header {
        evidence::header_markers(header, &mut evidence);
    }
    let Some(claims) = report.claims() else {
        return RoleGuess::decide(evidence, "the payload could not be read");
    };
    evidence::claim_markers(claims, &mut evidence);
    evidence::family_markers(issuer::recognise(claims).family, claims, &mut evidence);
    evidence::structure(header, claims, &mut evidence);
    if evidence.is_empty() {
        evidence::lifetime_hints(lifetime(report), claims, &mut evidence);
    }
    RoleGuess::decide(
        evidence,
        "no typ, token_use, scope or OpenID Connect claim says",
    )
}
