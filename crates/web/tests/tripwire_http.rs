//! The retaliation tripwire over HTTP on both backends: a reporter gives the
//! protected persons' ID numbers, an HR officer records decisions and gets the
//! same answer whether or not one matches, the unit's protection officer sees
//! the alert (within the same request), acknowledges and reviews it; nobody
//! else sees it; bad input stores nothing; the audit chain still verifies.

use std::time::{Duration, Instant};

use chrono::{Days, Utc};
use khien_domain::accounts::{Role, UnitKind};
use khien_store::audit::{AuditVerdict, verify};
use khien_store::intake::CaseId;
use khien_testkit::{Backend, StaffClient, TestApp, spawn_app};
use serde_json::{Value, json};

const REPORTER_ID: &str = "001098012345";
const SPOUSE_ID: &str = "012345678";
const STRANGER_ID: &str = "079200001111";

/// Everyone in the story.
struct Story {
    app: TestApp,
    hr: StaffClient,
    protection: StaffClient,
    head: StaffClient,
    handler: StaffClient,
    other_protection: StaffClient,
    /// The reporter's receipt and bearer token.
    receipt: String,
    ticket: String,
    case_id: String,
    tracking_number: String,
}

fn today() -> chrono::NaiveDate {
    (Utc::now() + chrono::Duration::hours(7)).date_naive()
}

fn date(day: chrono::NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table}"))
        .fetch_one(app.store.reader())
        .await
        .unwrap()
        .get::<i64, _>("n")
}

use sqlx::Row;

