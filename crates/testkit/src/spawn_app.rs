//! A real server on port 0, started the way `khien serve` starts one.

use std::time::Duration;

use khien_store::{Backend, Store};
use khien_vault::kdf::KdfParams;
use khien_web::{Application, ServerSettings};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::fresh_database::{TestDatabase, fresh_database};

/// A running server and a client for it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub base_url: String,
    /// `http://127.0.0.1:PORT/metrics` when the settings asked for metrics.
    pub metrics_url: Option<String>,
    /// Keeps cookies, does not follow redirects (tests assert on them).
    pub client: reqwest::Client,
    /// The server's database, for arranging and checking.
    pub store: Store,
    /// The server's state (store, data directory, secret), for arranging and checking.
    pub state: khien_web::AppState,
    /// The database and data directory (kept alive as long as the app).
    pub database: TestDatabase,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

/// Starts a server with a fresh database on `backend`, fresh keys and a temporary
/// data directory.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// Like [`spawn_app`], with a chance to change the settings first.
pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut ServerSettings)) -> TestApp {
    let database = fresh_database(backend).await;
    let mut settings = ServerSettings {
        data_dir: database.data_dir.path().to_owned(),
        database_url: Some(database.url.clone()),
        listen: "127.0.0.1:0".parse().expect("an address"),
        checkpoint_every: 100,
        connect_timeout: Duration::from_secs(10),
        kdf_params: KdfParams::for_tests(),
        // Every test client comes from 127.0.0.1; tests of the limit lower it.
        login_failures_per_source: 1000,
        max_attachment_bytes: 100 * 1024 * 1024,
        anonymous_requests_before_slowdown: 100_000,
        document_place: None,
        reminders: Default::default(),
        reward_base_salary_vnd: khien_domain::outcomes::DEFAULT_BASE_SALARY_VND,
        identity_request_lifetime: khien_web::DEFAULT_IDENTITY_REQUEST_LIFETIME,
        metrics_listen: None,
    };
    adjust(&mut settings);
    let application = Application::build(settings)
        .await
        .expect("the test server starts");
    let base_url = format!("http://{}", application.local_addr());
    let metrics_url = application
        .metrics_addr()
        .map(|address| format!("http://{address}/metrics"));
    let state = application.state().clone();
    let store = state.store.clone();
    let (shutdown, stop) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        application
            .run_until(async {
                let _ = stop.await;
            })
            .await
            .expect("the test server stops cleanly");
    });
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .expect("an HTTP client");
    TestApp {
        base_url,
        metrics_url,
        client,
        store,
        state,
        database,
        shutdown: Some(shutdown),
        task: Some(task),
    }
}

impl TestApp {
    /// The full URL of a path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// Stops the server gracefully and waits for it (signing the final checkpoint).
    /// Returns the database, which outlives the server, for checks after shutdown.
    pub async fn stop(mut self) -> TestDatabase {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.expect("the server task ends");
        }
        self.database
    }
}

impl TestApp {
    /// `GET path` with a bearer token; the status and the JSON answer (`null` when
    /// the answer is not JSON).
    pub async fn get_json(&self, path: &str, token: &str) -> (u16, serde_json::Value) {
        let response = self
            .client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("the request is sent");
        let status = response.status().as_u16();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }

    /// `POST path` with a JSON body (and a bearer token, if given); the status and
    /// the JSON answer (`null` when the answer is not JSON).
    pub async fn post_json(
        &self,
        path: &str,
        token: Option<&str>,
        body: &serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let mut request = self.client.post(self.url(path)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("the request is sent");
        let status = response.status().as_u16();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }
}
