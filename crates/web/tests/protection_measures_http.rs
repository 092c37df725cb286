//! Protection requests decided and carried out, over HTTP on both backends:
//! the routing proposal (LTC Art. 49) and the police deadlines in working days
//! across Tết, an urgent request's alarm that stays on the protection
//! officers' and head's home pages (raised again by every reminder run) until
//! acknowledged, decisions and the reporter's view of their measures (never a
//! staff member's name), check-ins ("threatened" alerts, "fine" does not),
//! ending measures ending the retaliation tripwire's protection, the
//! protection file, and bad input answered 400 naming the field.

use chrono::{Days, NaiveDate, Utc};
use khien_calendar::Calendar;
use khien_domain::accounts::{Role, UnitKind};
use khien_testkit::{Backend, SmtpSink, StaffClient, TestApp, spawn_app};
use khien_web::reminders::{Mailer, ReminderSettings, SmtpSettings, run_reminders};
use serde_json::{Value, json};
use sqlx::Row;

const REPORTER_ID: &str = "001098012345";
const SITUATION: &str = "Bị nhắn tin dọa giết TinhHuongRieng3391";

struct Story {
    app: TestApp,
    handler: StaffClient,
    protection: StaffClient,
    head: StaffClient,
    hr: StaffClient,
    other_protection: StaffClient,
    ticket: String,
    case_id: String,
}

fn today() -> NaiveDate {
    (Utc::now() + chrono::Duration::hours(7)).date_naive()
}

fn d(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query(sql)
        .fetch_one(app.store.reader())
        .await
        .unwrap()
        .get::<i64, _>(0)
}

async fn execute(app: &TestApp, sql: &str) {
    sqlx::query(sql).execute(app.store.reader()).await.unwrap();
}

