//! The demo's people acting through the demo server's own API, as a reporter and
//! staff would from their browsers: every case, decision and report of the demo
//! province is made by the same routes, rules and audit entries as real ones.

use reqwest::{Client, Method, StatusCode};
use serde_json::Value;

use crate::Failure;

/// A client for the demo server at `base_url`, logged in as one staff member (or as
/// nobody, for the public portal's API).
pub struct DemoClient {
    client: Client,
    base_url: String,
    who: String,
    token: Option<String>,
}

impl DemoClient {
    /// The public portal's API, as a reporter uses it.
    pub fn public(base_url: &str) -> Result<DemoClient, Failure> {
        Ok(DemoClient {
            client: Client::builder()
                .build()
                .map_err(|error| Failure::new(format!("demo client: {error}")))?,
            base_url: base_url.to_owned(),
            who: "the reporter".to_owned(),
            token: None,
        })
    }

    /// Logs `username` in with their password and the TOTP code of the *previous*
    /// 30-second step: the server accepts it, and the person who logs in with the
    /// code their authenticator shows now is not refused as a replay.
    pub async fn log_in(
        base_url: &str,
        username: &str,
        password: &str,
        previous_totp_code: &str,
    ) -> Result<DemoClient, Failure> {
        let mut client = DemoClient::public(base_url)?;
        client.who = username.to_owned();
        let answer = client
            .send(
                Method::POST,
                "/api/v1/auth/login",
                Some(&serde_json::json!({
                    "username": username, "password": password, "totp": previous_totp_code,
                })),
            )
            .await?;
        let token = answer["token"]
            .as_str()
            .ok_or_else(|| Failure::new(format!("demo login of {username}: no token")))?;
        client.token = Some(token.to_owned());
        Ok(client)
    }

    /// `GET path`: the JSON answer of a 2xx, a failure naming the step otherwise.
    pub async fn get(&self, path: &str) -> Result<Value, Failure> {
        self.send(Method::GET, path, None).await
    }

    /// `POST path` with a JSON body.
    pub async fn post(&self, path: &str, body: &Value) -> Result<Value, Failure> {
        self.send(Method::POST, path, Some(body)).await
    }

    /// `PUT path` with a JSON body.
    pub async fn put(&self, path: &str, body: &Value) -> Result<Value, Failure> {
        self.send(Method::PUT, path, Some(body)).await
    }

    /// A reporter's session opened with their receipt, for the follow-up API.
    pub async fn with_receipt(base_url: &str, receipt: &str) -> Result<DemoClient, Failure> {
        let mut client = DemoClient::public(base_url)?;
        let session = client
            .post(
                "/api/v1/whistleblower/session",
                &serde_json::json!({ "receipt": receipt }),
            )
            .await?;
        let token = session["token"]
            .as_str()
            .ok_or_else(|| Failure::new("demo data: the receipt opened no session"))?;
        client.token = Some(token.to_owned());
        Ok(client)
    }

    /// One workflow action on a case (`POST /api/v1/cases/{id}/actions`).
    pub async fn act(&self, case_id: &str, action: &Value) -> Result<Value, Failure> {
        self.post(&format!("/api/v1/cases/{case_id}/actions"), action)
            .await
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, Failure> {
        let mut request = self
            .client
            .request(method.clone(), format!("{}{path}", self.base_url));
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.map_err(|error| {
            Failure::new(format!(
                "demo data: {method} {path} as {}: {error}",
                self.who
            ))
        })?;
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        if !status.is_success() {
            // The demo's own data was refused: a bug in the demo script, shown whole.
            return Err(Failure::new(format!(
                "demo data: {method} {path} as {} answered {status}: {text}",
                self.who
            )));
        }
        if status == StatusCode::NO_CONTENT || text.is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_str(&text).map_err(|error| {
            Failure::new(format!(
                "demo data: {method} {path} as {} answered no JSON: {error}",
                self.who
            ))
        })
    }
}
