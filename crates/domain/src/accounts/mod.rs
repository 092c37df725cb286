//! Staff accounts and the organisation tree: the values an administrator types,
//! parsed once at the boundary so the store and the web never see a raw string.
//!
//! Every parse error names its field ("unit code: …") so the command line and the
//! admin forms can show it as it is. Secrets ([`Password`], [`TotpSecret`]) have no
//! `Debug` or `Display`.

mod field_error;
mod national_id;
mod password;
mod role;
mod text_field;
mod totp;
mod unit_code;
mod unit_kind;
mod username;

pub use field_error::{FieldError, PasswordError};
pub use national_id::{NationalIdError, NationalIdNumber};
pub use password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, Password};
pub use role::Role;
pub use text_field::{FullName, HeadPosition, UnitName};
pub use totp::{TOTP_STEP_SECONDS, TotpError, TotpSecret, totp_code, verify_totp};
pub use unit_code::UnitCode;
pub use unit_kind::UnitKind;
pub use username::Username;
