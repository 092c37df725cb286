//! A staff account as the API shows it: no keys, no secrets.

use khien_store::accounts::User;
use serde::Serialize;

/// The public face of an account.
#[derive(Serialize)]
pub struct UserView {
    id: String,
    username: String,
    unit: String,
    roles: Vec<&'static str>,
    disabled: bool,
}

impl UserView {
    /// Builds the view.
    pub fn of(user: &User) -> Self {
        Self {
            id: user.id.to_string(),
            username: user.username.as_str().to_owned(),
            unit: user.unit_code.as_str().to_owned(),
            roles: user.roles.iter().map(|role| role.as_str()).collect(),
            disabled: user.disabled,
        }
    }
}
