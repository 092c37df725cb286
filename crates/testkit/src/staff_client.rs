//! A logged-in staff member as a test drives them: their own HTTP client with a
//! cookie jar (for console pages and forms) and the API's bearer and CSRF tokens.

use serde_json::{Value, json};

use crate::{TEST_PASSWORD, TestApp, TestUser};

/// One staff member's session.
pub struct StaffClient {
    pub client: reqwest::Client,
    pub token: String,
    pub csrf: String,
}

impl StaffClient {
    /// Logs `user` in through the API (password and the current TOTP code).
    pub async fn log_in(app: &TestApp, user: &TestUser) -> StaffClient {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client");
        let response = client
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({
                "username": user.username, "password": TEST_PASSWORD, "totp": user.code_now(),
            }))
            .send()
            .await
            .expect("the login answers");
        assert_eq!(response.status(), 200, "login of {}", user.username);
        let body: Value = response.json().await.expect("a JSON login answer");
        StaffClient {
            client,
            token: body["token"].as_str().unwrap_or_default().to_owned(),
            csrf: body["csrf_token"].as_str().unwrap_or_default().to_owned(),
        }
    }

    /// `GET` an API path with the bearer token: status and JSON (null if none).
    pub async fn get(&self, app: &TestApp, path: &str) -> (u16, Value) {
        let response = self
            .client
            .get(app.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("the server answers");
        (
            response.status().as_u16(),
            response.json().await.unwrap_or(Value::Null),
        )
    }

    /// `POST` JSON to an API path with the bearer token: status and the raw body, to
    /// compare answers byte for byte.
    pub async fn post_raw(&self, app: &TestApp, path: &str, body: &Value) -> (u16, String) {
        let response = self
            .client
            .post(app.url(path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .expect("the server answers");
        (
            response.status().as_u16(),
            response.text().await.unwrap_or_default(),
        )
    }

    /// `POST` JSON to an API path with the bearer token: status and JSON.
    pub async fn post(&self, app: &TestApp, path: &str, body: &Value) -> (u16, Value) {
        let (status, text) = self.post_raw(app, path, body).await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// A console form with the session's CSRF token: status, `Location` and page.
    pub async fn form(
        &self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String, String) {
        let mut pairs = vec![("csrf_token", self.csrf.as_str())];
        pairs.extend_from_slice(fields);
        let response = self
            .client
            .post(app.url(path))
            .form(&pairs)
            .send()
            .await
            .expect("the server answers");
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (status, location, response.text().await.unwrap_or_default())
    }

    /// A console page with the session cookie: status and HTML.
    pub async fn page(&self, app: &TestApp, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(app.url(path))
            .send()
            .await
            .expect("the server answers");
        (
            response.status().as_u16(),
            response.text().await.unwrap_or_default(),
        )
    }
}
