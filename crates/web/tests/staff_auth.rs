//! Staff login, sessions, password change and recovery, over HTTP on both backends.

use khien_domain::accounts::{Role, TotpSecret, UnitKind, Username, totp_code};
use khien_store::accounts::UnitKeyKind;
use khien_testkit::{
    Backend, TEST_PASSWORD, TestApp, TestUser, current_step, spawn_app, spawn_app_with,
};
use khien_vault::kdf::KdfParams;
use khien_vault::sealed_box::SecretKey;
use secrecy::SecretString;
use serde_json::{Value, json};

const PASSWORD: &str = TEST_PASSWORD;

async fn unit(app: &TestApp, code: &str) {
    app.seed_unit(code, UnitKind::Inspectorate, None).await;
}

async fn enrol(app: &TestApp, username: &str, unit: &str, roles: Vec<Role>) -> TestUser {
    app.seed_user(username, unit, roles).await
}

fn now_step() -> u64 {
    current_step()
}

async fn api_login(app: &TestApp, username: &str, password: &str, code: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"username": username, "password": password, "totp": code}))
        .send()
        .await
        .unwrap()
}

async fn token_of(response: reqwest::Response) -> String {
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    body["token"].as_str().unwrap().to_owned()
}

/// The hidden CSRF field of a page.
fn hidden_csrf(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("a csrf field") + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

async fn console_login_works_with_password_and_totp(backend: Backend) {
    let app = spawn_app(backend).await;
    unit(&app, "TTT").await;
    let user = enrol(&app, "thanh.tra", "TTT", vec![Role::Handler]).await;

    // Before login the console sends you to the login page.
    let before = app.client.get(app.url("/staff")).send().await.unwrap();
    assert_eq!(before.status(), 303);
    assert_eq!(before.headers()["location"], "/staff/login");

    let page = app
        .client
        .get(app.url("/staff/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Đăng nhập dành cho cán bộ"));
    let csrf = hidden_csrf(&page);
    let code = totp_code(&user.totp, now_step());
    let response = app
        .client
        .post(app.url("/staff/login"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("username", "thanh.tra"),
            ("password", PASSWORD),
            ("totp", code.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    for flag in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(flag), "{cookie}");
    }
    let home = app.client.get(app.url("/staff")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    let html = home.text().await.unwrap();
    assert!(html.contains("thanh.tra"));
    assert!(html.contains("Đơn vị TTT"));
    // Roles by their names, not their codes.
    assert!(html.contains("id=\"roles\">Cán bộ xử lý</td>"), "{html}");

    // In English, every link of the console keeps English.
    let english = app
        .client
        .get(app.url("/staff?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("id=\"roles\">Handler</td>"), "{english}");
    let staff_links: Vec<&str> = english
        .split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .filter(|link| link.starts_with("/staff"))
        .collect();
    assert!(staff_links.len() >= 4, "{staff_links:?}");
    for link in staff_links {
        assert!(link.contains("lang=en"), "{link} drops the language");
    }

    // The same code cannot be used twice.
    let again = api_login(&app, "thanh.tra", PASSWORD, &code).await;
    assert_eq!(again.status(), 401);
    app.stop().await;
}

async fn wrong_credentials_get_one_answer_that_reveals_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    unit(&app, "TTT").await;
    let user = enrol(&app, "can.bo", "TTT", vec![Role::Intake]).await;
    let code = totp_code(&user.totp, now_step());
    let mut answers = Vec::new();
    for (username, password, code) in [
        ("can.bo", "sai mật khẩu rồi nhé", code.as_str()),
        ("khong.co.ai", PASSWORD, code.as_str()),
        ("can.bo", PASSWORD, "000000"),
    ] {
        let response = api_login(&app, username, password, code).await;
        assert_eq!(response.status(), 401, "{username}");
        answers.push(response.text().await.unwrap());
    }
    assert!(
        answers.windows(2).all(|pair| pair[0] == pair[1]),
        "{answers:?}"
    );

    // A disabled account gets the same answer, even with the right password.
    app.store
        .set_user_disabled("test", &Username::parse("can.bo").unwrap(), true)
        .await
        .unwrap();
    let code = totp_code(&user.totp, now_step() + 1);
    let disabled = api_login(&app, "can.bo", PASSWORD, &code).await;
    assert_eq!(disabled.status(), 401);
    assert_eq!(disabled.text().await.unwrap(), answers[0]);
    app.stop().await;
}

async fn each_login_gets_a_new_session_and_logout_ends_it(backend: Backend) {
    let app = spawn_app(backend).await;
    unit(&app, "TTT").await;
    let user = enrol(&app, "a.b", "TTT", vec![Role::Head]).await;
    let first = token_of(
        api_login(
            &app,
            "a.b",
            PASSWORD,
            &totp_code(&user.totp, now_step() - 1),
        )
        .await,
    )
    .await;
    let second =
        token_of(api_login(&app, "a.b", PASSWORD, &totp_code(&user.totp, now_step())).await).await;
    assert_ne!(first, second);
    let me = |token: &str| {
        app.client
            .get(app.url("/api/v1/auth/me"))
            .bearer_auth(token)
            .send()
    };
    let body: Value = me(&second).await.unwrap().json().await.unwrap();
    assert_eq!(body["username"], "a.b");
    assert_eq!(body["roles"], json!(["head"]));
    let logout = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .bearer_auth(&second)
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 204);
    assert_eq!(me(&second).await.unwrap().status(), 401);
    assert_eq!(
        me(&first).await.unwrap().status(),
        200,
        "other sessions live on"
    );
    // A cookie does not open the API, and a made-up token opens nothing.
    assert_eq!(me(&"ab".repeat(64)).await.unwrap().status(), 401);
    app.stop().await;
}

async fn idle_and_absolute_timeouts_end_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    unit(&app, "TTT").await;
    let user = enrol(&app, "a.b", "TTT", vec![Role::Head]).await;
    let token =
        token_of(api_login(&app, "a.b", PASSWORD, &totp_code(&user.totp, now_step())).await).await;
    let me = || {
        app.client
            .get(app.url("/api/v1/auth/me"))
            .bearer_auth(&token)
            .send()
    };
    assert_eq!(me().await.unwrap().status(), 200);
    // Pretend 31 minutes passed without a request.
    let mut tx = app.store.begin().await.unwrap();
    sqlx::query("UPDATE sessions SET last_seen_at = $1")
        .bind("2000-01-01T00:00:00.000000Z")
        .execute(tx.connection())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(me().await.unwrap().status(), 401);

    let token2 = token_of(
        api_login(
            &app,
            "a.b",
            PASSWORD,
            &totp_code(&user.totp, now_step() + 1),
        )
        .await,
    )
    .await;
    let mut tx = app.store.begin().await.unwrap();
    sqlx::query("UPDATE sessions SET absolute_expires_at = $1")
        .bind("2000-01-01T00:00:00.000000Z")
        .execute(tx.connection())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let expired = app
        .client
        .get(app.url("/api/v1/auth/me"))
        .bearer_auth(&token2)
        .send()
        .await
        .unwrap();
    assert_eq!(expired.status(), 401);
    app.stop().await;
}

