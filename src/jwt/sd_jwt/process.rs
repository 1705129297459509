//! Putting disclosures in place: RFC 9901 §7.1, steps 3 to 5.

use std::fmt;

use super::super::json::Json;
use super::disclosure::Content;
use super::{Disclosure, State};

/// Why a verifier would reject the SD-JWT while putting disclosures in place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `_sd_alg` names a hash the page does not compute.
    UnknownAlg {
        /// The name as written.
        name: String,
    },
    /// A digest appears more than once in the payload, directly or inside
    /// disclosures (§7.1 step 4).
    DigestRepeated {
        /// The digest.
        digest: String,
    },
    /// A disclosed claim name is already in the object it goes into (§7.1 step 3.3.2.2.3).
    NameClash {
        /// Where the claim would go.
        path: String,
    },
    /// A disclosure names a claim `_sd` or `...` (§7.1 step 3.3.2.2.2).
    ReservedName {
        /// The name.
        name: String,
    },
    /// An object-property disclosure referenced from an array, or an
    /// array-element disclosure from `_sd` (§7.1 steps 3.3.2.2.1 and 3.3.3.2.1).
    WrongPlace {
        /// Where it was referenced.
        path: String,
    },
    /// `_sd` that is not an array of strings, or `...` that is not a string.
    NotDigest {
        /// Where.
        path: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownAlg { name } => write!(
                f,
                "_sd_alg \"{name}\" is not a hash this page computes (sha-256, sha-384, sha-512), so no digest can be checked"
            ),
            Problem::DigestRepeated { digest } => {
                write!(f, "digest {digest} appears more than once in the payload")
            }
            Problem::NameClash { path } => {
                write!(f, "a disclosure sets {path}, which the payload already has")
            }
            Problem::ReservedName { name } => {
                write!(
                    f,
                    "a disclosure uses the reserved name \"{name}\" as a claim name"
                )
            }
            Problem::WrongPlace { path } => write!(
                f,
                "the disclosure referenced at {path} is of the wrong kind: a claim where an array element belongs, or the reverse"
            ),
            Problem::NotDigest { path } => write!(f, "{path} does not hold digest strings"),
        }
    }
}

/// What processing produced.
pub struct Processed {
    /// The payload as the verifier sees it.
    pub payload: Json,
    /// Digests that no disclosure matched: undisclosed claims, or decoys.
    pub undisclosed: usize,
    /// Why a verifier would reject it; empty when none.
    pub problems: Vec<Problem>,
}

/// Processes `payload` with the (already digested) disclosures, marking each
/// as matched where a digest references it.
pub fn process(payload: &Json, disclosures: &mut [Disclosure]) -> Processed {
    // Plain vectors, searched linearly: a presentation has tens of
    // disclosures, and hash maps would cost the page kilobytes of code.
    let by_digest = disclosures
        .iter()
        .enumerate()
        .filter(|(_, d)| d.state == State::Unreferenced)
        .filter_map(|(i, d)| Some((d.digest.clone()?, i)))
        .collect();
    let mut walk = Walk {
        by_digest,
        disclosures,
        seen: Vec::new(),
        undisclosed: 0,
        problems: Vec::new(),
        root: String::new(),
    };
    let payload = match payload {
        Json::Object(members) => {
            let top: Vec<_> = members
                .iter()
                .filter(|(k, _)| k != "_sd_alg")
                .cloned()
                .collect();
            walk.object(&top, "")
        }
        other => walk.value(other, ""),
    };
    Processed {
        payload,
        undisclosed: walk.undisclosed,
        problems: walk.problems,
    }
}

struct Walk<'a> {
    /// Digest and index of each disclosure that can be matched, first copy only.
    by_digest: Vec<(String, usize)>,
    disclosures: &'a mut [Disclosure],
    /// Digests met so far in the payload.
    seen: Vec<String>,
    undisclosed: usize,
    problems: Vec<Problem>,
    /// The top-level claim being walked.
    root: String,
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