/// TTT handles the case (a handler who holds its keys, a protection officer,
/// a head); SYT employs the reporter (an HR officer); TTH is another unit.
async fn story(backend: Backend) -> Story {
    let app = spawn_app(backend).await;
    for code in ["SYT", "TTT", "TTH"] {
        app.seed_unit(code, UnitKind::Inspectorate, None).await;
    }
    let handler = app
        .seed_user("xu.ly", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    let protection = app.seed_user("bao.ve", "TTT", vec![Role::Protection]).await;
    let head = app.seed_user("thu.truong", "TTT", vec![Role::Head]).await;
    let hr = app.seed_user("to.chuc", "SYT", vec![Role::Hr]).await;
    app.seed_user("tiep.nhan.2", "TTH", vec![Role::Intake])
        .await;
    let other = app
        .seed_user("bao.ve.2", "TTH", vec![Role::Protection])
        .await;
    // The first holder's login grants the unit's key to the members after it.
    let handler = StaffClient::log_in(&app, &handler).await;
    let protection = StaffClient::log_in(&app, &protection).await;
    let head = StaffClient::log_in(&app, &head).await;
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
    let (_, inbox) = handler.get(&app, "/api/v1/cases").await;
    let case_id = inbox["cases"][0]["id"].as_str().unwrap().to_owned();
    Story {
        hr: StaffClient::log_in(&app, &hr).await,
        other_protection: StaffClient::log_in(&app, &other).await,
        handler,
        protection,
        head,
        ticket: session["token"].as_str().unwrap().to_owned(),
        case_id,
        app,
    }
}

impl Story {
    /// The reporter asks for protection through the API.
    async fn reporter_asks(&self, interests: &[&str], urgent: bool) -> String {
        let (status, body) = self
            .app
            .post_json(
                "/api/v1/whistleblower/protection-requests",
                Some(&self.ticket),
                &json!({
                    "persons": ["self"], "interests": interests, "situation": SITUATION,
                    "urgent": urgent,
                    "id_numbers": [{"person": "self", "number": REPORTER_ID}],
                }),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        body["id"].as_str().unwrap().to_owned()
    }

    async fn protection_json(&self) -> Value {
        let path = format!("/api/v1/cases/{}/protection", self.case_id);
        let (status, body) = self.protection.get(&self.app, &path).await;
        assert_eq!(status, 200, "{body}");
        body
    }

    async fn request_json(&self, id: &str) -> Value {
        self.protection_json().await["requests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap()
    }

    async fn decide_measures(&self, request: &str, decided_on: NaiveDate) -> Value {
        let (status, body) = self
            .protection
            .post(
                &self.app,
                &format!("/api/v1/protection-requests/{request}/decision"),
                &json!({
                    "outcome": "measures", "body": "police", "decided_on": decided_on.to_string(),
                    "measures": ["guard", "keep_identity_secret"],
                    "other_measures": "Đổi số điện thoại liên lạc.",
                    "implemented_by": "Công an phường Thanh Sơn",
                }),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        body
    }

    async fn report(&self) -> Value {
        let (status, body) = self
            .app
            .get_json("/api/v1/whistleblower/report", &self.ticket)
            .await;
        assert_eq!(status, 200);
        body
    }

    async fn alerts(&self, kind: &str) -> Vec<Value> {
        let (status, body) = self.protection.get(&self.app, "/api/v1/alerts").await;
        assert_eq!(status, 200);
        body["alerts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["kind"] == kind)
            .cloned()
            .collect()
    }

    async fn hr_decision(&self, decided_on: NaiveDate) {
        let (status, _) = self
            .hr
            .post(
                &self.app,
                "/api/v1/hr-actions",
                &json!({
                    "id_number": REPORTER_ID, "unit": "SYT", "action": "dismissal",
                    "decided_on": decided_on.to_string(),
                }),
            )
            .await;
        assert_eq!(status, 201);
    }
}

async fn routing_and_police_deadlines_in_working_days_across_tet(backend: Backend) {
    let s = story(backend).await;
    let request = s
        .reporter_asks(&["life", "confidentiality", "job"], false)
        .await;
    let view = s.request_json(&request).await;
    // The proposal: the resolving body for confidentiality (and the job if it
    // manages the person), the police for life, the staff-management body for the job.
    let routing: Vec<(String, Value, Value)> = view["routing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["body"].as_str().unwrap().to_owned(),
                r["interests"].clone(),
                r["if_within_own_management"].clone(),
            )
        })
        .collect();
    assert_eq!(
        routing,
        [
            (
                "resolving_unit".to_owned(),
                json!(["confidentiality"]),
                json!(["job"])
            ),
            ("police".to_owned(), json!(["life"]), json!([])),
            ("staff_management".to_owned(), json!(["job"]), json!([])),
        ]
    );
    // Today: the police decide within 3 working days (the pack after
    // 1 July 2026 carries the figure over, unverified); the others "promptly".
    let due = Calendar::builtin().add_working_days(today(), 3).unwrap();
    let deadlines = view["deadlines"].as_array().unwrap();
    let police = deadlines
        .iter()
        .find(|row| row["body"] == "police" && row["step"] == "decision")
        .unwrap();
    assert_eq!(police["due"], due.to_string());
    assert_eq!(police["days_left"], (due - today()).num_days());
    assert_eq!(police["verified"], today() < d("2026-07-01"));
    for body in ["resolving_unit", "staff_management"] {
        let row = deadlines.iter().find(|row| row["body"] == body).unwrap();
        assert!(row["due"].is_null() && row["promptly"] == true, "{row}");
    }

    // A request made by phone on the Friday before Tết 2025: the break runs
    // to Sunday 2 February, so 3 working days end on Wednesday 5 February.
    let (status, spoken) = s
        .handler
        .post(
            &s.app,
            &format!("/api/v1/cases/{}/protection-requests", s.case_id),
            &json!({"channel": "phone", "persons": ["self"], "interests": ["health"], "situation": SITUATION}),
        )
        .await;
    assert_eq!(status, 201, "{spoken}");
    assert_eq!(spoken["recorded_by"], "xu.ly");
    assert_eq!(
        spoken["written_confirmation"],
        json!({"needed": true, "confirmed_on": null})
    );
    let spoken_id = spoken["id"].as_str().unwrap().to_owned();
    execute(
        &s.app,
        &format!(
            "UPDATE protection_requests SET received_on = '2025-01-24' WHERE id = '{spoken_id}'"
        ),
    )
    .await;
    let view = s.request_json(&spoken_id).await;
    let rows = view["deadlines"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (&rows[0]["step"], &rows[0]["due"]),
        (&json!("decision"), &json!("2025-02-05"))
    );
    assert_eq!(
        (&rows[1]["step"], &rows[1]["due"]),
        (&json!("refusal_notice"), &json!("2025-02-05"))
    );
    assert_eq!(rows[0]["verified"], true);
    assert_eq!(rows[0]["overdue"], true);
    assert!(rows[0]["basis"].as_str().unwrap().contains("145/2020"));
    assert_eq!(
        rows[0]["basis_vi"],
        "Điều 5 Thông tư 145/2020/TT-BCA (tố cáo hành vi tham nhũng, lãng phí)"
    );
    // Complex: 5 working days, Friday 7 February.
    let path = format!("/api/v1/protection-requests/{spoken_id}/assessment");
    let (status, view) = s
        .protection
        .post(&s.app, &path, &json!({"complex": true}))
        .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["deadlines"][0]["due"], "2025-02-07");
    // Not corruption or waste: no count at all.
    let (_, view) = s
        .protection
        .post(&s.app, &path, &json!({"corruption_or_waste": false}))
        .await;
    assert!(view["deadlines"][0]["due"].is_null());
    s.protection.post(&s.app, &path, &json!({})).await;

    // The staff case page shows the deadlines with days left.
    let (status, page) = s
        .protection
        .page(&s.app, &format!("/staff/cases/{}", s.case_id))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"protection-deadlines\""), "{page}");
    assert!(page.contains("05/02/2025") && page.contains("Quá hạn"));
    assert!(page.contains(&due.format("%d/%m/%Y").to_string()));
    assert!(page.contains(&format!("Còn {} ngày", (due - today()).num_days())));
    // The protection page proposes the bodies; the written confirmation is recorded once.
    let (status, page) = s
        .protection
        .page(&s.app, &format!("/staff/cases/{}/protection", s.case_id))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("nếu thuộc phạm vi quản lý của mình"));
    // The basis is cited in Vietnamese, and in English on the English page.
    assert!(page.contains("Điều 5 Thông tư 145/2020/TT-BCA"), "{page}");
    assert!(!page.contains("Circular 145/2020"), "{page}");
    let (_, english) = s
        .protection
        .page(
            &s.app,
            &format!("/staff/cases/{}/protection?lang=en", s.case_id),
        )
        .await;
    assert!(
        english.contains("Circular 145/2020/TT-BCA Art. 5"),
        "{english}"
    );
    assert!(page.contains("Chưa — cần bổ sung"));
    let path = format!("/api/v1/protection-requests/{spoken_id}/confirmation");
    let (status, view) = s
        .handler
        .post(&s.app, &path, &json!({"confirmed_on": today().to_string()}))
        .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(
        view["written_confirmation"]["confirmed_on"],
        today().to_string()
    );
    assert_eq!(s.handler.post(&s.app, &path, &json!({})).await.0, 409);

    // The board lists both, by due date: the 2025 one (overdue) first.
    let (status, board) = s
        .protection
        .get(&s.app, "/api/v1/protection-requests")
        .await;
    assert_eq!(status, 200, "{board}");
    let awaiting: Vec<&str> = board["awaiting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["request"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(awaiting, [spoken_id.as_str(), request.as_str()]);
    let (status, page) = s.head.page(&s.app, "/staff/protection").await;
    assert_eq!(status, 200);
    assert!(page.contains("05/02/2025"));
    // Another unit knows nothing; a handler reads but does not decide.
    let path = format!("/api/v1/cases/{}/protection", s.case_id);
    assert_eq!(s.other_protection.get(&s.app, &path).await.0, 404);
    assert_eq!(s.hr.get(&s.app, &path).await.0, 404);
    assert_eq!(s.handler.get(&s.app, &path).await.0, 200);
    let decision = format!("/api/v1/protection-requests/{request}/decision");
    let refusal = json!({"outcome": "refusal", "body": "police", "reasons": "x"});
    assert_eq!(s.handler.post(&s.app, &decision, &refusal).await.0, 403);
    assert_eq!(
        s.other_protection.post(&s.app, &decision, &refusal).await.0,
        404
    );
    s.app.stop().await;
}

