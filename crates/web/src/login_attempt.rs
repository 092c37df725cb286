//! One login attempt, the same for the console form and the API.

use std::net::IpAddr;
use std::time::Instant;

use chrono::Utc;
use khien_store::accounts::{LoginAttempt, LoginError};
use secrecy::SecretString;

use crate::staff_session::{StartedSession, start_session};
use crate::{AppError, AppState};

/// What was typed into the login form.
pub struct Credentials {
    /// As typed.
    pub username: String,
    /// As typed.
    pub password: SecretString,
    /// The six digits from the authenticator app.
    pub totp: String,
}

/// Why a login did not succeed, in words that never say which part was wrong.
#[derive(Debug)]
pub enum LoginRefusal {
    /// Unknown user, wrong password or code, or a disabled account: one answer.
    Rejected,
    /// Too many failures from this account or this source.
    SlowDown {
        /// Seconds to wait.
        retry_after_seconds: u64,
    },
    /// Something failed inside.
    Failed(AppError),
}

impl LoginRefusal {
    /// The message shown on the form.
    pub fn message(&self) -> &'static str {
        match self {
            LoginRefusal::Rejected => {
                "Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng, hoặc tài khoản đã bị vô hiệu hóa. \
                 / The username, password or code is wrong, or the account is disabled."
            }
            LoginRefusal::SlowDown { .. } => {
                "Quá nhiều lần đăng nhập sai. Hãy thử lại sau ít phút. \
                 / Too many failed logins. Try again in a few minutes."
            }
            LoginRefusal::Failed(_) => "Lỗi hệ thống / internal error",
        }
    }
}

impl From<LoginRefusal> for AppError {
    fn from(refusal: LoginRefusal) -> Self {
        match refusal {
            LoginRefusal::Rejected => AppError::Unauthorized,
            LoginRefusal::SlowDown {
                retry_after_seconds,
            } => AppError::TooManyRequests {
                retry_after_seconds,
            },
            LoginRefusal::Failed(error) => error,
        }
    }
}

/// Checks the credentials and, when they are right, opens a fresh session.
pub async fn log_in(
    state: &AppState,
    source: IpAddr,
    credentials: &Credentials,
) -> Result<StartedSession, LoginRefusal> {
    if let Err(retry_after_seconds) = state.login_throttle.check(source, Instant::now()) {
        return Err(LoginRefusal::SlowDown {
            retry_after_seconds,
        });
    }
    let attempt = LoginAttempt {
        username: credentials.username.trim(),
        password: &credentials.password,
        totp_code: credentials.totp.trim(),
        now: Utc::now(),
    };
    match state
        .store
        .authenticate(attempt, &state.server_secret, &state.kdf_params)
        .await
    {
        Ok(logged_in) => {
            state.login_throttle.record_success(source);
            start_session(state, &logged_in)
                .await
                .map_err(|error| LoginRefusal::Failed(error.into()))
        }
        Err(LoginError::Rejected) => {
            state.login_throttle.record_failure(source, Instant::now());
            Err(LoginRefusal::Rejected)
        }
        Err(LoginError::Locked { until }) => Err(LoginRefusal::SlowDown {
            retry_after_seconds: (until - Utc::now()).num_seconds().max(1) as u64,
        }),
        Err(LoginError::Store(error)) => Err(LoginRefusal::Failed(error.into())),
        Err(LoginError::Vault(error)) => Err(LoginRefusal::Failed(AppError::internal(error))),
    }
}
