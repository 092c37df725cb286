//! The reminder job over HTTP: a case due soon reminds its handler, an overdue case
//! reaches the unit's head and escalates to the superior unit's head, emails go out
//! through a real SMTP conversation without any case content, and nothing is sent
//! twice. On SQLite and PostgreSQL.

use std::time::Duration;

use khien_calendar::Calendar;
use khien_domain::accounts::{Role, UnitKind};
use khien_store::Backend;
use khien_testkit::{SmtpSink, TestApp, current_step, spawn_app_with};
use serde_json::{Value, json};

async fn logged_in(app: &TestApp, username: &str, unit: &str, roles: Vec<Role>) -> String {
    let user = app.seed_user(username, unit, roles).await;
    app.api_login(&user, current_step()).await.0
}

/// A date `n` working days before today in Vietnam.
fn working_days_ago(n: u32) -> chrono::NaiveDate {
    let calendar = Calendar::builtin();
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive();
    let mut day = today;
    while calendar.working_days_between(day, today).unwrap() < n {
        day = day.pred_opt().unwrap();
    }
    day
}

async fn record(
    app: &TestApp,
    token: &str,
    received_on: chrono::NaiveDate,
    subject: &str,
) -> Value {
    let (status, body) = app
        .post_json(
            "/api/v1/intake",
            Some(token),
            &json!({
                "channel": "letter", "received_on": received_on.to_string(), "kind": "denunciation",
                "unit": "TTT", "subject": subject, "content": "Nội dung kín QWERTY.",
                "identity": {"full_name": "Người Tố Cáo", "id_number": "012345678"},
            }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body
}

/// Polls the caller's notifications until `enough` says so (the job runs every 200 ms).
async fn notifications_until(
    app: &TestApp,
    token: &str,
    enough: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    for _ in 0..100 {
        let list = app.get_json("/api/v1/notifications", token).await.1["notifications"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if enough(&list) {
            return list;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the expected notifications did not arrive");
}

async fn due_and_overdue_cases_are_reminded_and_escalated(backend: Backend) {
    let sink = SmtpSink::start().await;
    let sink_url = sink.url();
    let app = spawn_app_with(backend, move |settings| {
        settings.reminders.interval = Duration::from_millis(200);
        settings.reminders.smtp = Some(khien_web::reminders::SmtpSettings {
            url: sink_url,
            from: "khien@thanhtra.gov.vn".into(),
        });
        settings.reminders.public_url = Some("https://khien.example.vn".into());
    })
    .await;
    app.seed_unit("UBT", UnitKind::PeoplesCommittee, None).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, Some("UBT"))
        .await;
    let officer = logged_in(&app, "can.bo", "TTT", vec![Role::Intake, Role::Handler]).await;
    let head = logged_in(&app, "chanh.thanh.tra", "TTT", vec![Role::Head]).await;
    let superior = logged_in(&app, "chu.tich", "UBT", vec![Role::Head]).await;
    let (status, _) = app
        .client
        .put(app.url("/api/v1/me/email"))
        .bearer_auth(&officer)
        .json(&json!({"email": "can.bo@thanhtra.gov.vn"}))
        .send()
        .await
        .map(|r| (r.status().as_u16(), ()))
        .unwrap();
    assert_eq!(status, 204);
    let (status, bad) = {
        let response = app
            .client
            .put(app.url("/api/v1/me/email"))
            .bearer_auth(&head)
            .json(&json!({"email": "không phải email"}))
            .send()
            .await
            .unwrap();
        (
            response.status().as_u16(),
            response.json::<Value>().await.unwrap(),
        )
    };
    assert_eq!((status, bad["field"].clone()), (400, json!("email")));

    let overdue = record(
        &app,
        &officer,
        "2025-01-24".parse().unwrap(),
        "Vụ việc quá hạn",
    )
    .await;
    // Received 5 working days ago: the acceptance (7 WD) falls due in 2 working days.
    let soon = record(&app, &officer, working_days_ago(5), "Vụ việc sắp đến hạn").await;
    let (overdue_number, soon_number) = (
        overdue["tracking_number"].as_str().unwrap().to_owned(),
        soon["tracking_number"].as_str().unwrap().to_owned(),
    );

    // Nobody is assigned: the unit's head answers for both, and is told.
    let mine = notifications_until(&app, &head, |list| list.len() >= 2).await;
    let kinds: Vec<(&str, &str)> = mine
        .iter()
        .map(|n| {
            (
                n["tracking_number"].as_str().unwrap(),
                n["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&(overdue_number.as_str(), "overdue")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(soon_number.as_str(), "reminder")),
        "{kinds:?}"
    );
    assert!(mine.iter().any(|n| n["point"] == "3wd"));
    // The superior unit's head is asked to demand a report (LTC Art. 38).
    let above = notifications_until(&app, &superior, |list| !list.is_empty()).await;
    assert_eq!(above.len(), 1, "{above:?}");
    assert_eq!(above[0]["kind"], "escalation");
    assert_eq!(above[0]["tracking_number"], overdue_number.as_str());

    // Assigned, the handler is reminded, and emailed; the mail holds no content.
    let officer_id = app.get_json("/api/v1/auth/me", &officer).await.1["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let soon_id = soon["id"].as_str().unwrap();
    for action in [json!({"action": "assign", "handler": officer_id})] {
        let (status, body) = app
            .post_json(
                &format!("/api/v1/cases/{soon_id}/actions"),
                Some(&officer),
                &action,
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    let officer_list = notifications_until(&app, &officer, |list| {
        list.iter()
            .any(|n| n["tracking_number"] == soon_number.as_str())
    })
    .await;
    let id = officer_list[0]["id"].as_str().unwrap().to_owned();
    for _ in 0..100 {
        if !sink.mails().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mails = sink.mails();
    assert!(!mails.is_empty(), "a reminder was emailed");
    assert_eq!(
        mails[0].recipients,
        vec!["can.bo@thanhtra.gov.vn".to_owned()]
    );
    assert!(mails[0].data.contains(&soon_number), "{}", mails[0].data);
    assert!(
        mails[0]
            .data
            .contains("https://khien.example.vn/staff/cases/")
    );
    assert!(
        !mails
            .iter()
            .map(|m| m.decoded())
            .any(|m| m.contains("QWERTY") || m.contains("Người Tố Cáo"))
    );

    // Read, and never sent twice however often the job runs.
    let (status, _) = app
        .post_json(
            &format!("/api/v1/notifications/{id}/read"),
            Some(&officer),
            &json!({}),
        )
        .await;
    assert_eq!(status, 204);
    tokio::time::sleep(Duration::from_millis(700)).await;
    let again = app.get_json("/api/v1/notifications", &head).await.1["notifications"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(again, mine.len());
    assert_eq!(sink.mails().len(), mails.len());
    let read = app.get_json("/api/v1/notifications", &officer).await.1;
    assert_eq!(
        read["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id.as_str())
            .unwrap()["read"],
        true
    );
    app.stop().await;
}

khien_testkit::on_both_backends!(due_and_overdue_cases_are_reminded_and_escalated);