async fn an_emergency_alarm_stays_until_acknowledged(backend: Backend) {
    let s = story(backend).await;
    let (_, inbox) = s.handler.page(&s.app, "/staff/inbox").await;
    assert!(!inbox.contains("Đề nghị bảo vệ"), "not asked at intake");
    s.reporter_asks(&["life"], true).await;
    let (_, inbox) = s.handler.page(&s.app, "/staff/inbox").await;
    assert!(
        inbox.contains("Đề nghị bảo vệ"),
        "asked later: marked in the inbox"
    );
    let emergencies = s.alerts("emergency_protection").await;
    assert_eq!(emergencies.len(), 1);
    let (_, all) = s.protection.get(&s.app, "/api/v1/alerts").await;
    assert_eq!(all["alerts"][0]["kind"], "emergency_protection");
    for caller in [&s.protection, &s.head] {
        let (_, home) = caller.page(&s.app, "/staff").await;
        let alarms = home
            .find("id=\"emergency-alarms\"")
            .expect("the alarm is on the home page");
        assert!(
            alarms < home.find("Xin chào").unwrap(),
            "the alarm comes first"
        );
        assert!(home.contains("nhắc lần 1"));
    }
    let (_, home) = s.handler.page(&s.app, "/staff").await;
    assert!(!home.contains("emergency-alarms"));
    // It is emailed once to each alarmed person who gave an address, naming the
    // case by its tracking number and nothing of the request.
    let sink = SmtpSink::start().await;
    let mailer = Mailer::new(&SmtpSettings {
        url: sink.url(),
        from: "khien@thanhtra.gov.vn".into(),
    })
    .unwrap();
    let address = s
        .protection
        .client
        .put(s.app.url("/api/v1/me/email"))
        .bearer_auth(&s.protection.token)
        .json(&json!({"email": "bao.ve@congan.gov.vn"}))
        .send()
        .await
        .unwrap();
    assert_eq!(address.status(), 204);
    let sent = mailer
        .send_pending(&s.app.state, Some("https://khien.example.vn"), Utc::now())
        .await
        .unwrap();
    assert_eq!(sent, 1);
    let mails = sink.mails();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipients, vec!["bao.ve@congan.gov.vn".to_owned()]);
    let tracking: String = sqlx::query("SELECT tracking_number FROM cases WHERE id = $1")
        .bind(s.case_id.as_str())
        .fetch_one(s.app.store.reader())
        .await
        .unwrap()
        .get("tracking_number");
    let mail = mails[0].decoded();
    assert!(mail.contains(&tracking), "{mail}");
    assert!(mail.contains("đề nghị bảo vệ khẩn cấp"), "{mail}");
    assert!(
        mail.contains(&format!(
            "https://khien.example.vn/staff/cases/{}/protection",
            s.case_id
        )),
        "{mail}"
    );
    for secret in [SITUATION, "TinhHuongRieng3391", REPORTER_ID] {
        assert!(!mail.contains(secret), "the mail leaks {secret}");
    }
    let again = mailer
        .send_pending(&s.app.state, None, Utc::now())
        .await
        .unwrap();
    assert_eq!(
        (again, sink.mails().len()),
        (0, 1),
        "once per person and alarm"
    );
    // Every run of the reminder job raises it again.
    let settings = ReminderSettings::default();
    for _ in 0..2 {
        let run = run_reminders(&s.app.state, &settings, today(), Utc::now())
            .await
            .unwrap();
        assert_eq!(run.alarms, 2);
    }
    let (_, home) = s.head.page(&s.app, "/staff").await;
    assert!(home.contains("nhắc lần 3"), "{home}");
    let (_, notifications) = s.head.get(&s.app, "/api/v1/notifications").await;
    assert_eq!(notifications["alarms"][0]["times_raised"], 3);
    assert_eq!(notifications["alarms"][0]["case"], s.case_id.as_str());
    // The head reads but does not acknowledge; the protection officer does.
    let acknowledge = format!(
        "/api/v1/alerts/{}/acknowledge",
        emergencies[0]["id"].as_str().unwrap()
    );
    assert_eq!(s.head.post(&s.app, &acknowledge, &json!({})).await.0, 403);
    assert_eq!(
        s.protection.post(&s.app, &acknowledge, &json!({})).await.0,
        200
    );
    for caller in [&s.protection, &s.head] {
        let (_, home) = caller.page(&s.app, "/staff").await;
        assert!(!home.contains("emergency-alarms"));
    }
    let run = run_reminders(&s.app.state, &settings, today(), Utc::now())
        .await
        .unwrap();
    assert_eq!(run.alarms, 0);
    let (_, notifications) = s.protection.get(&s.app, "/api/v1/notifications").await;
    assert_eq!(notifications["alarms"], json!([]));
    // A request that is not urgent raises no alarm.
    s.reporter_asks(&["job"], false).await;
    assert_eq!(s.alerts("emergency_protection").await.len(), 1);
    assert_eq!(
        count(&s.app, "SELECT COUNT(*) FROM alarm_notifications").await,
        2
    );
    s.app.stop().await;
}

