//! The verification code printed on a reporter's proof of having reported: a keyed
//! hash of the tracking number and the date, so that the receiving body can check
//! a proof it is shown, and nobody without the server secret can make one.

use subtle::ConstantTimeEq;

use crate::server_secret::ServerSecret;

/// The code for a tracking number and a receipt date (`YYYY-MM-DD`): 20 hex digits
/// in groups of four.
pub fn proof_code(secret: &ServerSecret, tracking_number: &str, received_on: &str) -> String {
    let mut value = Vec::with_capacity(tracking_number.len() + 1 + received_on.len());
    value.extend_from_slice(tracking_number.as_bytes());
    value.push(0);
    value.extend_from_slice(received_on.as_bytes());
    let digest = secret.keyed_hash("khien-submission-proof-v1", &value);
    let digits = hex::encode_upper(&digest[..10]);
    digits
        .as_bytes()
        .chunks(4)
        .map(|group| std::str::from_utf8(group).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether a code is the one this server gives for that tracking number and date.
pub fn proof_code_matches(
    secret: &ServerSecret,
    tracking_number: &str,
    received_on: &str,
    code: &str,
) -> bool {
    let expected = proof_code(secret, tracking_number, received_on);
    let given = code.trim().to_ascii_uppercase();
    expected.len() == given.len() && bool::from(expected.as_bytes().ct_eq(given.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_checks_only_for_its_own_number_and_date() {
        let secret = ServerSecret::generate();
        let code = proof_code(&secret, "KH-2026-AAAAAAAA", "2026-11-26");
        assert_eq!(code.len(), 24);
        assert!(proof_code_matches(
            &secret,
            "KH-2026-AAAAAAAA",
            "2026-11-26",
            &code
        ));
        assert!(proof_code_matches(
            &secret,
            "KH-2026-AAAAAAAA",
            "2026-11-26",
            &code.to_lowercase()
        ));
        assert!(!proof_code_matches(
            &secret,
            "KH-2026-AAAAAAAB",
            "2026-11-26",
            &code
        ));
        assert!(!proof_code_matches(
            &secret,
            "KH-2026-AAAAAAAA",
            "2026-11-25",
            &code
        ));
        assert!(!proof_code_matches(
            &ServerSecret::generate(),
            "KH-2026-AAAAAAAA",
            "2026-11-26",
            &code
        ));
    }
}
