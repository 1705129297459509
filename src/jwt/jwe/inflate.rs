//! Raw DEFLATE (RFC 1951) for `zip: "DEF"`, with the output bounded: a
//! few hundred bytes of DEFLATE can describe gigabytes of output.

use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_with_limit};

use super::error::JweError;

/// The most bytes a payload inflates to: 2 MiB, the decode limit of the
/// rest of the page ([`MAX_TOKEN_BYTES`](crate::jwt::MAX_TOKEN_BYTES)).
pub const MAX_INFLATED_BYTES: usize = 2 * 1024 * 1024;

/// Inflates raw DEFLATE data (no zlib or gzip wrapper, RFC 7516 §4.1.3),
/// stopping at [`MAX_INFLATED_BYTES`]: the output buffer never grows past
/// it, whatever the input claims.
///
/// # Errors
///
/// [`JweError::InflateTooLarge`] when the output would pass the limit,
/// [`JweError::Inflate`] for corrupt or truncated data.
pub fn inflate(data: &[u8]) -> Result<Vec<u8>, JweError> {
    decompress_to_vec_with_limit(data, MAX_INFLATED_BYTES).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => JweError::InflateTooLarge {
            limit: MAX_INFLATED_BYTES,
        },
        TINFLStatus::NeedsMoreInput | TINFLStatus::FailedCannotMakeProgress => JweError::Inflate {
            reason: "the data ends too soon",
        },
        _ => JweError::Inflate {
            reason: "the data is corrupt",
        },
    })
}