async fn the_reporter_sees_measures_and_check_ins_alert_unless_fine(backend: Backend) {
    let s = story(backend).await;
    let request = s.reporter_asks(&["life"], false).await;
    let report = s.report().await;
    assert_eq!(
        report["protection_requests"][0]["status"]["vi"],
        "Chờ quyết định"
    );
    assert_eq!(report["protection_measures"], json!([]));
    assert_eq!(report["open_check_ins"], json!([]));

    s.decide_measures(&request, today()).await;
    let report = s.report().await;
    let measures = &report["protection_measures"][0];
    assert_eq!(measures["request"], request.as_str());
    assert_eq!(measures["implemented_by"], "Công an phường Thanh Sơn");
    assert_eq!(measures["starts_on"], today().to_string());
    assert_eq!(measures["status"], "running");
    let codes: Vec<&str> = measures["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["keep_identity_secret", "guard"]);
    assert_eq!(report["open_check_ins"].as_array().unwrap().len(), 1);
    // Never a staff member's name.
    let text = report.to_string();
    for name in ["bao.ve", "thu.truong", "xu.ly"] {
        assert!(!text.contains(name), "{name} in the reporter's view");
    }
    // The follow-up page shows the measures and asks.
    let login = s
        .app
        .client
        .get(s.app.url("/follow-up"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let _ = login;
    let page = reporter_page(&s).await;
    assert!(page.contains("Công an phường Thanh Sơn") && page.contains("Bố trí lực lượng"));
    assert!(page.contains("Bạn có an toàn không?"));
    assert!(!page.contains("bao.ve"));

    // "Fine" alerts nobody; the question closes; a second answer is refused.
    let answer = |answer: &str| json!({"request": request, "answer": answer, "note": "Có xe lạ GhiChuRieng2207"});
    let (status, body) = s
        .app
        .post_json(
            "/api/v1/whistleblower/check-ins",
            Some(&s.ticket),
            &answer("fine"),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["alerted"], false);
    assert!(s.alerts("check_in_not_fine").await.is_empty());
    assert_eq!(s.report().await["open_check_ins"], json!([]));
    let (status, _) = s
        .app
        .post_json(
            "/api/v1/whistleblower/check-ins",
            Some(&s.ticket),
            &answer("threatened"),
        )
        .await;
    assert_eq!(status, 409);
    // Measures decided a week ago on another request: their second question
    // is open, and "threatened" alerts at once.
    let week_ago = today() - Days::new(7);
    let older = s.reporter_asks(&["health"], false).await;
    execute(
        &s.app,
        &format!("UPDATE protection_requests SET received_on = '{week_ago}' WHERE id = '{older}'"),
    )
    .await;
    s.decide_measures(&older, week_ago).await;
    let report = s.report().await;
    let open = report["open_check_ins"].as_array().unwrap();
    assert_eq!(open.len(), 1, "{report}");
    assert_eq!(
        (&open[0]["request"], &open[0]["period"]),
        (&json!(older), &json!(1))
    );
    let answer = |answer: &str| json!({"request": older, "answer": answer, "note": "Có xe lạ GhiChuRieng2207"});
    let (status, body) = s
        .app
        .post_json(
            "/api/v1/whistleblower/check-ins",
            Some(&s.ticket),
            &answer("threatened"),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["alerted"], true);
    let alerts = s.alerts("check_in_not_fine").await;
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0]["protection"]["answer"], "threatened");
    assert_eq!(alerts[0]["protection"]["note"], "Có xe lạ GhiChuRieng2207");
    let (_, page) = s.protection.page(&s.app, "/staff/alerts").await;
    assert!(page.contains("Bị đe dọa") && page.contains("GhiChuRieng2207"));
    let (_, board) = s
        .protection
        .get(&s.app, "/api/v1/protection-requests")
        .await;
    // Running since a week ago first, with its "threatened"; then today's, "fine".
    let answers: Vec<&Value> = board["running"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| &entry["request"]["check_ins"][0]["answer"])
        .collect();
    assert_eq!(answers, [&json!("threatened"), &json!("fine")]);
    let (_, page) = s.head.page(&s.app, "/staff/protection").await;
    assert!(page.contains("Bị đe dọa") && page.contains("An toàn"));
    // Nothing the reporter wrote is in the audit chain.
    let audit: Vec<String> = sqlx::query("SELECT details FROM audit_entries")
        .fetch_all(s.app.store.reader())
        .await
        .unwrap()
        .iter()
        .map(|row| row.get::<String, _>("details"))
        .collect();
    assert!(
        audit
            .iter()
            .all(|d| !d.contains("GhiChuRieng2207") && !d.contains("TinhHuongRieng3391"))
    );
    s.app.stop().await;
}

/// The reporter's follow-up page, opened with the receipt's ticket cookie.
async fn reporter_page(s: &Story) -> String {
    s.app
        .client
        .get(s.app.url("/follow-up/case"))
        .header("cookie", format!("khien_reporter={}", s.ticket))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn ending_measures_ends_the_tripwire_protection(backend: Backend) {
    let s = story(backend).await;
    // Asked and protected from ten days ago.
    let request = s.reporter_asks(&["job"], false).await;
    let asked = today() - Days::new(10);
    execute(
        &s.app,
        &format!("UPDATE protection_requests SET received_on = '{asked}'"),
    )
    .await;
    execute(
        &s.app,
        &format!("UPDATE protected_id_numbers SET active_from = '{asked}'"),
    )
    .await;
    s.decide_measures(&request, asked).await;
    s.hr_decision(today()).await;
    assert_eq!(s.alerts("hr_action_match").await.len(), 1);
    // Ended yesterday: a decision dated today no longer matches; yesterday's does.
    let yesterday = today() - Days::new(1);
    let path = format!("/api/v1/protection-requests/{request}/end");
    let (status, view) = s
        .head
        .post(
            &s.app,
            &path,
            &json!({"reason": "grounds_ceased", "ended_on": yesterday.to_string()}),
        )
        .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["id_numbers_released"], 1);
    assert_eq!(view["status"], "ended");
    assert_eq!(view["decision"]["ended"]["by"], "thu.truong");
    s.hr_decision(today()).await;
    assert_eq!(s.alerts("hr_action_match").await.len(), 1);
    s.hr_decision(yesterday).await;
    assert_eq!(s.alerts("hr_action_match").await.len(), 2);
    assert_eq!(
        s.head
            .post(&s.app, &path, &json!({"reason": "grounds_ceased"}))
            .await
            .0,
        409
    );
    // The reporter sees it ended, and is asked no more.
    let report = s.report().await;
    assert_eq!(report["protection_measures"][0]["status"], "ended");
    assert_eq!(
        report["protection_measures"][0]["ended"]["reason"],
        "grounds_ceased"
    );
    assert!(report["protection_measures"][0]["ended"]["by"].is_null());
    assert_eq!(report["open_check_ins"], json!([]));

    // The protection file: JSON and printable, for the protection officer and
    // the head, the read audited.
    let file = format!("/api/v1/cases/{}/protection-file", s.case_id);
    let (status, body) = s.protection.get(&s.app, &file).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["requests"][0]["decision"]["ended"]["reason"],
        "grounds_ceased"
    );
    assert_eq!(body["alerts"].as_array().unwrap().len(), 2);
    assert!(body["basis"].as_str().unwrap().contains("55"));
    let html = s
        .head
        .client
        .get(s.app.url(&format!("{file}?format=html")))
        .bearer_auth(&s.head.token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Hồ sơ bảo vệ người tố cáo") && html.contains("Công an phường Thanh Sơn")
    );
    let (status, page) = s
        .protection
        .page(
            &s.app,
            &format!("/staff/cases/{}/protection/file", s.case_id),
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Căn cứ áp dụng biện pháp bảo vệ không còn"));
    assert_eq!(s.handler.get(&s.app, &file).await.0, 403);
    assert!(
        count(
            &s.app,
            "SELECT COUNT(*) FROM audit_entries WHERE action = 'case.read' AND details LIKE '%protection-file%'"
        )
        .await
            >= 3
    );
    s.app.stop().await;
}

async fn bad_input_is_refused_naming_the_field(backend: Backend) {
    let s = story(backend).await;
    let request = s.reporter_asks(&["life"], false).await;
    let record = format!("/api/v1/cases/{}/protection-requests", s.case_id);
    let good =
        json!({"channel": "phone", "persons": ["self"], "interests": ["life"], "situation": "x"});
    let with = |base: &Value, field: &str, value: Value| {
        let mut body = base.clone();
        body[field] = value;
        body
    };
    let tomorrow = (today() + Days::new(1)).to_string();
    for (body, field) in [
        (with(&good, "channel", json!("online")), "channel"),
        (with(&good, "received_on", json!(tomorrow)), "received_on"),
        (with(&good, "persons", json!(["cousin"])), "persons"),
        (with(&good, "situation", json!("")), "situation"),
        (
            with(
                &good,
                "id_numbers",
                json!([{"person": "self", "number": "12"}]),
            ),
            "id_numbers[0].number",
        ),
    ] {
        let (status, answer) = s.handler.post(&s.app, &record, &body).await;
        assert_eq!(
            (status, answer["field"].as_str()),
            (400, Some(field)),
            "{body} {answer}"
        );
    }
    let decision = format!("/api/v1/protection-requests/{request}/decision");
    let good = json!({"outcome": "measures", "body": "police", "measures": ["guard"], "implemented_by": "Công an"});
    for (body, field) in [
        (with(&good, "outcome", json!("maybe")), "outcome"),
        (with(&good, "body", json!("court")), "body"),
        (with(&good, "decided_on", json!(tomorrow)), "decided_on"),
        (with(&good, "measures", json!(["jail"])), "measures"),
        (with(&good, "implemented_by", json!("")), "implemented_by"),
        (with(&good, "starts_on", json!("2000-01-01")), "starts_on"),
        (
            with(&good, "check_in_every_days", json!(true)),
            "check_in_every_days",
        ),
        (
            with(&good, "check_in_every_days", json!(91)),
            "check_in_every_days",
        ),
        (json!({"outcome": "refusal", "body": "police"}), "reasons"),
    ] {
        let (status, answer) = s.protection.post(&s.app, &decision, &body).await;
        assert_eq!(
            (status, answer["field"].as_str()),
            (400, Some(field)),
            "{body} {answer}"
        );
    }
    let end = format!("/api/v1/protection-requests/{request}/end");
    assert_eq!(
        s.protection
            .post(&s.app, &end, &json!({"reason": "grounds_ceased"}))
            .await
            .0,
        409
    );
    let (status, _) = s.protection.post(&s.app, &decision, &good).await;
    assert_eq!(status, 201);
    assert_eq!(s.protection.post(&s.app, &decision, &good).await.0, 409);
    let (status, answer) = s
        .protection
        .post(&s.app, &end, &json!({"reason": "bored"}))
        .await;
    assert_eq!((status, answer["field"].as_str()), (400, Some("reason")));
    let (status, answer) = s
        .app
        .post_json(
            "/api/v1/whistleblower/check-ins",
            Some(&s.ticket),
            &json!({"request": request, "answer": "ok"}),
        )
        .await;
    assert_eq!((status, answer["field"].as_str()), (400, Some("answer")));
    let (status, answer) = s
        .app
        .post_json(
            "/api/v1/whistleblower/check-ins",
            Some(&s.ticket),
            &json!({"request": "nope", "answer": "fine"}),
        )
        .await;
    assert_eq!((status, answer["field"].as_str()), (400, Some("request")));
    assert_eq!(
        count(&s.app, "SELECT COUNT(*) FROM protection_check_ins").await,
        0
    );
    assert_eq!(
        count(&s.app, "SELECT COUNT(*) FROM protection_requests").await,
        1
    );
    assert_eq!(
        count(&s.app, "SELECT COUNT(*) FROM protection_decisions").await,
        1
    );

    // The console names the fields on the page and stores nothing.
    let (status, _, page) = s
        .protection
        .form(
            &s.app,
            &format!("/staff/cases/{}/protection/requests", s.case_id),
            &[
                ("channel", "phone"),
                ("interests", "life"),
                ("situation", ""),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        page.contains("persons:") && page.contains("situation:"),
        "{page}"
    );
    // A decision through the console: back to the request.
    let second = s.reporter_asks(&["honour"], false).await;
    let (status, location, _) = s
        .head
        .form(
            &s.app,
            &format!("/staff/protection-requests/{second}/actions"),
            &[
                ("action", "decide"),
                ("outcome", "refusal"),
                ("body", "police"),
                ("reasons", ""),
            ],
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(location, "");
    let (status, location, _) = s
        .head
        .form(
            &s.app,
            &format!("/staff/protection-requests/{second}/actions"),
            &[
                ("action", "decide"),
                ("outcome", "refusal"),
                ("body", "police"),
                ("reasons", "Không có căn cứ."),
            ],
        )
        .await;
    assert_eq!(status, 303);
    assert_eq!(
        location,
        format!("/staff/cases/{}/protection#request-{second}", s.case_id)
    );
    let report = s.report().await;
    let refused = report["protection_requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == second.as_str())
        .unwrap()
        .clone();
    assert_eq!(refused["refusal_reasons"], "Không có căn cứ.");
    assert!(
        refused["status"]["vi"]
            .as_str()
            .unwrap()
            .starts_with("Từ chối")
    );
    s.app.stop().await;
}

khien_testkit::on_both_backends!(
    routing_and_police_deadlines_in_working_days_across_tet,
    an_emergency_alarm_stays_until_acknowledged,
    the_reporter_sees_measures_and_check_ins_alert_unless_fine,
    ending_measures_ends_the_tripwire_protection,
    bad_input_is_refused_naming_the_field,
);
