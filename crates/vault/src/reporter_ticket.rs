//! The reporter's ticket: what the follow-up pages carry between requests after
//! the reporter has typed their receipt once.
//!
//! A ticket holds the case id, the case key (opened with the reporter's key, which
//! is derived from the receipt with Argon2id — too slow to repeat on every page)
//! and an expiry, sealed under
//! a key derived from the server secret. Nothing about it is stored on the server:
//! no session table can link a browser to a case, and a stolen database holds no
//! ticket. It only ever travels in a `HttpOnly; Secure; SameSite=Strict` cookie or
//! as an API bearer token, never in a URL.

use zeroize::Zeroizing;

use crate::server_secret::ServerSecret;
use crate::symmetric::{self, DataKey};

/// Why a ticket was not accepted. Coarse on purpose.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TicketError {
    /// Not a ticket, or not one this server sealed.
    #[error("the ticket is not valid")]
    Invalid,
    /// Past its expiry.
    #[error("the ticket has expired")]
    Expired,
}

/// An opened ticket. No `Debug`: it holds the reporter's key.
pub struct ReporterTicket {
    /// The case it opens.
    pub case_id: String,
    /// The case key, which the reporter opened with their receipt.
    pub case_key: DataKey,
    /// Unix seconds after which it is refused.
    pub expires_at: i64,
}

const CONTEXT: &[u8] = b"khien-reporter-ticket-v1";

fn ticket_key(secret: &ServerSecret) -> DataKey {
    DataKey::from_bytes(&secret.keyed_hash("khien-reporter-ticket-key-v1", b""))
}

/// Seals a ticket; the result is hex text for a cookie or a bearer token.
pub fn issue_ticket(
    secret: &ServerSecret,
    case_id: &str,
    case_key: &DataKey,
    expires_at: i64,
) -> Zeroizing<String> {
    let mut plaintext = Zeroizing::new(Vec::with_capacity(40 + case_id.len()));
    plaintext.extend_from_slice(&expires_at.to_be_bytes());
    plaintext.extend_from_slice(case_key.expose_secret());
    plaintext.extend_from_slice(case_id.as_bytes());
    let sealed = symmetric::seal(&ticket_key(secret), &plaintext, CONTEXT);
    Zeroizing::new(hex::encode(sealed))
}

/// Opens a ticket sealed by this server, refusing it after its expiry.
pub fn open_ticket(
    secret: &ServerSecret,
    text: &str,
    now_unix: i64,
) -> Result<ReporterTicket, TicketError> {
    let sealed = hex::decode(text.trim()).map_err(|_| TicketError::Invalid)?;
    let plaintext =
        symmetric::open(&ticket_key(secret), &sealed, CONTEXT).map_err(|_| TicketError::Invalid)?;
    if plaintext.len() < 40 {
        return Err(TicketError::Invalid);
    }
    let expires_at = i64::from_be_bytes(
        plaintext[..8]
            .try_into()
            .map_err(|_| TicketError::Invalid)?,
    );
    if now_unix >= expires_at {
        return Err(TicketError::Expired);
    }
    let key: [u8; 32] = plaintext[8..40]
        .try_into()
        .map_err(|_| TicketError::Invalid)?;
    let case_id = std::str::from_utf8(&plaintext[40..])
        .map_err(|_| TicketError::Invalid)?
        .to_owned();
    Ok(ReporterTicket {
        case_id,
        case_key: DataKey::from_bytes(&Zeroizing::new(key)),
        expires_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_opens_until_it_expires() {
        let secret = ServerSecret::generate();
        let key = DataKey::generate();
        let text = issue_ticket(&secret, "abc123", &key, 1_000);
        let ticket = open_ticket(&secret, &text, 999).ok().unwrap();
        assert_eq!(ticket.case_id, "abc123");
        assert!(ticket.case_key == key);
        assert_eq!(
            open_ticket(&secret, &text, 1_000).err(),
            Some(TicketError::Expired)
        );
    }

    #[test]
    fn another_server_or_a_changed_ticket_is_refused() {
        let secret = ServerSecret::generate();
        let text = issue_ticket(&secret, "abc123", &DataKey::generate(), 1_000);
        let other = ServerSecret::generate();
        assert_eq!(
            open_ticket(&other, &text, 0).err(),
            Some(TicketError::Invalid)
        );
        let mut changed = text.to_string();
        let last = changed.pop().unwrap();
        changed.push(if last == '0' { '1' } else { '0' });
        assert_eq!(
            open_ticket(&secret, &changed, 0).err(),
            Some(TicketError::Invalid)
        );
        assert_eq!(
            open_ticket(&secret, "not hex", 0).err(),
            Some(TicketError::Invalid)
        );
    }
}
