//! Staff accounts: the organisation tree, users, their keys, unit keys and sessions.
//!
//! Every function that writes runs in one [`crate::WriteTx`] and appends an audit
//! entry to it (`user.created`, `unit.created`, …; object `user:<id>` or
//! `unit:<id>`; details hold ids, codes, kinds and roles, never a password, a
//! secret or a person's name). Argon2 work runs on the blocking pool before the
//! transaction opens, so the single SQLite writer is never held for it.
//!
//! # Keys
//!
//! Each user has an X25519 key pair. The private key is stored twice: wrapped
//! under Argon2id(password) and under a recovery key shown once at enrolment. A
//! password change re-wraps the same key; recovery with the recovery key sets a new
//! password and issues a **new** recovery key (the old one has been typed
//! somewhere and is retired). An administrator's reset makes a new key pair, a new
//! recovery key and a new TOTP secret: the administrator never learns the old key,
//! and the user loses every unit key sealed to it until another holder re-grants it.
//!
//! # Unit keys: an administrator never learns one
//!
//! Each unit has two key pairs, [`UnitKeyKind::Unit`] (sealed to every member with
//! a case role: intake, handler, head, protection) and [`UnitKeyKind::Intake`]
//! (sealed to its intake officers). Only public keys are stored in clear
//! (`unit_keys`); each private key is sealed to each holder's public key
//! (`unit_key_seals`). The pair is made lazily when the first member who needs it
//! is added: the server seals it to that member and forgets it. A later member
//! gets a *pending grant* (`unit_key_grants`) instead, because the server cannot
//! open the key on its own; the next time any holder logs in, their private key is
//! in their session, and [`crate::Store::fulfil_pending_grants`] opens the unit
//! key with it and seals it to each waiting member. If no holder is left (the only
//! one was reset), a fresh pair replaces the old one and is sealed to everyone
//! waiting; anything sealed to the old pair is then unreadable, which is the price
//! of no administrator ever holding a key. Removing a member's role deletes their
//! seal; rotating the unit key on removal (and re-sealing case keys) is left for
//! the case work that first seals data to unit keys.

mod account_error;
mod credentials;
mod ids;
mod login;
mod sessions;
mod slow_crypto;
mod staffed_units;
mod unit_import;
mod unit_keys;
mod units;
mod user_rows;
mod users;

pub use account_error::AccountError;
pub use ids::{UnitId, UserId};
pub(crate) use ids::{id_type, new_id};
pub use login::{
    LOCKOUT_MINUTES, LoggedIn, LoginAttempt, LoginError, LoginFailure, MAX_FAILED_ATTEMPTS,
};
pub use sessions::{NewSession, SessionRecord};
pub use unit_import::ImportRow;
pub(crate) use unit_keys::public_key_from;
pub use unit_keys::{PendingGrant, UnitKeyKind};
pub use units::{NewUnit, Unit, UnitInTree};
pub(crate) use units::{UNIT_COLUMNS, unit_from_row, unit_id_in_tx};
pub use users::{Enrolment, NewUser, User};
