//! Identity disclosure over HTTP on both backends: a handler asks, custodians
//! decide, only the requester opens; refusal and expiry; the reporter is told
//! (API and follow-up page, both languages) with no name; the console pages;
//! a new custodian joining through a re-share.

use std::time::Duration;

use khien_domain::accounts::{Role, UnitKind};
use khien_store::intake::CaseId;
use khien_testkit::{
    Backend, TEST_PASSWORD, TestApp, TestUser, current_step, spawn_app, spawn_app_with,
};
use serde_json::{Value, json};
use sqlx::Row;

const REPORTER: &str = "Lê Thị Bí Danh";
const ID_NUMBER: &str = "001234567890";

/// A logged-in staff member: their own client (with the session cookie), the
/// bearer token and the CSRF token of their console forms.
struct Session {
    client: reqwest::Client,
    token: String,
    csrf: String,
}

async fn log_in(app: &TestApp, user: &TestUser) -> Session {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"username": user.username, "password": TEST_PASSWORD, "totp": user.code_at(current_step())}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "login of {}", user.username);
    let body: Value = response.json().await.unwrap();
    Session {
        client,
        token: body["token"].as_str().unwrap().to_owned(),
        csrf: body["csrf_token"].as_str().unwrap().to_owned(),
    }
}

impl Session {
    async fn get(&self, app: &TestApp, path: &str) -> (u16, Value) {
        let response = self
            .client
            .get(app.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        (
            response.status().as_u16(),
            response.json().await.unwrap_or(Value::Null),
        )
    }

    async fn post(&self, app: &TestApp, path: &str, body: Value) -> (u16, Value) {
        let response = self
            .client
            .post(app.url(path))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        (
            response.status().as_u16(),
            response.json().await.unwrap_or(Value::Null),
        )
    }

    /// A custodian approves or refuses a request, with a reason.
    async fn decide(&self, app: &TestApp, request: &str, decision: &str) -> (u16, Value) {
        self.post(
            app,
            &format!("/api/v1/identity-requests/{request}/{decision}"),
            a_reason(),
        )
        .await
    }

    async fn page(&self, app: &TestApp, path: &str) -> (u16, String) {
        let response = self.client.get(app.url(path)).send().await.unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    async fn form(&self, app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let mut all = vec![("csrf_token", self.csrf.as_str())];
        all.extend_from_slice(fields);
        let response = self
            .client
            .post(app.url(path))
            .form(&all)
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }
}

/// The unit TTT: a handler who is also its intake officer, a head, three
/// custodians; and another unit's handler.
struct Unit {
    handler: Session,
    head: Session,
    custodians: Vec<Session>,
    custodian_users: Vec<TestUser>,
    outsider: Session,
}

async fn unit(app: &TestApp) -> Unit {
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    app.seed_unit("TTB", UnitKind::Inspectorate, None).await;
    let handler = app
        .seed_user("xu.ly", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    let head = app.seed_user("truong.phong", "TTT", vec![Role::Head]).await;
    let mut custodian_users = Vec::new();
    for i in 0..3 {
        custodian_users.push(
            app.seed_user(&format!("giu.khoa{i}"), "TTT", vec![Role::Custodian])
                .await,
        );
    }
    let outsider = app
        .seed_user("xu.ly.khac", "TTB", vec![Role::Intake, Role::Handler])
        .await;
    let mut custodians = Vec::new();
    for user in &custodian_users {
        custodians.push(log_in(app, user).await);
    }
    Unit {
        // The head's grant of the unit key is fulfilled by the handler's login after it.
        head: log_in(app, &head).await,
        handler: log_in(app, &handler).await,
        custodians,
        custodian_users,
        outsider: log_in(app, &outsider).await,
    }
}

/// A named report to TTT through the API; its case id and receipt. Acceptance
/// has destroyed the intake officers' seal.
async fn named_report(app: &TestApp, handler: &Session) -> (String, String) {
    let (status, created) = app
        .post_json(
            "/api/v1/reports",
            None,
            &json!({
                "kind": "denunciation", "unit": "TTT",
                "subject": "Nâng khống giá thiết bị", "content": "Giá mua cao gấp ba giá thị trường.",
                "identity": {"full_name": REPORTER, "id_number": ID_NUMBER, "address": "Huế", "phone": "0912 000 111"},
            }),
        )
        .await;
    assert_eq!(status, 201);
    let case_id = case_id_of(app, handler, &created).await;
    app.store
        .destroy_intake_identity_seal(
            "user:test",
            &CaseId::parse(&case_id).unwrap(),
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    (case_id, created["receipt"].as_str().unwrap().to_owned())
}

/// The public answer carries no case id: the unit's inbox gives it.
async fn case_id_of(app: &TestApp, handler: &Session, created: &Value) -> String {
    let (_, inbox) = handler.get(app, "/api/v1/cases").await;
    inbox["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|case| case["tracking_number"] == created["tracking_number"])
        .expect("the case is in the unit's inbox")["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn a_request() -> Value {
    json!({
        "legal_reason": "verification_contact",
        "details": "Cần gặp người tố cáo để đối chiếu hóa đơn gốc.",
        "purpose": "Mời làm việc tại trụ sở",
    })
}

fn a_reason() -> Value {
    json!({"reason": "Căn cứ Điều 31 là xác đáng."})
}

async fn audit_actions(app: &TestApp) -> String {
    sqlx::query("SELECT action, details FROM audit_entries ORDER BY seq")
        .fetch_all(app.store.reader())
        .await
        .unwrap()
        .iter()
        .map(|row| format!("{} {}", row.get::<String, _>(0), row.get::<String, _>(1)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).expect("the hidden field") + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

async fn k_approvals_open_the_identity_for_the_requester_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let unit = unit(&app).await;
    let (case_id, receipt) = named_report(&app, &unit.handler).await;
    let identity_path = format!("/api/v1/cases/{case_id}/identity");
    let requests_path = format!("/api/v1/cases/{case_id}/identity-requests");

    // Another unit's handler does not even learn that the case exists.
    assert_eq!(
        unit.outsider
            .post(&app, &requests_path, a_request())
            .await
            .0,
        404
    );
    assert_eq!(unit.outsider.get(&app, &identity_path).await.0, 404);
    // A custodian does not ask.
    assert_eq!(
        unit.custodians[0]
            .post(&app, &requests_path, a_request())
            .await
            .0,
        403
    );
    // Bad input is named.
    let (status, bad) = unit
        .handler
        .post(
            &app,
            &requests_path,
            json!({"legal_reason": "tò mò", "details": "", "purpose": "x"}),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(bad["field"], "legal_reason");

    let (status, created) = unit.handler.post(&app, &requests_path, a_request()).await;
    assert_eq!(status, 201, "{created}");
    let request_id = created["id"].as_str().unwrap().to_owned();

    // Before k approvals: 403 with a message that says why, in both languages.
    let (status, refused) = unit.handler.get(&app, &identity_path).await;
    assert_eq!(status, 403);
    let message = refused["error"].as_str().unwrap();
    assert!(
        message.contains("Điều 56") && message.contains("Art. 56"),
        "{message}"
    );

    // The custodians see the request with what the handler wrote.
    let (status, queue) = unit.custodians[0]
        .get(&app, "/api/v1/identity-requests")
        .await;
    assert_eq!(status, 200);
    let listed = &queue["requests"][0];
    assert_eq!(listed["id"], request_id.as_str());
    assert_eq!(listed["requester"], "xu.ly");
    assert_eq!(listed["legal_reason"]["code"], "verification_contact");
    assert!(listed["details"].as_str().unwrap().contains("hóa đơn gốc"));
    assert_eq!(listed["status"]["code"], "pending");
    assert_eq!(
        (listed["approvals"].as_u64(), listed["threshold"].as_u64()),
        (Some(0), Some(2))
    );
    assert_eq!(listed["holds_share"], true);
    // Other staff may not list them.
    assert_eq!(
        unit.handler.get(&app, "/api/v1/identity-requests").await.0,
        403
    );

    let approve = format!("/api/v1/identity-requests/{request_id}/approve");
    assert_eq!(
        unit.custodians[0]
            .post(&app, &approve, json!({"reason": " "}))
            .await
            .0,
        400
    );
    let (status, first) = unit.custodians[0].post(&app, &approve, a_reason()).await;
    assert_eq!(status, 200);
    assert_eq!(first["approved"], false);
    assert_eq!(
        unit.custodians[0].post(&app, &approve, a_reason()).await.0,
        409
    );
    // One approval opens nothing, for the requester or the custodian.
    assert_eq!(unit.handler.get(&app, &identity_path).await.0, 403);
    assert_eq!(unit.custodians[0].get(&app, &identity_path).await.0, 403);

    let (status, second) = unit.custodians[2].post(&app, &approve, a_reason()).await;
    assert_eq!(status, 200);
    assert_eq!(second["approved"], true);

    let (status, opened) = unit.handler.get(&app, &identity_path).await;
    assert_eq!(status, 200, "{opened}");
    assert_eq!(opened["request_id"], request_id.as_str());
    assert_eq!(opened["identity"]["representative"]["full_name"], REPORTER);
    assert_eq!(opened["identity"]["representative"]["id_number"], ID_NUMBER);
    // Nobody else: another staff member of the unit, a custodian who approved.
    assert_eq!(unit.head.get(&app, &identity_path).await.0, 403);
    assert_eq!(unit.custodians[2].get(&app, &identity_path).await.0, 403);

    // The reporter is told: role, unit, legal reason, day — never a name.
    let (_, session) = app
        .post_json(
            "/api/v1/whistleblower/session",
            None,
            &json!({"receipt": receipt}),
        )
        .await;
    let ticket = session["token"].as_str().unwrap().to_owned();
    let (status, mine) = app.get_json("/api/v1/whistleblower/report", &ticket).await;
    assert_eq!(status, 200);
    let told = &mine["disclosures"][0];
    assert_eq!(mine["disclosures"].as_array().unwrap().len(), 1);
    assert_eq!(told["role"]["code"], "handler");
    assert_eq!(told["role"]["vi"], "Cán bộ xử lý");
    assert_eq!(told["unit"], "Đơn vị TTT");
    assert_eq!(told["legal_reason"]["code"], "verification_contact");
    assert!(
        told["legal_reason"]["vi"]
            .as_str()
            .unwrap()
            .contains("Điều 31")
    );
    assert_eq!(told["date"].as_str().unwrap().len(), 10);
    assert_eq!(told["opened"], true);
    let told_text = mine["disclosures"].to_string();
    for secret in ["xu.ly", "giu.khoa", REPORTER, ID_NUMBER, "hóa đơn gốc"] {
        assert!(!told_text.contains(secret), "{secret} in {told_text}");
    }

    // The follow-up page lists it, in Vietnamese and in English.
    let login = app
        .client
        .get(app.url("/follow-up"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let entered = app
        .client
        .post(app.url("/follow-up"))
        .form(&[
            ("csrf_token", hidden(&login, "csrf_token")),
            ("receipt", receipt.clone()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(entered.status(), 303);
    for (query, expected) in [
        ("", ["Cán bộ xử lý", "Đơn vị TTT", "Điều 31 Luật Tố cáo"]),
        (
            "?lang=en",
            ["Handler", "Đơn vị TTT", "Law on Denunciation, Art. 31"],
        ),
    ] {
        let page = app
            .client
            .get(app.url(&format!("/follow-up/case{query}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let section = &page[page.find("id=\"disclosures\"").unwrap()..];
        for text in expected {
            assert!(section.contains(text), "{text} on the page {query}");
        }
        assert!(!section.contains("xu.ly"));
    }

    // Every step is audited, by id.
    let audit = audit_actions(&app).await;
    for action in [
        "identity.requested",
        "identity.request_approved",
        "case.identity_read",
    ] {
        assert!(audit.contains(action), "{action}");
    }
    assert!(audit.contains(&request_id));
    assert!(!audit.contains(REPORTER) && !audit.contains(ID_NUMBER));
    let _ = unit.custodian_users;
    app.stop().await;
}

async fn refusal_and_expiry_block_it(backend: Backend) {
    let lifetime = Duration::from_secs(4);
    let app = spawn_app_with(backend, |settings| {
        settings.identity_request_lifetime = lifetime;
    })
    .await;
    let unit = unit(&app).await;
    let (case_id, _) = named_report(&app, &unit.handler).await;
    let identity_path = format!("/api/v1/cases/{case_id}/identity");
    let requests_path = format!("/api/v1/cases/{case_id}/identity-requests");
    let ask = || unit.handler.post(&app, &requests_path, a_request());

    // Left waiting, then expired.
    let (_, waiting) = ask().await;
    let waiting = waiting["id"].as_str().unwrap().to_owned();
    // Refused by one custodian: closed for the others, and opens nothing.
    let (_, refused) = ask().await;
    let refused = refused["id"].as_str().unwrap().to_owned();
    let (status, answer) = unit.custodians[1].decide(&app, &refused, "refuse").await;
    assert_eq!((status, answer["approved"].as_bool()), (200, Some(false)));
    let (status, closed) = unit.custodians[0].decide(&app, &refused, "approve").await;
    assert_eq!(status, 409);
    assert!(
        closed["error"]
            .as_str()
            .unwrap()
            .contains("đã được quyết định")
    );
    assert_eq!(unit.handler.get(&app, &identity_path).await.0, 403);
    // Approved: opens, until it expires.
    let (_, approved) = ask().await;
    let approved = approved["id"].as_str().unwrap().to_owned();
    for custodian in [&unit.custodians[0], &unit.custodians[2]] {
        let (status, _) = custodian.decide(&app, &approved, "approve").await;
        assert_eq!(status, 200);
    }
    assert_eq!(unit.handler.get(&app, &identity_path).await.0, 200);

    tokio::time::sleep(lifetime + Duration::from_millis(500)).await;
    assert_eq!(unit.handler.get(&app, &identity_path).await.0, 403);
    let (status, expired) = unit.custodians[0].decide(&app, &waiting, "approve").await;
    assert_eq!(status, 409);
    assert!(expired["error"].as_str().unwrap().contains("hết hạn"));
    let (_, queue) = unit.custodians[2]
        .get(&app, "/api/v1/identity-requests")
        .await;
    let statuses: Vec<&str> = queue["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|request| request["status"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["expired", "refused", "expired"]);
    assert!(
        audit_actions(&app)
            .await
            .contains("identity.request_refused")
    );

    // An anonymous report has no identity to ask for.
    let (_, anonymous) = app
        .post_json(
            "/api/v1/reports",
            None,
            &json!({"kind": "reflection", "unit": "TTT", "subject": "Ẩn danh", "content": "Không nêu tên."}),
        )
        .await;
    let (status, conflict) = unit
        .handler
        .post(
            &app,
            &format!(
                "/api/v1/cases/{}/identity-requests",
                case_id_of(&app, &unit.handler, &anonymous).await
            ),
            a_request(),
        )
        .await;
    assert_eq!(status, 409);
    assert!(conflict["error"].as_str().unwrap().contains("nặc danh"));
    app.stop().await;
}

async fn the_console_takes_a_request_through_to_the_identity(backend: Backend) {
    let app = spawn_app(backend).await;
    let unit = unit(&app).await;
    let (case_id, _) = named_report(&app, &unit.handler).await;
    let page_path = format!("/staff/cases/{case_id}/identity");

    // The custodians' page is linked from their home page; others may not open it.
    let (_, home) = unit.custodians[0].page(&app, "/staff").await;
    assert!(home.contains("href=\"/staff/identity-requests\""));
    let (_, handler_home) = unit.handler.page(&app, "/staff").await;
    assert!(!handler_home.contains("id=\"custodian-link\""));
    assert_eq!(
        unit.handler.page(&app, "/staff/identity-requests").await.0,
        403
    );
    assert_eq!(unit.custodians[0].page(&app, &page_path).await.0, 403);
    assert_eq!(unit.outsider.page(&app, &page_path).await.0, 404);

    // The handler asks through the form; a missing purpose is named first.
    let (status, form) = unit.handler.page(&app, &page_path).await;
    assert_eq!(status, 200);
    assert!(form.contains("Căn cứ pháp lý") && form.contains("verification_contact"));
    let (status, refused) = unit
        .handler
        .form(
            &app,
            &page_path,
            &[
                ("action", "request"),
                ("legal_reason", "reward"),
                ("details", "Khen thưởng."),
                ("purpose", ""),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(refused.contains("Không được để trống"));
    let (status, _) = unit
        .handler
        .form(
            &app,
            &page_path,
            &[
                ("action", "request"),
                ("legal_reason", "protection_measures"),
                (
                    "details",
                    "Người tố cáo bị đe dọa, cần bố trí nơi ở an toàn.",
                ),
                ("purpose", "Phối hợp công an bảo vệ"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    // Opening before approval says why.
    let (status, early) = unit
        .handler
        .form(&app, &page_path, &[("action", "open")])
        .await;
    assert_eq!(status, 403);
    assert!(early.contains("Điều 56"));

    // Two custodians approve from their page (with CSRF); a missing reason is refused.
    let (status, queue) = unit.custodians[0]
        .page(&app, "/staff/identity-requests?lang=en")
        .await;
    assert_eq!(status, 200);
    assert!(queue.contains("bố trí nơi ở an toàn"));
    assert!(queue.contains("Protection measures for the reporter"));
    let marker = "/staff/identity-requests/";
    let start = queue.find(marker).unwrap() + marker.len();
    let request_id = &queue[start..start + 32];
    let approve = format!("/staff/identity-requests/{request_id}/approve");
    assert_eq!(
        unit.custodians[0]
            .form(&app, &approve, &[("reason", "")])
            .await
            .0,
        400
    );
    let no_csrf = unit.custodians[0]
        .client
        .post(app.url(&approve))
        .form(&[("reason", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(no_csrf.status(), 400);
    for custodian in [&unit.custodians[0], &unit.custodians[1]] {
        let (status, _) = custodian
            .form(&app, &approve, &[("reason", "Nguy cơ trả thù là có thật.")])
            .await;
        assert_eq!(status, 303);
    }
    // The third custodian can only see it decided.
    let (_, third) = unit.custodians[2]
        .page(&app, "/staff/identity-requests")
        .await;
    assert!(third.contains("Đã đủ người giữ khóa đồng ý"));
    assert!(!third.contains(&format!("{request_id}/approve")));

    let (_, approved) = unit.handler.page(&app, &page_path).await;
    assert!(approved.contains("id=\"open-identity\""));
    assert!(
        !approved.contains(REPORTER),
        "the identity opens only on request"
    );
    let (status, opened) = unit
        .handler
        .form(&app, &page_path, &[("action", "open")])
        .await;
    assert_eq!(status, 200);
    assert!(opened.contains(REPORTER) && opened.contains(ID_NUMBER));
    // The head of the same unit has no approved request of their own.
    let (status, head) = unit
        .head
        .form(&app, &page_path, &[("action", "open")])
        .await;
    assert_eq!(status, 403);
    assert!(!head.contains(REPORTER));
    app.stop().await;
}

async fn a_new_custodian_gets_shares_through_a_reshare(backend: Backend) {
    let app = spawn_app(backend).await;
    let unit = unit(&app).await;
    let admin = app.seed_user("quan.tri", "TTT", vec![Role::Admin]).await;
    let admin = log_in(&app, &admin).await;
    let (case_id, _) = named_report(&app, &unit.handler).await;

    // The unit asks for 3 of its custodians from now on; 1 is refused with three.
    let (status, bad) = admin
        .post(
            &app,
            "/api/v1/units/TTT/identity-threshold",
            json!({"threshold": 1, "accept_single_custodian": true}),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(bad["field"], "threshold");
    let (status, setting) = admin
        .post(
            &app,
            "/api/v1/units/TTT/identity-threshold",
            json!({"threshold": 3}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(setting["threshold"], 3);
    assert_eq!(
        unit.handler
            .post(
                &app,
                "/api/v1/units/TTT/identity-threshold",
                json!({"threshold": 2})
            )
            .await
            .0,
        403
    );

    // A fourth custodian joins: the older case must be re-shared to four.
    let newcomer = app
        .seed_user("giu.khoa.moi", "TTT", vec![Role::Custodian])
        .await;
    let newcomer = log_in(&app, &newcomer).await;
    let (_, due) = unit.custodians[0]
        .get(&app, "/api/v1/identity-reshares")
        .await;
    assert_eq!(due["reshares"][0]["case_id"], case_id.as_str());
    assert_eq!(
        (
            due["reshares"][0]["needed"].as_u64(),
            due["reshares"][0]["recipients"].as_u64()
        ),
        (Some(2), Some(4))
    );
    let (_, nothing) = newcomer.get(&app, "/api/v1/identity-reshares").await;
    assert_eq!(nothing["reshares"], json!([]));

    let (_, first) = unit.custodians[0]
        .post(&app, "/api/v1/identity-reshares", json!({}))
        .await;
    assert_eq!(
        (first["contributed"].as_u64(), first["completed"].as_u64()),
        (Some(1), Some(0))
    );
    // The console form does the same for the second custodian.
    let (status, page) = unit.custodians[1]
        .form(&app, "/staff/identity-reshares", &[])
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"notice\""));
    let (_, after) = unit.custodians[2]
        .get(&app, "/api/v1/identity-reshares")
        .await;
    assert_eq!(after["reshares"], json!([]), "the round completed");

    // Now k = 3 of 4: the newcomer's approval counts.
    let (_, created) = unit
        .handler
        .post(
            &app,
            &format!("/api/v1/cases/{case_id}/identity-requests"),
            a_request(),
        )
        .await;
    let request_id = created["id"].as_str().unwrap().to_owned();
    let approve = format!("/api/v1/identity-requests/{request_id}/approve");
    for custodian in [&newcomer, &unit.custodians[1]] {
        let (_, outcome) = custodian.post(&app, &approve, a_reason()).await;
        assert_eq!(outcome["threshold"], 3);
        assert_eq!(outcome["approved"], false);
    }
    let (_, last) = unit.custodians[2].post(&app, &approve, a_reason()).await;
    assert_eq!(last["approved"], true);
    let (status, opened) = unit
        .handler
        .get(&app, &format!("/api/v1/cases/{case_id}/identity"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(opened["identity"]["representative"]["full_name"], REPORTER);
    let audit = audit_actions(&app).await;
    assert!(audit.contains("identity.reshared") && audit.contains("unit.identity_threshold_set"));
    app.stop().await;
}

/// Forwarding moves the case; its identity shares follow it to the receiving
/// unit's custodians through a re-share by the sending unit's custodians (the key
/// is never rebuilt), after which only the receiving unit can disclose.
async fn a_forwarded_case_s_shares_move_to_the_receiving_unit(backend: Backend) {
    let app = spawn_app(backend).await;
    let unit = unit(&app).await;
    let mut receivers = Vec::new();
    for name in ["giu.khoa.ttb1", "giu.khoa.ttb2"] {
        let user = app.seed_user(name, "TTB", vec![Role::Custodian]).await;
        receivers.push(log_in(&app, &user).await);
    }
    let (case_id, _) = named_report(&app, &unit.handler).await;
    let actions = format!("/api/v1/cases/{case_id}/actions");
    for action in [
        json!({"action": "classify", "as": "not_ours"}),
        json!({"action": "forward", "to_unit": "TTB"}),
    ] {
        let (status, body) = unit.handler.post(&app, &actions, action).await;
        assert_eq!(status, 200, "{body}");
    }

    // The sending unit's custodians are asked to move the shares to TTB's two.
    let (_, due) = unit.custodians[0]
        .get(&app, "/api/v1/identity-reshares")
        .await;
    assert_eq!(due["reshares"][0]["case_id"], case_id.as_str());
    assert_eq!(due["reshares"][0]["recipients"], 2);
    for custodian in &unit.custodians[..2] {
        let (status, _) = custodian
            .post(&app, "/api/v1/identity-reshares", json!({}))
            .await;
        assert_eq!(status, 200);
    }
    let live_in_ttt: i64 = sqlx::query(
        "SELECT COUNT(*) FROM identity_seals s JOIN users u ON u.id = s.holder_id \
         JOIN units n ON n.id = u.unit_id WHERE s.case_id = $1 \
         AND s.holder_kind = 'custodian' AND s.sealed IS NOT NULL AND n.code = 'TTT'",
    )
    .bind(case_id.as_str())
    .fetch_one(app.store.reader())
    .await
    .unwrap()
    .get(0);
    assert_eq!(live_in_ttt, 0, "the sending unit holds no share any more");

    // TTB takes the case in, accepts it, and its custodians open the identity.
    for action in [
        json!({"action": "receive_forwarded"}),
        json!({"action": "classify", "as": "denunciation"}),
        json!({"action": "accept", "conditions": {"formalities_met": true, "capacity": true,
            "competent": true, "identifies_violation": true}}),
    ] {
        let (status, body) = unit.outsider.post(&app, &actions, action).await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, created) = unit
        .outsider
        .post(
            &app,
            &format!("/api/v1/cases/{case_id}/identity-requests"),
            a_request(),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let request_id = created["id"].as_str().unwrap().to_owned();
    // A custodian of the sending unit has no say any more.
    let (_, queue) = unit.custodians[2]
        .get(&app, "/api/v1/identity-requests")
        .await;
    assert!(
        queue["requests"]
            .as_array()
            .unwrap()
            .iter()
            .all(|request| request["id"] != request_id.as_str()),
        "{queue}"
    );
    for custodian in &receivers {
        let (status, _) = custodian.decide(&app, &request_id, "approve").await;
        assert_eq!(status, 200);
    }
    let (status, opened) = unit
        .outsider
        .get(&app, &format!("/api/v1/cases/{case_id}/identity"))
        .await;
    assert_eq!(status, 200, "{opened}");
    assert_eq!(opened["identity"]["representative"]["full_name"], REPORTER);
    app.stop().await;
}

khien_testkit::on_both_backends!(
    k_approvals_open_the_identity_for_the_requester_only,
    refusal_and_expiry_block_it,
    the_console_takes_a_request_through_to_the_identity,
    a_new_custodian_gets_shares_through_a_reshare,
    a_forwarded_case_s_shares_move_to_the_receiving_unit,
);