/// Units SYT (the employer, with an HR officer), TTT (handling the case: a
/// handler who holds its keys, a protection officer, a head) and TTH (another
/// unit with its own protection officer); a web report to TTT.
async fn story(backend: Backend) -> Story {
    let app = spawn_app(backend).await;
    app.seed_unit("SYT", UnitKind::Department, None).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    app.seed_unit("TTH", UnitKind::Inspectorate, None).await;
    let hr = app.seed_user("to.chuc", "SYT", vec![Role::Hr]).await;
    let handler = app
        .seed_user("tiep.nhan", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    let protection = app.seed_user("bao.ve", "TTT", vec![Role::Protection]).await;
    let head = app.seed_user("thu.truong", "TTT", vec![Role::Head]).await;
    app.seed_user("tiep.nhan.2", "TTH", vec![Role::Intake])
        .await;
    let other = app
        .seed_user("bao.ve.2", "TTH", vec![Role::Protection])
        .await;
    // The first holder's login grants the unit's key to the members after it.
    let handler = StaffClient::log_in(&app, &handler).await;
    let (protection, head) = (
        StaffClient::log_in(&app, &protection).await,
        StaffClient::log_in(&app, &head).await,
    );
    let created: Value = app
        .post_json(
            "/api/v1/reports",
            None,
            &json!({
                "kind": "denunciation", "unit": "TTT",
                "subject": "Nâng khống giá thiết bị", "content": "Phòng vật tư nâng giá.",
            }),
        )
        .await
        .1;
    let session = app
        .post_json(
            "/api/v1/whistleblower/session",
            None,
            &json!({"receipt": created["receipt"]}),
        )
        .await
        .1;
    // A report from the public carries no case id; the unit's list does.
    let (_, inbox) = handler.get(&app, "/api/v1/cases").await;
    let case_id = inbox["cases"][0]["id"].as_str().unwrap().to_owned();
    Story {
        hr: StaffClient::log_in(&app, &hr).await,
        other_protection: StaffClient::log_in(&app, &other).await,
        protection,
        head,
        handler,
        receipt: created["receipt"].as_str().unwrap().to_owned(),
        ticket: session["token"].as_str().unwrap().to_owned(),
        case_id,
        tracking_number: created["tracking_number"].as_str().unwrap().to_owned(),
        app,
    }
}

impl Story {
    /// The reporter asks to protect themself and their spouse, with both ID numbers.
    async fn protect(&self) {
        let (status, body) = self
            .app
            .post_json(
                "/api/v1/whistleblower/protection-requests",
                Some(&self.ticket),
                &json!({
                    "persons": ["self", "spouse"], "interests": ["job"],
                    "situation": "Sợ bị điều chuyển.",
                    "id_numbers": [
                        {"person": "self", "number": "001 098 012 345"},
                        {"person": "spouse", "number": SPOUSE_ID},
                    ],
                }),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }

    fn decision(&self, id_number: &str, decided_on: chrono::NaiveDate) -> Value {
        json!({
            "id_number": id_number, "unit": "SYT", "action": "dismissal",
            "decided_on": date(decided_on), "note": "QĐ 7/QĐ-SYT GhiChuNhanSu5521",
        })
    }

    async fn alerts(&self) -> Vec<Value> {
        let (status, body) = self.protection.get(&self.app, "/api/v1/alerts").await;
        assert_eq!(status, 200);
        body["alerts"].as_array().unwrap().clone()
    }
}

/// The body with its `id` blanked, as text.
fn without_id(body: &str) -> String {
    let mut value: Value = serde_json::from_str(body).unwrap();
    assert!(value["id"].as_str().is_some_and(|id| id.len() == 32));
    value["id"] = json!("");
    value.to_string()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

async fn a_match_and_a_miss_look_the_same_to_hr_and_only_the_match_alerts(backend: Backend) {
    let s = story(backend).await;
    s.protect().await;
    assert_eq!(count(&s.app, "protected_id_numbers").await, 2);

    // Recorded one after the other: a match, a miss, alternating.
    let mut answers = Vec::new();
    let (mut match_times, mut miss_times) = (Vec::new(), Vec::new());
    let mut first_alert_after = None;
    for round in 0..6 {
        for (id_number, times) in [
            (REPORTER_ID, &mut match_times),
            (STRANGER_ID, &mut miss_times),
        ] {
            let started = Instant::now();
            let answer =
                s.hr.post_raw(
                    &s.app,
                    "/api/v1/hr-actions",
                    &s.decision(id_number, today()),
                )
                .await;
            times.push(started.elapsed());
            if round == 0 && id_number == REPORTER_ID {
                // The alert is there as soon as the HR officer has their answer.
                assert_eq!(s.alerts().await.len(), 1);
                first_alert_after = Some(started.elapsed());
            }
            answers.push(answer);
        }
    }
    let (status, first) = &answers[0];
    assert_eq!(*status, 201);
    assert_eq!(without_id(first), r#"{"id":"","recorded":true}"#);
    for (other_status, other) in &answers {
        assert_eq!(other_status, status);
        assert_eq!(without_id(other), without_id(first));
    }
    eprintln!(
        "tripwire timing ({backend:?}): median POST {:?} matching, {:?} not matching; \
         POST to alert visible {:?}",
        median(match_times),
        median(miss_times),
        first_alert_after.unwrap()
    );
    assert_eq!(count(&s.app, "hr_actions").await, 12);
    assert_eq!(count(&s.app, "alerts").await, 6);

    // What the protection officer sees: which case, who, what, where, when.
    let alerts = s.alerts().await;
    let alert = &alerts[0];
    assert_eq!(alert["kind"], "hr_action_match");
    assert_eq!(alert["case"]["id"], s.case_id.as_str());
    assert_eq!(alert["case"]["tracking_number"], s.tracking_number.as_str());
    assert_eq!(alert["unit"]["code"], "TTT");
    assert_eq!(alert["hr_action"]["person"], "self");
    assert_eq!(alert["hr_action"]["action"], "dismissal");
    assert_eq!(alert["hr_action"]["employing_unit"]["code"], "SYT");
    assert_eq!(alert["hr_action"]["decided_on"], date(today()));
    assert_eq!(alert["hr_action"]["recorded_by"], "to.chuc");
    assert_eq!(alert["hr_action"]["note"], "QĐ 7/QĐ-SYT GhiChuNhanSu5521");
    assert_eq!(alert["sealed"], false);
    assert!(alert["acknowledged"].is_null() && alert["review"].is_null());
    let text = Value::Array(alerts.clone()).to_string();
    assert!(!text.contains(REPORTER_ID) && !text.contains(SPOUSE_ID));
    // The head of the unit sees the same alerts.
    let (status, head) = s.head.get(&s.app, "/api/v1/alerts").await;
    assert_eq!(status, 200);
    assert_eq!(head["alerts"].as_array().unwrap().len(), 6);
    // The home page counts them for both.
    for caller in [&s.protection, &s.head] {
        let (_, home) = caller.page(&s.app, "/staff").await;
        assert!(home.contains("id=\"alerts-waiting\""), "{home}");
        assert!(home.contains("<strong>6</strong>"));
    }

    // The HR officer's own list says nothing of matches.
    let (status, page) = s.hr.page(&s.app, "/staff/hr-actions").await;
    assert_eq!(status, 200);
    assert_eq!(page.matches("Buộc thôi việc, sa thải").count(), 13);
    assert!(!page.contains("Cảnh báo") && !page.contains(&s.tracking_number));

    // No ID number anywhere in the database or the audit chain.
    let audit: Vec<String> =
        sqlx::query("SELECT actor, action, object, details FROM audit_entries")
            .fetch_all(s.app.store.reader())
            .await
            .unwrap()
            .iter()
            .map(|row| {
                format!(
                    "{} {} {} {}",
                    row.get::<String, _>("actor"),
                    row.get::<String, _>("action"),
                    row.get::<String, _>("object"),
                    row.get::<String, _>("details")
                )
            })
            .collect();
    for entry in &audit {
        for needle in [REPORTER_ID, SPOUSE_ID, STRANGER_ID, "GhiChuNhanSu5521"] {
            assert!(!entry.contains(needle), "{needle} in {entry}");
        }
    }
    // The HR officer's entries are alike for the match and the miss.
    let hr_entries: Vec<&String> = audit
        .iter()
        .filter(|entry| entry.contains(" hr_action.recorded "))
        .collect();
    assert_eq!(hr_entries.len(), 12);
    let shape = |entry: &str| {
        entry
            .split(' ')
            .filter(|word| !word.starts_with("hr_action:"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        hr_entries
            .iter()
            .all(|entry| shape(entry) == shape(hr_entries[0]))
    );
    assert!(matches!(
        verify(&s.app.store, &s.app.store.audit_verifying_key())
            .await
            .unwrap(),
        AuditVerdict::Intact { .. }
    ));
    s.app.stop().await;
}

async fn only_the_units_protection_officers_and_head_reach_its_alerts(backend: Backend) {
    let s = story(backend).await;
    s.protect().await;
    let (status, _) =
        s.hr.post(
            &s.app,
            "/api/v1/hr-actions",
            &s.decision(SPOUSE_ID, today()),
        )
        .await;
    assert_eq!(status, 201);
    let alert_id = s.alerts().await[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(s.alerts().await[0]["hr_action"]["person"], "spouse");
    let acknowledge = format!("/api/v1/alerts/{alert_id}/acknowledge");
    let review = format!("/api/v1/alerts/{alert_id}/review");

    // The HR officer and a handler of the same unit: forbidden.
    for caller in [&s.hr, &s.handler] {
        assert_eq!(caller.get(&s.app, "/api/v1/alerts").await.0, 403);
        assert_eq!(caller.post(&s.app, &acknowledge, &json!({})).await.0, 403);
        assert_eq!(caller.page(&s.app, "/staff/alerts").await.0, 403);
    }
    // The head reads but does not act.
    assert_eq!(s.head.post(&s.app, &acknowledge, &json!({})).await.0, 403);
    // Another unit's protection officer: no such alert.
    let (status, theirs) = s.other_protection.get(&s.app, "/api/v1/alerts").await;
    assert_eq!(status, 200);
    assert_eq!(theirs["alerts"], json!([]));
    assert_eq!(
        s.other_protection
            .post(&s.app, &acknowledge, &json!({}))
            .await
            .0,
        404
    );
    assert_eq!(
        s.other_protection
            .post(&s.app, &review, &json!({"outcome": "consent"}))
            .await
            .0,
        404
    );
    let (status, _, _) = s
        .other_protection
        .form(
            &s.app,
            &format!("/staff/alerts/{alert_id}/acknowledge"),
            &[],
        )
        .await;
    assert_eq!(status, 404);

    // The unit's protection officer acts.
    let (status, page) = s.protection.page(&s.app, "/staff/alerts").await;
    assert_eq!(status, 200);
    assert!(page.contains(&s.tracking_number) && page.contains("Vợ/chồng"));
    assert!(page.contains("Buộc thôi việc, sa thải") && !page.contains(SPOUSE_ID));
    let (status, location, _) = s
        .protection
        .form(
            &s.app,
            &format!("/staff/alerts/{alert_id}/acknowledge"),
            &[],
        )
        .await;
    assert_eq!((status, location.as_str()), (303, "/staff/alerts"));
    let (status, body) = s
        .protection
        .post(&s.app, &review, &json!({"outcome": "fine", "note": "x"}))
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["field"], "outcome");
    let (status, body) = s
        .protection
        .post(
            &s.app,
            &review,
            &json!({"outcome": "retaliation_suspected", "note": "Không có trong kế hoạch luân chuyển."}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["allowed_reason"], false);
    assert_eq!(
        s.protection
            .post(&s.app, &review, &json!({"outcome": "consent"}))
            .await
            .0,
        409
    );
    let alert = &s.alerts().await[0];
    assert_eq!(alert["acknowledged"]["by"], "bao.ve");
    assert_eq!(alert["review"]["outcome"], "retaliation_suspected");
    assert_eq!(
        alert["review"]["note"],
        "Không có trong kế hoạch luân chuyển."
    );
    let (_, page) = s.head.page(&s.app, "/staff/alerts").await;
    assert!(page.contains("Nghi có trù dập, trả thù"));
    assert!(!page.contains("/review\""), "the head gets no review form");
    s.app.stop().await;
}

async fn decisions_outside_the_protection_period_do_not_match(backend: Backend) {
    let s = story(backend).await;
    s.protect().await;
    // Protection began thirty days ago and ended ten days ago.
    let started = today() - Days::new(30);
    let ended = today() - Days::new(10);
    sqlx::query("UPDATE protected_id_numbers SET active_from = $1")
        .bind(date(started))
        .execute(s.app.store.reader())
        .await
        .unwrap();
    let request: String = sqlx::query("SELECT id FROM protection_requests")
        .fetch_one(s.app.store.reader())
        .await
        .unwrap()
        .get("id");
    let case_id = CaseId::parse(&s.case_id).unwrap();
    s.app
        .store
        .end_protection("user:test", &case_id, &request, ended)
        .await
        .unwrap();
    for (day, matches) in [
        (started - Days::new(1), false),
        (started, true),
        (ended, true),
        (ended + Days::new(1), false),
        (today(), false),
    ] {
        let before = count(&s.app, "alerts").await;
        let (status, _) =
            s.hr.post(&s.app, "/api/v1/hr-actions", &s.decision(REPORTER_ID, day))
                .await;
        assert_eq!(status, 201);
        assert_eq!(
            count(&s.app, "alerts").await - before,
            i64::from(matches),
            "decided on {day}"
        );
    }
    s.app.stop().await;
}

async fn bad_input_names_the_field_and_stores_nothing(backend: Backend) {
    let s = story(backend).await;
    s.protect().await;
    let good = s.decision(REPORTER_ID, today());
    let with = |field: &str, value: Value| {
        let mut body = good.clone();
        body[field] = value;
        body
    };
    let tomorrow = date(today() + Days::new(1));
    for (body, field) in [
        (with("id_number", json!("12345")), "id_number"),
        (with("id_number", json!(1098012345u64)), "id_number"),
        (with("id_number", json!("0010980123456")), "id_number"),
        (with("action", json!("promotion")), "action"),
        (with("decided_on", json!(tomorrow)), "decided_on"),
        (with("decided_on", json!("01/03/2026")), "decided_on"),
        (with("unit", json!("TTT")), "unit"),
        (with("unit", json!("KHONG-CO")), "unit"),
        (with("note", json!("x".repeat(1001))), "note"),
    ] {
        let (status, answer) = s.hr.post(&s.app, "/api/v1/hr-actions", &body).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(answer["field"], field, "{answer}");
        assert!(!answer.to_string().contains("1098012345"));
    }
    let (status, answer) =
        s.hr.post(
            &s.app,
            "/api/v1/hr-actions",
            &json!({"id_number": "1", "unit": "", "action": "", "decided_on": ""}),
        )
        .await;
    assert_eq!(status, 400);
    let fields: Vec<&str> = answer["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["id_number", "unit", "action", "decided_on"]);
    // The console form names the fields and does not write the number back.
    let (status, _, page) =
        s.hr.form(
            &s.app,
            "/staff/hr-actions",
            &[
                ("id_number", "98765"),
                ("unit", "SYT"),
                ("action", "transfer"),
                ("decided_on", &tomorrow),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(page.contains("id_number:") && page.contains("decided_on:"));
    assert!(!page.contains("98765"));
    assert_eq!(count(&s.app, "hr_actions").await, 0);
    assert_eq!(count(&s.app, "alerts").await, 0);

    // A protection request with a bad number stores nothing either.
    let (status, answer) = s
        .app
        .post_json(
            "/api/v1/whistleblower/protection-requests",
            Some(&s.ticket),
            &json!({
                "persons": ["self"], "interests": ["job"], "situation": "x",
                "id_numbers": [{"person": "self", "number": "12"}, {"person": "child", "number": SPOUSE_ID}],
            }),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(answer["field"], "id_numbers[0].number");
    assert_eq!(answer["errors"][1]["field"], "id_numbers[1].person");
    assert_eq!(count(&s.app, "protection_requests").await, 1);
    assert_eq!(count(&s.app, "protected_id_numbers").await, 2);
    s.app.stop().await;
}

/// The reporter's page, in the app's own client (which keeps the ticket cookie).
async fn reporter_page(app: &TestApp) -> String {
    let response = app.client.get(app.url("/follow-up/case")).send().await;
    response.unwrap().text().await.unwrap()
}

/// The protection form for the reporter's parents, with their ID numbers.
async fn ask_for_parents(app: &TestApp, page: &str, numbers: &str) -> (u16, String) {
    let csrf = hidden(page, "csrf_token");
    let response = app
        .client
        .post(app.url("/follow-up/protection"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("persons", "parent"),
            ("interests", "job"),
            ("situation", "Bị dọa."),
            ("id_numbers.parent", numbers),
        ])
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn the_console_answers_hr_alike_and_the_reporters_form_takes_numbers(backend: Backend) {
    let s = story(backend).await;
    // The reporter's page: numbers per person, several separated by commas.
    let login = s.app.client.get(s.app.url("/follow-up")).send().await;
    let login = login.unwrap().text().await.unwrap();
    let opened = s
        .app
        .client
        .post(s.app.url("/follow-up"))
        .form(&[
            ("csrf_token", hidden(&login, "csrf_token").as_str()),
            ("receipt", s.receipt.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 303);
    let page = reporter_page(&s.app).await;
    assert!(page.contains("name=\"id_numbers.spouse\""));
    let (status, refused) = ask_for_parents(&s.app, &page, "012345678, 12").await;
    assert_eq!(status, 400);
    assert!(refused.contains("id_numbers.parent:"));
    let (status, _) = ask_for_parents(&s.app, &refused, "012 345 678; 098765432").await;
    assert_eq!(status, 303);
    assert_eq!(count(&s.app, "protected_id_numbers").await, 2);
    let page = reporter_page(&s.app).await;
    assert!(page.contains("Đã cung cấp số CMND/CCCD của: Cha, mẹ; Cha, mẹ"));
    assert!(!page.contains("098765432"));

    // HR through the console: a match (a parent) and a miss get the same redirect.
    let today = date(today());
    let mut answers = Vec::new();
    for id_number in ["098765432", STRANGER_ID] {
        let (status, location, body) =
            s.hr.form(
                &s.app,
                "/staff/hr-actions",
                &[
                    ("id_number", id_number),
                    ("unit", "SYT"),
                    ("action", "transfer"),
                    ("decided_on", &today),
                    ("note", ""),
                ],
            )
            .await;
        answers.push((status, location, body));
    }
    assert_eq!(answers[0].0, 303);
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0].1, "/staff/hr-actions?recorded=1");
    let (status, page) = s.hr.page(&s.app, "/staff/hr-actions?recorded=1").await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"recorded\""));
    let alerts = s.alerts().await;
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0]["hr_action"]["person"], "parent");
    assert!(alerts[0]["hr_action"]["note"].is_null());
    s.app.stop().await;
}

fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).expect("the hidden field") + marker.len();
    html[start..start + html[start..].find('"').unwrap()].to_owned()
}

khien_testkit::on_both_backends!(
    a_match_and_a_miss_look_the_same_to_hr_and_only_the_match_alerts,
    only_the_units_protection_officers_and_head_reach_its_alerts,
    decisions_outside_the_protection_period_do_not_match,
    bad_input_names_the_field_and_stores_nothing,
    the_console_answers_hr_alike_and_the_reporters_form_takes_numbers,
);