/// Lets a test log in more often than once per 30-second step: each code is
/// single-use, so the record of the last used step is cleared first.
async fn forget_used_codes(app: &TestApp) {
    let mut tx = app.store.begin().await.unwrap();
    sqlx::query("UPDATE users SET totp_last_step = NULL")
        .execute(tx.connection())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// The member's unit key, opened with the private key of a fresh login.
async fn can_open_unit_key(
    app: &TestApp,
    username: &str,
    password: &str,
    totp: &TotpSecret,
    step: u64,
) -> bool {
    forget_used_codes(app).await;
    let logged_in = app
        .store
        .authenticate(
            khien_store::accounts::LoginAttempt {
                username,
                password: &SecretString::from(password),
                totp_code: &totp_code(totp, step),
                now: chrono::Utc::now(),
            },
            &app.state.server_secret,
            &KdfParams::for_tests(),
        )
        .await
        .unwrap();
    let unit_id = logged_in.user.unit_id.clone();
    let key: Result<SecretKey, _> = app
        .store
        .open_unit_key(
            &unit_id,
            UnitKeyKind::Unit,
            &logged_in.user.id,
            &logged_in.private_key,
        )
        .await;
    key.is_ok()
}

async fn password_change_and_recovery_keep_access(backend: Backend) {
    let app = spawn_app(backend).await;
    unit(&app, "TTT").await;
    let user = enrol(&app, "x.y", "TTT", vec![Role::Handler]).await;
    let step = now_step();
    assert!(can_open_unit_key(&app, "x.y", PASSWORD, &user.totp, step).await);

    forget_used_codes(&app).await;
    let token =
        token_of(api_login(&app, "x.y", PASSWORD, &totp_code(&user.totp, step)).await).await;
    let new_password = "một mật khẩu mới hoàn toàn";
    let change = app
        .client
        .post(app.url("/api/v1/auth/password"))
        .bearer_auth(&token)
        .json(&json!({"old_password": PASSWORD, "new_password": new_password}))
        .send()
        .await
        .unwrap();
    assert_eq!(change.status(), 204);
    forget_used_codes(&app).await;
    assert_eq!(
        api_login(&app, "x.y", PASSWORD, &totp_code(&user.totp, step))
            .await
            .status(),
        401
    );
    assert!(can_open_unit_key(&app, "x.y", new_password, &user.totp, step).await);

    let recovered_password = "khôi phục bằng khóa dự phòng";
    let recover = app
        .client
        .post(app.url("/api/v1/auth/recover"))
        .json(&json!({"username": "x.y", "recovery_key": user.recovery_key, "new_password": recovered_password}))
        .send()
        .await
        .unwrap();
    assert_eq!(recover.status(), 200);
    let body: Value = recover.json().await.unwrap();
    assert!(body["recovery_key"].as_str().unwrap().len() >= 28);
    assert!(can_open_unit_key(&app, "x.y", recovered_password, &user.totp, step).await);
    // The old recovery key no longer works once used.
    let reuse = app
        .client
        .post(app.url("/api/v1/auth/recover"))
        .json(&json!({"username": "x.y", "recovery_key": user.recovery_key, "new_password": "yet another long password"}))
        .send()
        .await
        .unwrap();
    assert_eq!(reuse.status(), 401);
    app.stop().await;
}

async fn too_many_failures_from_one_source_slow_it_down(backend: Backend) {
    let app = spawn_app_with(backend, |settings| settings.login_failures_per_source = 3).await;
    unit(&app, "TTT").await;
    let user = enrol(&app, "p.q", "TTT", vec![Role::Handler]).await;
    for _ in 0..3 {
        assert_eq!(
            api_login(&app, "nobody", "wrong password!!", "123456")
                .await
                .status(),
            401
        );
    }
    let slowed = api_login(&app, "p.q", PASSWORD, &totp_code(&user.totp, now_step())).await;
    assert_eq!(slowed.status(), 429);
    assert!(slowed.headers().contains_key("retry-after"));
    app.stop().await;
}

async fn bad_api_input_names_what_is_wrong(backend: Backend) {
    let app = spawn_app(backend).await;
    let wrong_type = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .body("username=x")
        .header("content-type", "application/x-www-form-urlencoded")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), 415);
    let malformed = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body("{\"username\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 400);
    let missing = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"username": "a", "password": "b"}))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 400);
    let body: Value = missing.json().await.unwrap();
    assert!(body["error"].as_str().unwrap().contains("totp"), "{body}");
    app.stop().await;
}

khien_testkit::on_both_backends!(
    console_login_works_with_password_and_totp,
    wrong_credentials_get_one_answer_that_reveals_nothing,
    each_login_gets_a_new_session_and_logout_ends_it,
    idle_and_absolute_timeouts_end_sessions,
    password_change_and_recovery_keep_access,
    too_many_failures_from_one_source_slow_it_down,
    bad_api_input_names_what_is_wrong,
);
