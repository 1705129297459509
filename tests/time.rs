//! Time claims: formatting, relative times and the token's status.

use jwt_lens::jwt::time::{format_utc, human_duration, numeric_date, relative, status};
use jwt_lens::jwt::{Json, NumericDate, TokenStatus};

#[test]
fn utc_formatting_matches_known_dates() {
    assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
    assert_eq!(format_utc(1_300_819_380), "2011-03-22T18:43:00Z");
    assert_eq!(format_utc(1_516_239_022), "2018-01-18T01:30:22Z");
    assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
    assert_eq!(format_utc(-1), "1969-12-31T23:59:59Z");
    assert_eq!(format_utc(253_402_300_800), "+10000-01-01T00:00:00Z");
}

#[test]
fn relative_times_read_naturally() {
    assert_eq!(relative(1_000 + 14 * 60, 1_000), "in 14 min");
    assert_eq!(relative(1_000, 1_000 + 3 * 3600), "3 h ago");
    assert_eq!(relative(1_000, 1_000), "now");
    assert_eq!(relative(45, 0), "in 45 s");
    assert_eq!(human_duration(3 * 3600 + 5 * 60), "3 h 5 min");
    assert_eq!(human_duration(2 * 86_400 + 4 * 3600), "2 d 4 h");
    assert_eq!(human_duration(30 * 86_400), "30 d");
    assert_eq!(human_duration(2 * 31_557_600 + 31_557_600 / 2), "2.5 years");
}

#[test]
fn numeric_dates_accept_integers_and_fractions() {
    assert_eq!(
        numeric_date(&Json::Number("1516239022".into())),
        NumericDate::Seconds(1_516_239_022)
    );
    assert_eq!(
        numeric_date(&Json::Number("1516239022.9".into())),
        NumericDate::Seconds(1_516_239_022)
    );
    assert_eq!(
        numeric_date(&Json::Number("1.5e9".into())),
        NumericDate::Seconds(1_500_000_000)
    );
}

#[test]
fn numeric_dates_refuse_strings_and_absurd_values() {
    assert!(matches!(
        numeric_date(&Json::String("2024-01-01".into())),
        NumericDate::Invalid(_)
    ));
    assert!(matches!(
        numeric_date(&Json::Number("1e400".into())),
        NumericDate::Invalid(_)
    ));
    assert!(matches!(
        numeric_date(&Json::Number("99999999999999999999".into())),
        NumericDate::Invalid(_)
    ));
}

#[test]
fn exp_in_past_is_expired() {
    assert_eq!(status(Some(100), None, 100, 0), TokenStatus::Expired);
    assert_eq!(status(Some(100), None, 99, 0), TokenStatus::Valid);
}

#[test]
fn exp_in_past_but_in_leeway_is_valid() {
    assert_eq!(status(Some(100), None, 105, 10), TokenStatus::Valid);
    assert_eq!(status(Some(100), None, 110, 10), TokenStatus::Expired);
}

#[test]
fn nbf_in_future_is_not_yet_valid() {
    assert_eq!(
        status(Some(200), Some(150), 100, 0),
        TokenStatus::NotYetValid
    );
    assert_eq!(status(Some(200), Some(150), 150, 0), TokenStatus::Valid);
    assert_eq!(status(Some(200), Some(150), 145, 5), TokenStatus::Valid);
}

#[test]
fn missing_exp_is_no_exp_never_expired() {
    assert_eq!(status(None, None, i64::MAX, 0), TokenStatus::NoExp);
    assert_eq!(status(None, Some(500), 100, 0), TokenStatus::NotYetValid);
}

#[test]
fn numeric_dates_are_read_exactly_and_floored() {
    let seconds = |raw: &str| match numeric_date(&Json::Number(raw.into())) {
        NumericDate::Seconds(s) => Some(s),
        NumericDate::Invalid(_) => None,
    };
    assert_eq!(seconds("0"), Some(0));
    assert_eq!(seconds("-0.0"), Some(0));
    assert_eq!(seconds("-1.5"), Some(-2));
    assert_eq!(seconds("-2"), Some(-2));
    assert_eq!(seconds("1516239022.000"), Some(1_516_239_022));
    assert_eq!(seconds("15162390.22e2"), Some(1_516_239_022));
    assert_eq!(seconds("1.5162390229E9"), Some(1_516_239_022));
    assert_eq!(seconds("1e-400"), Some(0));
    assert_eq!(seconds("0e999999999999999999999"), Some(0));
    assert_eq!(seconds("1e13"), None);
    assert_eq!(seconds("6300000000000"), Some(6_300_000_000_000));
    assert_eq!(seconds("6300000000001"), None);
    assert_eq!(seconds("1e99999999999999999999"), None);
}