impl Walk<'_> {
    fn value(&mut self, value: &Json, path: &str) -> Json {
        match value {
            Json::Object(members) => self.object(members, path),
            Json::Array(items) => self.array(items, path),
            other => other.clone(),
        }
    }

    /// The disclosure a digest references, once; a repeat is a problem.
    fn take(&mut self, digest: &str) -> Option<usize> {
        if self.seen.iter().any(|d| d == digest) {
            self.problems.push(Problem::DigestRepeated {
                digest: digest.to_owned(),
            });
            return None;
        }
        self.seen.push(digest.to_owned());
        let found = self
            .by_digest
            .iter()
            .find(|(d, _)| d == digest)
            .map(|(_, i)| *i);
        if found.is_none() {
            self.undisclosed += 1;
        }
        found
    }

    fn content(&self, i: usize) -> Option<Content> {
        self.disclosures.get(i)?.content.clone().ok()
    }

    fn mark(&mut self, i: usize, path: String, index: Option<usize>) {
        if let Some(d) = self.disclosures.get_mut(i) {
            d.state = State::Matched;
            d.path = Some(path);
            d.index = index;
            d.root = Some(self.root.clone());
        }
    }

    /// A referenced disclosure that cannot go where it is referenced.
    fn refuse(&mut self, i: usize) {
        if let Some(d) = self.disclosures.get_mut(i) {
            d.state = State::Malformed;
        }
    }

    fn object(&mut self, members: &[(String, Json)], path: &str) -> Json {
        let mut out: Vec<(String, Json)> = Vec::with_capacity(members.len());
        let mut digests = Vec::new();
        for (key, value) in members {
            if key == "_sd" {
                match value {
                    Json::Array(items) => digests.extend(items.iter()),
                    _ => self.problems.push(Problem::NotDigest {
                        path: join(path, "_sd"),
                    }),
                }
                continue;
            }
            if path.is_empty() {
                self.root.clone_from(key);
            }
            let inner = self.value(value, &join(path, key));
            out.push((key.clone(), inner));
        }
        for digest in digests {
            let Some(digest) = digest.as_str() else {
                self.problems.push(Problem::NotDigest {
                    path: join(path, "_sd"),
                });
                continue;
            };
            let Some(i) = self.take(digest) else { continue };
            let Some(content) = self.content(i) else {
                continue;
            };
            let Some(name) = content.name else {
                self.refuse(i);
                self.problems.push(Problem::WrongPlace {
                    path: join(path, "_sd"),
                });
                continue;
            };
            let claim = join(path, &name);
            if name == "_sd" || name == "..." {
                self.refuse(i);
                self.problems.push(Problem::ReservedName { name });
                continue;
            }
            if out.iter().any(|(k, _)| *k == name) {
                self.problems.push(Problem::NameClash { path: claim });
                continue;
            }
            if path.is_empty() {
                self.root.clone_from(&name);
            }
            self.mark(i, claim.clone(), None);
            let inner = self.value(&content.value, &claim);
            out.push((name, inner));
        }
        Json::Object(out)
    }

    fn array(&mut self, items: &[Json], path: &str) -> Json {
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let element = format!("{path}[{index}]");
            let reference = match item {
                Json::Object(members) if members.len() == 1 => {
                    members.first().filter(|(k, _)| k == "...").map(|(_, v)| v)
                }
                _ => None,
            };
            let Some(reference) = reference else {
                out.push(self.value(item, &element));
                continue;
            };
            let Some(digest) = reference.as_str() else {
                self.problems.push(Problem::NotDigest { path: element });
                continue;
            };
            let Some(i) = self.take(digest) else { continue };
            let Some(content) = self.content(i) else {
                continue;
            };
            if content.name.is_some() {
                self.refuse(i);
                self.problems.push(Problem::WrongPlace { path: element });
                continue;
            }
            self.mark(i, element.clone(), Some(index));
            out.push(self.value(&content.value, &element));
        }
        Json::Array(out)
    }
}
