//! The authorisation matrix: every route × every role (plus anonymous and a user of
//! another unit), over HTTP, with the status each must get. A route that is added
//! to the router without a row here fails `every_route_has_a_row`.

use std::collections::BTreeMap;

use khien_domain::accounts::{Role, UnitKind};
use khien_testkit::{Backend, TEST_PASSWORD, TestApp, spawn_app};
use reqwest::Method;
use serde_json::{Value, json};

/// Who makes a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Anonymous,
    Role(Role),
    /// A handler of another unit.
    OtherUnit,
}

/// What to send.
#[derive(Clone, Copy)]
enum Body {
    None,
    Json(fn() -> Value),
    /// A console form; the session's CSRF token is added for logged-in callers.
    Form(&'static str),
}

struct Row {
    method: Method,
    path: &'static str,
    body: Body,
    /// Status for an administrator, for any other logged-in staff member, and for
    /// an anonymous caller. `None` for "the same as for other staff".
    admin: u16,
    staff: u16,
    anonymous: u16,
}

fn row(
    method: Method,
    path: &'static str,
    body: Body,
    admin: u16,
    staff: u16,
    anonymous: u16,
) -> Row {
    Row {
        method,
        path,
        body,
        admin,
        staff,
        anonymous,
    }
}

fn wrong_login() -> Value {
    json!({"username": "nobody", "password": "wrong password here", "totp": "000000"})
}
fn wrong_password_change() -> Value {
    json!({"old_password": "not the password at all", "new_password": "another long password 99"})
}
fn unknown_recovery() -> Value {
    json!({"username": "nobody", "recovery_key": "0000-0000-0000-0000-0000-0000-0000", "new_password": "another long password 99"})
}
fn empty_unit() -> Value {
    json!({"code": "", "name": "x", "kind": "other"})
}
fn empty_user() -> Value {
    json!({"username": "", "unit": "SO-A", "roles": ["handler"], "password": TEST_PASSWORD})
}
fn reset_body() -> Value {
    json!({"password": "a fresh long password 77"})
}

/// The matrix. Rows that end sessions come last.
fn matrix() -> Vec<Row> {
    use Body::*;
    let get = Method::GET;
    let post = Method::POST;
    vec![
        row(get.clone(), "/", None, 200, 200, 200),
        row(get.clone(), "/healthz", None, 200, 200, 200),
        row(get.clone(), "/readyz", None, 200, 200, 200),
        row(get.clone(), "/static/{*path}", None, 200, 200, 200),
        row(get.clone(), "/staff/login", None, 200, 200, 200),
        // No form cookie: the form is refused before any credential is looked at.
        row(
            post.clone(),
            "/staff/login",
            Form("username=x&password=y&totp=1"),
            400,
            400,
            400,
        ),
        row(get.clone(), "/staff", None, 200, 200, 303),
        row(get.clone(), "/staff/account/password", None, 200, 200, 303),
        row(
            post.clone(),
            "/staff/account/password",
            Form("old_password=wrong-wrong-wrong&new_password=another%20long%20password%2099"),
            400,
            400,
            303,
        ),
        row(get.clone(), "/staff/recover", None, 200, 200, 200),
        row(
            post.clone(),
            "/staff/recover",
            Form("username=x&recovery_key=y&new_password=z"),
            400,
            400,
            400,
        ),
        row(get.clone(), "/staff/admin/units", None, 200, 403, 303),
        row(
            post.clone(),
            "/staff/admin/units",
            Form("code=&name=x&kind=other"),
            400,
            403,
            303,
        ),
        row(get.clone(), "/staff/admin/users", None, 200, 403, 303),
        row(
            post.clone(),
            "/staff/admin/users",
            Form("username=&unit=SO-A&role=handler&password=x"),
            400,
            403,
            303,
        ),
        row(
            post.clone(),
            "/staff/admin/users/{username}/disable",
            Form(""),
            303,
            403,
            303,
        ),
        row(
            post.clone(),
            "/staff/admin/users/{username}/enable",
            Form(""),
            303,
            403,
            303,
        ),
        row(
            post.clone(),
            "/staff/admin/users/{username}/reset",
            Form("password=a%20fresh%20long%20password%2077"),
            200,
            403,
            303,
        ),
        row(get.clone(), "/api/v1/openapi.json", None, 200, 200, 200),
        row(
            post.clone(),
            "/api/v1/auth/login",
            Json(wrong_login),
            401,
            401,
            401,
        ),
        row(get.clone(), "/api/v1/auth/me", None, 200, 200, 401),
        row(
            post.clone(),
            "/api/v1/auth/password",
            Json(wrong_password_change),
            400,
            400,
            401,
        ),
        row(
            post.clone(),
            "/api/v1/auth/recover",
            Json(unknown_recovery),
            401,
            401,
            401,
        ),
        row(get.clone(), "/api/v1/units", None, 200, 200, 401),
        row(
            post.clone(),
            "/api/v1/units",
            Json(empty_unit),
            400,
            403,
            401,
        ),
        row(get.clone(), "/api/v1/users", None, 200, 403, 401),
        row(
            post.clone(),
            "/api/v1/users",
            Json(empty_user),
            400,
            403,
            401,
        ),
        row(
            post.clone(),
            "/api/v1/users/{username}/disable",
            None,
            204,
            403,
            401,
        ),
        row(
            post.clone(),
            "/api/v1/users/{username}/enable",
            None,
            204,
            403,
            401,
        ),
        row(
            post.clone(),
            "/api/v1/users/{username}/reset",
            Json(reset_body),
            200,
            403,
            401,
        ),
        // The API logout ends the session the cookie also carries, so the console
        // logout after it finds no session and sends everyone to the login page.
        row(post.clone(), "/api/v1/auth/logout", None, 204, 204, 401),
        row(post.clone(), "/staff/logout", Form(""), 303, 303, 303),
    ]
}

/// A logged-in caller: a client with the session cookie, the bearer token and the
/// CSRF token.
struct Caller {
    client: reqwest::Client,
    token: Option<String>,
    csrf: String,
}

fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Creates a user and logs them in through the API.
async fn enrol_and_log_in(app: &TestApp, username: &str, unit: &str, roles: Vec<Role>) -> Caller {
    let user = app.seed_user(username, unit, roles).await;
    // A fresh client, so that each caller has only its own cookie.
    let client = new_client();
    let response = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"username": username, "password": TEST_PASSWORD, "totp": user.code_now()}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "login of {username}");
    let body: Value = response.json().await.unwrap();
    Caller {
        client,
        token: Some(body["token"].as_str().unwrap().to_owned()),
        csrf: body["csrf_token"].as_str().unwrap().to_owned(),
    }
}

