//! Publication on time, over HTTP on both backends: the publish form is offered the
//! day the conclusion is signed (it is due within 7 working days, LTC Art. 40), asks
//! for the posting's start and length (15 days by default), refuses a posting shorter
//! than 15 consecutive days naming NĐ31 Art. 6, and the publication deadline counts as
//! met on the posting's first day.

use chrono::{Duration, Utc};
use khien_domain::accounts::{Role, UnitKind};
use khien_store::Backend;
use khien_testkit::{StaffClient, TestApp, spawn_app};
use serde_json::{Value, json};

async fn act(app: &TestApp, officer: &StaffClient, case: &str, body: Value) -> Value {
    let (status, answer) = officer
        .post(app, &format!("/api/v1/cases/{case}/actions"), &body)
        .await;
    assert_eq!(status, 200, "{body} → {answer}");
    answer
}

fn publicity(answer: &Value) -> Value {
    answer["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "publicity")
        .unwrap_or_else(|| panic!("no publicity deadline in {answer}"))
        .clone()
}

async fn the_conclusion_is_published_the_day_it_is_signed(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    let user = app
        .seed_user("can.bo", "TTT", vec![Role::Intake, Role::Handler])
        .await;
    let officer = StaffClient::log_in(&app, &user).await;
    let me = officer.get(&app, "/api/v1/auth/me").await.1;
    let user_id = me["id"].as_str().unwrap().to_owned();
    // Today in Vietnam (UTC+7), the day every step below is signed.
    let today = (Utc::now() + Duration::hours(7)).date_naive().to_string();
    let (status, recorded) = officer
        .post(
            &app,
            "/api/v1/intake",
            &json!({
                "channel": "letter", "received_on": today, "kind": "denunciation",
                "unit": "TTT", "subject": "Đơn tố cáo", "content": "Nội dung đơn.",
                "identity": {"full_name": "Phạm Văn E", "id_number": "012345678"},
            }),
        )
        .await;
    assert_eq!(status, 201, "{recorded}");
    let case = recorded["id"].as_str().unwrap().to_owned();
    for step in [
        json!({"action": "classify", "as": "denunciation"}),
        json!({"action": "accept", "conditions": {"formalities_met": true, "capacity": true,
            "competent": true, "identifies_violation": true}}),
        json!({"action": "assign", "handler": user_id}),
        json!({"action": "assign_verifiers", "verifiers": [user_id]}),
        json!({"action": "record_plan"}),
        json!({"action": "record_evidence"}),
        json!({"action": "conclude", "finding": "correct"}),
    ] {
        act(&app, &officer, &case, step).await;
    }

    // The same day, the case page offers the publish form, 15 days by default.
    let page_path = format!("/staff/cases/{case}");
    let (status, page) = officer.page(&app, &page_path).await;
    assert_eq!(status, 200);
    assert!(page.contains("id=\"action-publish\""), "{page}");
    assert!(
        page.contains("name=\"days\" min=\"15\" value=\"15\""),
        "{page}"
    );
    let detail = officer.get(&app, &format!("/api/v1/cases/{case}")).await.1;
    assert_eq!(publicity(&detail)["open"], true, "{detail}");

    // Fewer than 15 consecutive days: refused with the article, nothing stored.
    let actions = format!("/staff/cases/{case}/actions");
    let (status, _, refused) = officer
        .form(
            &app,
            &actions,
            &[("action", "publish"), ("from", &today), ("days", "14")],
        )
        .await;
    assert_eq!(status, 409, "{refused}");
    assert!(refused.contains("Điều 6"), "{refused}");
    let (status, both) = officer
        .post(
            &app,
            &format!("/api/v1/cases/{case}/actions"),
            &json!({"action": "publish", "from": today, "until": today, "days": 15}),
        )
        .await;
    assert_eq!((status, both["field"].clone()), (400, json!("days")));
    let (status, neither) = officer
        .post(
            &app,
            &format!("/api/v1/cases/{case}/actions"),
            &json!({"action": "publish", "from": today}),
        )
        .await;
    assert_eq!((status, neither["field"].clone()), (400, json!("until")));
    let detail = officer.get(&app, &format!("/api/v1/cases/{case}")).await.1;
    assert!(
        !detail["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "published"),
        "{detail}"
    );

    // Fifteen days from today: recorded, and the deadline is met today.
    let (status, location, _) = officer
        .form(
            &app,
            &actions,
            &[("action", "publish"), ("from", &today), ("days", "15")],
        )
        .await;
    assert_eq!((status, location), (303, format!("{page_path}#timeline")));
    let detail = officer.get(&app, &format!("/api/v1/cases/{case}")).await.1;
    let due = publicity(&detail);
    assert_eq!(
        (due["open"].clone(), due["met"].clone()),
        (json!(false), json!(true))
    );
    assert_eq!(due["done_on"], today);
    app.stop().await;
}

khien_testkit::on_both_backends!(the_conclusion_is_published_the_day_it_is_signed,);
