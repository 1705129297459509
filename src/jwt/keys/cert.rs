//! X.509 certificates (RFC 5280): just enough to show whose key it is, when
//! it is valid, and to hand its SubjectPublicKeyInfo on.
//!
//! The walk uses the `der` crate's TLV reader; the public key inside is then
//! read like a PEM `PUBLIC KEY`. The certificate's own signature is not
//! checked: a pasted certificate is trusted exactly as much as a pasted key,
//! which is what the user decided by pasting it.

use der::asn1::{GeneralizedTime, ObjectIdentifier, UtcTime};
use der::{Decode, Reader, SliceReader};

use super::error::KeyError;

/// What the page shows about a certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertInfo {
    /// The subject, as `CN=…, O=…` in the order written.
    pub subject: String,
    /// The issuer, in the same form.
    pub issuer: String,
    /// `notBefore`, seconds since the epoch.
    pub not_before: i64,
    /// `notAfter`, seconds since the epoch.
    pub not_after: i64,
}

/// A certificate's facts and the DER of its SubjectPublicKeyInfo.
///
/// # Errors
///
/// [`KeyError::Der`] naming what is malformed.
pub fn read(der_bytes: &[u8]) -> Result<(CertInfo, Vec<u8>), KeyError> {
    walk(der_bytes).map_err(|e| KeyError::Der {
        what: "X.509 certificate",
        reason: e,
    })
}

fn walk(bytes: &[u8]) -> Result<(CertInfo, Vec<u8>), String> {
    let (tag, cert, _) = Items::new(bytes)?.next("the certificate")?;
    expect(tag, 0x30, "the certificate")?;
    let (tag, tbs, _) = Items::new(cert)?.next("the to-be-signed part")?;
    expect(tag, 0x30, "the to-be-signed part")?;
    let mut items = Items::new(tbs)?;
    let mut next = items.next("the serial number")?;
    if next.0 == 0xA0 {
        next = items.next("the serial number")?; // [0] EXPLICIT version
    }
    expect(next.0, 0x02, "the serial number")?;
    expect(
        items.next("the signature algorithm")?.0,
        0x30,
        "the signature algorithm",
    )?;
    let issuer = items.next("the issuer")?;
    expect(issuer.0, 0x30, "the issuer")?;
    let validity = items.next("the validity")?;
    expect(validity.0, 0x30, "the validity")?;
    let subject = items.next("the subject")?;
    expect(subject.0, 0x30, "the subject")?;
    let spki = items.next("the public key")?;
    expect(spki.0, 0x30, "the public key")?;
    let mut times = Items::new(validity.1)?;
    let not_before = time(times.next("notBefore")?, "notBefore")?;
    let not_after = time(times.next("notAfter")?, "notAfter")?;
    Ok((
        CertInfo {
            subject: name(subject.1)?,
            issuer: name(issuer.1)?,
            not_before,
            not_after,
        },
        spki.2.to_vec(),
    ))
}

/// The TLVs inside a constructed value, one at a time, as
/// (first tag byte, content, whole encoding).
struct Items<'a> {
    reader: SliceReader<'a>,
    bytes: &'a [u8],
}

