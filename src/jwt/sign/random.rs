//! Randomness for signing and key generation, from bytes the caller draws.
//!
//! The core never reads the clock, and it never reads the system's random
//! source either: `getrandom` would tie it to one platform. The page draws
//! 32 bytes from `crypto.getRandomValues` and passes them in; ChaCha20
//! (RFC 8439) stretches them into as many bytes as RSA blinding, a PSS salt
//! or an EC key's rejection sampling asks for.

use std::fmt;

use chacha20::ChaCha20Rng;
use rand_core::SeedableRng;

use super::error::SignError;

/// A CSPRNG seeded with the caller's 32 random bytes.
pub struct Randomness(pub(super) ChaCha20Rng);

impl Randomness {
    /// How many bytes [`from_seed`](Self::from_seed) takes.
    pub const SEED_LEN: usize = 32;

    /// A generator seeded with `seed`, which must be 32 bytes from a CSPRNG
    /// (the browser's `crypto.getRandomValues`). The same seed gives the
    /// same output, which is what tests want and what a caller must never
    /// do twice.
    ///
    /// # Errors
    ///
    /// [`SignError::Randomness`] when `seed` is not 32 bytes.
    pub fn from_seed(seed: &[u8]) -> Result<Randomness, SignError> {
        let seed: [u8; Self::SEED_LEN] = seed
            .try_into()
            .map_err(|_| SignError::Randomness { len: seed.len() })?;
        Ok(Randomness(ChaCha20Rng::from_seed(seed)))
    }

    /// The next 32 bytes: a seed for Ed25519 or ML-DSA.
    pub(super) fn seed32(&mut self) -> [u8; 32] {
        use rand_core::Rng;
        let mut out = [0u8; 32];
        self.0.fill_bytes(&mut out);
        out
    }
}

impl fmt::Debug for Randomness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Randomness([redacted])")
    }
}
