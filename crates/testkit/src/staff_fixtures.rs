//! Units and staff accounts for tests, made through the store as an administrator
//! would make them.

use khien_domain::accounts::{
    Password, Role, TOTP_STEP_SECONDS, TotpSecret, UnitCode, UnitKind, UnitName, Username,
    totp_code,
};
use khien_store::accounts::{NewUnit, NewUser, Unit};
use khien_vault::kdf::KdfParams;
use secrecy::{ExposeSecret, SecretString};

use crate::TestApp;

/// The password every test account is made with.
pub const TEST_PASSWORD: &str = "mật khẩu thử nghiệm đủ dài 2026";

/// A test account and its one-time secrets.
pub struct TestUser {
    /// The username.
    pub username: String,
    /// The TOTP secret.
    pub totp: TotpSecret,
    /// The recovery key, grouped as shown at enrolment.
    pub recovery_key: String,
}

/// The current TOTP time step.
pub fn current_step() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs()
        / TOTP_STEP_SECONDS
}

impl TestUser {
    /// The code for a time step.
    pub fn code_at(&self, step: u64) -> String {
        totp_code(&self.totp, step)
    }

    /// The code for now.
    pub fn code_now(&self) -> String {
        self.code_at(current_step())
    }
}

impl TestApp {
    /// Adds a unit (a department unless said otherwise) under `parent`.
    pub async fn seed_unit(&self, code: &str, kind: UnitKind, parent: Option<&str>) -> Unit {
        self.store
            .add_unit(
                "test",
                &NewUnit {
                    code: UnitCode::parse(code).expect("a unit code"),
                    name: UnitName::parse(&format!("Đơn vị {code}")).expect("a unit name"),
                    kind,
                    parent: parent.map(|p| UnitCode::parse(p).expect("a parent code")),
                    head_position: None,
                },
            )
            .await
            .expect("the unit is added")
    }

    /// Makes an account with [`TEST_PASSWORD`].
    pub async fn seed_user(&self, username: &str, unit: &str, roles: Vec<Role>) -> TestUser {
        let enrolment = self
            .store
            .create_user(
                "test",
                NewUser {
                    username: Username::parse(username).expect("a username"),
                    unit: UnitCode::parse(unit).expect("a unit code"),
                    roles,
                    password: Password::parse(SecretString::from(TEST_PASSWORD))
                        .expect("the test password passes the policy"),
                },
                &self.state.server_secret,
                &KdfParams::for_tests(),
            )
            .await
            .expect("the account is made");
        TestUser {
            username: username.to_owned(),
            recovery_key: enrolment.recovery_key.grouped().expose_secret().to_owned(),
            totp: enrolment.totp_secret,
        }
    }

    /// Logs in through the API and returns the bearer token and CSRF token.
    pub async fn api_login(&self, user: &TestUser, step: u64) -> (String, String) {
        let response = self
            .client
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({
                "username": user.username,
                "password": TEST_PASSWORD,
                "totp": user.code_at(step),
            }))
            .send()
            .await
            .expect("the login request is sent");
        assert_eq!(response.status(), 200, "login of {}", user.username);
        let body: serde_json::Value = response.json().await.expect("a JSON answer");
        (
            body["token"].as_str().expect("a token").to_owned(),
            body["csrf_token"]
                .as_str()
                .expect("a CSRF token")
                .to_owned(),
        )
    }
}