impl<'a> Items<'a> {
    fn new(bytes: &'a [u8]) -> Result<Items<'a>, String> {
        Ok(Items {
            reader: SliceReader::new(bytes).map_err(|e| e.to_string())?,
            bytes,
        })
    }

    fn next(&mut self, what: &str) -> Result<(u8, &'a [u8], &'a [u8]), String> {
        let start = usize::try_from(self.reader.position()).map_err(|e| e.to_string())?;
        let first = *self
            .bytes
            .get(start)
            .ok_or_else(|| format!("{what} is missing"))?;
        let header = der::Header::decode(&mut self.reader).map_err(|e| format!("{what}: {e}"))?;
        let content = self
            .reader
            .read_slice(header.length())
            .map_err(|e| format!("{what}: {e}"))?;
        let end = usize::try_from(self.reader.position()).map_err(|e| e.to_string())?;
        let whole = self.bytes.get(start..end).unwrap_or_default();
        Ok((first, content, whole))
    }

    fn done(&self) -> bool {
        self.reader.is_finished()
    }
}

fn expect(found: u8, tag: u8, what: &str) -> Result<(), String> {
    if found == tag {
        Ok(())
    } else {
        Err(format!(
            "{what} has tag 0x{found:02X}, expected 0x{tag:02X}"
        ))
    }
}

/// A validity time, UTCTime (`YYMMDDHHMMSSZ`, years 1950 to 2049) or
/// GeneralizedTime (`YYYYMMDDHHMMSSZ`, from 2050), as RFC 5280 §4.1.2.5
/// requires them, in seconds since the epoch. The `der` crate reads the
/// calendar; like its `DateTime`, this reads no time before 1970.
fn time((tag, _, whole): (u8, &[u8], &[u8]), what: &str) -> Result<i64, String> {
    let since_epoch = match tag {
        0x17 => UtcTime::from_der(whole).map(|t| t.to_unix_duration()),
        0x18 => GeneralizedTime::from_der(whole).map(|t| t.to_unix_duration()),
        _ => {
            return Err(format!(
                "{what} has tag 0x{tag:02X}, expected a UTCTime (0x17) or GeneralizedTime (0x18)"
            ));
        }
    }
    .map_err(|e| {
        format!(
            "{what} is not a UTC date and time from 1970 on in RFC 5280 form \
             (YYMMDDHHMMSSZ or YYYYMMDDHHMMSSZ): {e}"
        )
    })?;
    i64::try_from(since_epoch.as_secs()).map_err(|_| format!("{what} is too far in the future"))
}

/// Short names for the attributes people recognise (RFC 4514 §3, and
/// emailAddress from PKCS #9); others are shown by their dotted OID.
const ATTRIBUTES: [(&str, &str); 9] = [
    ("2.5.4.3", "CN"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.5", "serialNumber"),
    ("0.9.2342.19200300.100.1.25", "DC"),
    ("1.2.840.113549.1.9.1", "emailAddress"),
];

/// A Name (a SEQUENCE of SETs of type-and-value) as `CN=…, O=…`.
fn name(content: &[u8]) -> Result<String, String> {
    let mut parts = Vec::new();
    let mut rdns = Items::new(content)?;
    while !rdns.done() {
        let (_, set, _) = rdns.next("a name part")?;
        let mut atvs = Items::new(set)?;
        while !atvs.done() {
            let (_, atv, _) = atvs.next("a name attribute")?;
            let mut fields = Items::new(atv)?;
            let (_, _, oid_der) = fields.next("an attribute type")?;
            let oid: ObjectIdentifier =
                ObjectIdentifier::from_der(oid_der).map_err(|e| e.to_string())?;
            let (tag, value, _) = fields.next("an attribute value")?;
            let oid_text = oid.to_string();
            let key = ATTRIBUTES
                .iter()
                .find(|(o, _)| *o == oid_text)
                .map_or(oid_text.as_str(), |(_, n)| n);
            parts.push(format!("{key}={}", string_value(tag, value)));
        }
    }
    Ok(parts.join(", "))
}

/// A directory string's text: UTF-8, printable, IA5 or T61 as bytes, BMP as UTF-16.
fn string_value(tag: u8, value: &[u8]) -> String {
    if tag == 0x1E {
        let units: Vec<u16> = value
            .chunks(2)
            .map(|c| {
                u16::from_be_bytes([
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ])
            })
            .collect();
        return String::from_utf16_lossy(&units);
    }
    String::from_utf8_lossy(value).into_owned()
}

#[cfg(test)]
mod tests {
    use super::time;

    /// A validity time's TLV as `time` receives it.
    fn read(tag: u8, text: &str) -> Result<i64, String> {
        let mut whole = vec![tag, u8::try_from(text.len()).unwrap_or(0)];
        whole.extend_from_slice(text.as_bytes());
        time((tag, text.as_bytes(), &whole), "notAfter")
    }

    // Expected values are Python's calendar.timegm of the same dates.

    #[test]
    fn generalized_time_after_2050_is_read() {
        assert_eq!(read(0x18, "20510101000000Z"), Ok(2_556_144_000));
        assert_eq!(read(0x18, "21000228123005Z"), Ok(4_107_501_005));
    }

    #[test]
    fn utc_time_years_wrap_at_1950() {
        assert_eq!(read(0x17, "491231235959Z"), Ok(2_524_607_999));
        assert_eq!(read(0x17, "991231235959Z"), Ok(946_684_799));
    }

    #[test]
    fn malformed_time_names_the_field() {
        for (tag, text) in [
            (0x17, "991301000000Z"),       // month 13
            (0x18, "20510101000000+0100"), // not UTC
            (0x17, "9912312359Z"),         // no seconds
        ] {
            let result = read(tag, text);
            assert!(
                matches!(&result, Err(e) if e.starts_with("notAfter is not a UTC date")),
                "{text}: {}",
                result
                    .as_ref()
                    .map_or_else(String::as_str, |_| "read as a date")
            );
        }
        assert_eq!(
            read(0x04, "x"),
            Err(
                "notAfter has tag 0x04, expected a UTCTime (0x17) or GeneralizedTime (0x18)"
                    .to_owned()
            )
        );
    }
}
