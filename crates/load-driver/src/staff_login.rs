//! Logging in as a staff member, password and TOTP, like the console's login form
//! does through `POST /api/v1/auth/login`. The session token then goes as a bearer
//! token to `/api/…` and as the `khien_session` cookie to console pages.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use khien_domain::accounts::{TOTP_STEP_SECONDS, TotpSecret, totp_code};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

use crate::logins::GeneratedLogin;
use crate::loopback::LoopbackTarget;

/// A live staff session. No `Debug`: the token is a credential.
pub struct StaffSession {
    token: String,
}

impl StaffSession {
    /// `Authorization` header value for the API.
    pub fn bearer(&self) -> String {
        format!("Bearer {}", self.token)
    }

    /// `Cookie` header value for console pages.
    pub fn cookie(&self) -> String {
        format!("khien_session={}", self.token)
    }
}

fn current_step() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or_default()
        / TOTP_STEP_SECONDS
}

/// Logs in. A TOTP code works once, so if this step's code was used already (a run
/// a moment ago), waits for the next step and tries once more.
pub async fn log_in(
    client: &Client,
    target: &LoopbackTarget,
    login: &GeneratedLogin,
) -> Result<StaffSession, String> {
    let secret = TotpSecret::from_base32(&login.totp_secret)
        .map_err(|_| format!("the TOTP secret of {} is not base32", login.username))?;
    let endpoint = target.endpoint("/api/v1/auth/login");
    let first_step = current_step();
    for step in [first_step, first_step + 1] {
        while current_step() < step {
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        let response = client
            .post(endpoint.clone())
            .json(&json!({
                "username": login.username,
                "password": login.password,
                "totp": totp_code(&secret, step),
            }))
            .send()
            .await
            .map_err(|error| format!("login: {error}"))?;
        let status = response.status();
        if status == StatusCode::UNAUTHORIZED && step == first_step {
            eprintln!("khien-load: this TOTP code was used already; waiting for the next one …");
            continue;
        }
        if !status.is_success() {
            return Err(format!("login as {} answered {status}", login.username));
        }
        let body: Value = response
            .json()
            .await
            .map_err(|error| format!("login answer: {error}"))?;
        let token = body["token"]
            .as_str()
            .ok_or("the login answer has no token")?
            .to_owned();
        return Ok(StaffSession { token });
    }
    Err(format!("login as {} was refused", login.username))
}