fn concrete(path: &str) -> String {
    path.replace("{*path}", "khien.css")
        .replace("{username}", "target.user")
}

async fn send(app: &TestApp, caller: &Caller, row: &Row) -> u16 {
    let url = app.url(&concrete(row.path));
    let mut request = caller.client.request(row.method.clone(), &url);
    if let Some(token) = &caller.token
        && row.path.starts_with("/api/")
    {
        request = request.bearer_auth(token);
    }
    request = match row.body {
        Body::None if row.method == Method::POST && row.path.starts_with("/api/") => {
            request.json(&json!({}))
        }
        Body::None => request,
        Body::Json(make) => request.json(&make()),
        Body::Form(fields) => {
            let mut body = format!("csrf_token={}", caller.csrf);
            if !fields.is_empty() {
                body.push('&');
                body.push_str(fields);
            }
            request
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
        }
    };
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_gets_exactly_its_status_on_every_route() {
    let app = spawn_app(Backend::Sqlite).await;
    app.seed_unit("SO-A", UnitKind::Department, None).await;
    app.seed_unit("SO-B", UnitKind::Department, None).await;
    // The account the admin rows act on.
    enrol_and_log_in(&app, "target.user", "SO-A", vec![Role::Handler]).await;

    let mut callers: BTreeMap<Who, Caller> = BTreeMap::new();
    callers.insert(
        Who::Anonymous,
        Caller {
            client: new_client(),
            token: None,
            csrf: String::new(),
        },
    );
    for role in Role::ALL {
        let username = format!("user.{}", role.as_str());
        callers.insert(
            Who::Role(role),
            enrol_and_log_in(&app, &username, "SO-A", vec![role]).await,
        );
    }
    callers.insert(
        Who::OtherUnit,
        enrol_and_log_in(&app, "other.unit", "SO-B", vec![Role::Handler]).await,
    );

    let mut failures = Vec::new();
    for row in matrix() {
        for (who, caller) in &callers {
            let expected = match who {
                Who::Anonymous => row.anonymous,
                Who::Role(Role::Admin) => row.admin,
                _ => row.staff,
            };
            let got = send(&app, caller, &row).await;
            if got != expected {
                failures.push(format!(
                    "{} {} as {who:?}: expected {expected}, got {got}",
                    row.method, row.path
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorisation matrix:\n{}",
        failures.join("\n")
    );
    app.stop().await;
}

#[test]
fn every_api_route_is_in_the_openapi_document() {
    let document: Value = serde_json::from_str(khien_web::api::openapi::OPENAPI_JSON).unwrap();
    let paths = document["paths"].as_object().unwrap();
    let missing: Vec<&str> = khien_web::route_paths()
        .into_iter()
        .filter(|path| path.starts_with("/api/") && !paths.contains_key(*path))
        .collect();
    assert!(
        missing.is_empty(),
        "API routes missing from openapi.json: {missing:?}"
    );
}

#[test]
fn every_route_has_a_row() {
    let covered: Vec<&str> = matrix().iter().map(|row| row.path).collect();
    let missing: Vec<&str> = khien_web::route_paths()
        .into_iter()
        .filter(|path| !covered.contains(path))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the matrix: {missing:?}"
    );
}
