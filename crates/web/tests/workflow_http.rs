//! The case workflow over HTTP: a letter from receipt to publication, forwarding to
//! another unit, refusals that name their rule, the inbox filters, and what the
//! reporter is told. On SQLite and PostgreSQL.

use khien_domain::accounts::{Role, UnitKind};
use khien_store::Backend;
use khien_testkit::{TestApp, current_step, spawn_app};
use serde_json::{Value, json};

struct Unit {
    token: String,
    user_id: String,
}

async fn staff(app: &TestApp, username: &str, unit: &str, roles: Vec<Role>) -> Unit {
    let user = app.seed_user(username, unit, roles).await;
    let (token, _) = app.api_login(&user, current_step()).await;
    let me = app.get_json("/api/v1/auth/me", &token).await.1;
    Unit {
        token,
        user_id: me["id"].as_str().unwrap_or_default().to_owned(),
    }
}

async fn act(app: &TestApp, token: &str, case: &str, body: Value) -> (u16, Value) {
    app.post_json(&format!("/api/v1/cases/{case}/actions"), Some(token), &body)
        .await
}

async fn ok(app: &TestApp, token: &str, case: &str, body: Value) -> Value {
    let (status, answer) = act(app, token, case, body.clone()).await;
    assert_eq!(status, 200, "{body} → {answer}");
    answer
}

fn due(answer: &Value, kind: &str) -> Value {
    answer["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} deadline in {answer}"))
        .clone()
}

async fn a_letter_of_2025_01_24_is_taken_to_publication(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    let officer = staff(&app, "can.bo", "TTT", vec![Role::Intake, Role::Handler]).await;
    let token = officer.token.as_str();
    let (status, recorded) = app
        .post_json(
            "/api/v1/intake",
            Some(token),
            &json!({
                "channel": "letter", "received_on": "2025-01-24", "kind": "denunciation",
                "unit": "TTT", "subject": "Đơn tố cáo", "content": "Nội dung đơn.",
                "identity": {"full_name": "Phạm Văn E", "id_number": "012345678"},
            }),
        )
        .await;
    assert_eq!(status, 201, "{recorded}");
    let case = recorded["id"].as_str().unwrap().to_owned();
    let receipt = recorded["receipt"].as_str().unwrap().to_owned();

    let detail = app
        .get_json(&format!("/api/v1/cases/{case}"), token)
        .await
        .1;
    assert_eq!(detail["state"], "received");
    assert_eq!(due(&detail, "acceptance")["due"], "2025-02-11");

    // A refusal names its rule and stores nothing.
    let (status, refused) = act(&app, token, &case, json!({"action": "accept", "decided_on": "2025-02-10",
        "conditions": {"formalities_met": true, "capacity": true, "competent": true, "identifies_violation": true}})).await;
    assert_eq!(status, 409);
    assert!(
        refused["error"].as_str().unwrap().contains("Art. 24"),
        "{refused}"
    );
    let (status, future) = act(
        &app,
        token,
        &case,
        json!({"action": "reply", "decided_on": "2999-01-01"}),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(future["field"], "decided_on");
    let (status, unknown) = act(&app, token, &case, json!({"action": "approve"})).await;
    assert_eq!(status, 400);
    assert!(
        unknown["error"].as_str().unwrap().contains("classify"),
        "{unknown}"
    );

    ok(
        &app,
        token,
        &case,
        json!({"action": "classify", "as": "denunciation"}),
    )
    .await;
    let accepted = ok(&app, token, &case, json!({"action": "accept", "decided_on": "2025-02-10",
        "conditions": {"formalities_met": true, "capacity": true, "competent": true, "identifies_violation": true}})).await;
    assert_eq!(accepted["state"], "accepted");
    assert_eq!(due(&accepted, "acceptance")["done_on"], "2025-02-10");
    assert_eq!(due(&accepted, "acceptance")["met"], true);
    // 30 days from acceptance (LTC Art. 30(1)).
    assert_eq!(due(&accepted, "resolution")["due"], "2025-03-12");

    let (status, bad_handler) = act(
        &app,
        token,
        &case,
        json!({"action": "assign", "handler": "0123"}),
    )
    .await;
    assert_eq!(
        (status, bad_handler["field"].clone()),
        (400, json!("handler"))
    );
    ok(
        &app,
        token,
        &case,
        json!({"action": "assign", "handler": officer.user_id}),
    )
    .await;
    let (status, future) = act(
        &app,
        token,
        &case,
        json!({"action": "send_notice", "notice": "acceptance", "sent_on": "2999-01-01"}),
    )
    .await;
    assert_eq!((status, future["field"].clone()), (400, json!("sent_on")));
    // Sent on 12/02, entered later: the notice deadline counts the day it was sent.
    let notified = ok(
        &app,
        token,
        &case,
        json!({"action": "send_notice", "notice": "acceptance", "sent_on": "2025-02-12"}),
    )
    .await;
    assert_eq!(due(&notified, "acceptance_notice")["done_on"], "2025-02-12");
    assert_eq!(due(&notified, "acceptance_notice")["met"], true);
    ok(
        &app,
        token,
        &case,
        json!({"action": "assign_verifiers", "verifiers": [officer.user_id]}),
    )
    .await;
    ok(&app, token, &case, json!({"action": "record_plan"})).await;
    let extended = ok(
        &app,
        token,
        &case,
        json!({"action": "extend", "decided_on": "2025-03-10",
        "criteria": ["several_locations"]}),
    )
    .await;
    // Complex: extended by 30 days.
    assert_eq!(due(&extended, "resolution")["due"], "2025-04-11");
    let suspended = ok(
        &app,
        token,
        &case,
        json!({"action": "suspend", "decided_on": "2025-03-20",
        "reason": "Chờ kết quả giám định"}),
    )
    .await;
    assert_eq!(due(&suspended, "resolution")["paused"], true);
    let resumed = ok(
        &app,
        token,
        &case,
        json!({"action": "resume", "decided_on": "2025-03-30"}),
    )
    .await;
    // Ten days suspended are added back.
    assert_eq!(due(&resumed, "resolution")["due"], "2025-04-21");
    ok(
        &app,
        token,
        &case,
        json!({"action": "send_notice", "notice": "suspension"}),
    )
    .await;
    ok(&app, token, &case, json!({"action": "record_evidence"})).await;
    let concluded = ok(
        &app,
        token,
        &case,
        json!({"action": "conclude", "decided_on": "2025-04-15",
        "finding": "partly_correct", "measures": ["Kiểm điểm trách nhiệm"],
        "amount_to_recover_vnd": 120000000, "persons_to_discipline": 1}),
    )
    .await;
    assert_eq!(concluded["state"], "concluded");
    assert_eq!(due(&concluded, "resolution")["met"], true);
    ok(
        &app,
        token,
        &case,
        json!({"action": "send_notice", "notice": "conclusion"}),
    )
    .await;
    ok(
        &app,
        token,
        &case,
        json!({"action": "handle_conclusion", "decided_on": "2025-04-25"}),
    )
    .await;
    let (status, short) = act(
        &app,
        token,
        &case,
        json!({"action": "publish", "from": "2025-05-05", "until": "2025-05-10"}),
    )
    .await;
    assert_eq!(status, 409);
    assert!(short["error"].as_str().unwrap().contains("15"), "{short}");
    let published = ok(
        &app,
        token,
        &case,
        json!({"action": "publish", "from": "2025-05-05", "until": "2025-05-19"}),
    )
    .await;
    assert_eq!(due(&published, "publicity")["open"], false);
    let closed = ok(&app, token, &case, json!({"action": "close"})).await;
    assert_eq!(closed["state"], "closed");

    let detail = app
        .get_json(&format!("/api/v1/cases/{case}"), token)
        .await
        .1;
    assert_eq!(detail["state"], "closed");
    let kinds: Vec<&str> = detail["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.first(), Some(&"received"));
    assert_eq!(kinds.last(), Some(&"closed"));
    assert!(kinds.contains(&"published"));
    assert_eq!(detail["events"][8]["reason"], "Chờ kết quả giám định");
    assert!(
        detail["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["open"] == false),
        "{}",
        detail["deadlines"]
    );

    // The reporter is told the stage and the conclusion.
    let (_, session) = app
        .post_json(
            "/api/v1/whistleblower/session",
            None,
            &json!({"receipt": receipt}),
        )
        .await;
    let ticket = session["token"].as_str().unwrap();
    let mine = app.get_json("/api/v1/whistleblower/report", ticket).await.1;
    assert_eq!(mine["state"], "closed");
    let told: Vec<&str> = mine["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        told,
        [
            "accepted",
            "extended",
            "suspended",
            "resumed",
            "concluded",
            "published"
        ],
        "{mine}"
    );
    assert!(
        !mine.to_string().contains(&officer.user_id),
        "the reporter never sees staff ids"
    );
    app.stop().await;
}

async fn forwarding_reaches_the_competent_unit_and_both_see_the_trail(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("UBT", UnitKind::PeoplesCommittee, None).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, Some("UBT"))
        .await;
    app.seed_unit("SXD", UnitKind::Department, Some("UBT"))
        .await;
    let sender = staff(&app, "gui", "TTT", vec![Role::Intake, Role::Handler]).await;
    let receiver = staff(&app, "nhan", "SXD", vec![Role::Intake, Role::Handler]).await;
    let (_, recorded) = app
        .post_json(
            "/api/v1/intake",
            Some(&sender.token),
            &json!({
                "channel": "in_person", "received_on": "2026-11-02", "kind": "denunciation",
                "unit": "TTT", "subject": "Vụ việc thuộc Sở", "content": "Nội dung.",
                "identity": {"full_name": "Lê Văn F", "id_number": "012345679"},
            }),
        )
        .await;
    let case = recorded["id"].as_str().unwrap().to_owned();
    ok(
        &app,
        &sender.token,
        &case,
        json!({"action": "classify", "as": "not_ours"}),
    )
    .await;
    let (status, wrong) = act(
        &app,
        &sender.token,
        &case,
        json!({"action": "forward", "to_unit": "KHONGCO"}),
    )
    .await;
    assert_eq!((status, wrong["field"].clone()), (400, json!("to_unit")));
    let forwarded = ok(
        &app,
        &sender.token,
        &case,
        json!({"action": "forward", "to_unit": "SXD"}),
    )
    .await;
    assert_eq!(forwarded["state"], "forwarded");
    // The sender no longer lists or opens it; the receiver does.
    let sender_list = app.get_json("/api/v1/cases", &sender.token).await.1;
    assert_eq!(sender_list["cases"].as_array().unwrap().len(), 0);
    assert_eq!(
        app.get_json(&format!("/api/v1/cases/{case}"), &sender.token)
            .await
            .0,
        404
    );
    let (status, seen) = app
        .get_json(&format!("/api/v1/cases/{case}"), &receiver.token)
        .await;
    assert_eq!(status, 200);
    assert_eq!(seen["subject"], "Vụ việc thuộc Sở");
    assert_eq!(seen["events"][2]["kind"], "forwarded");
    assert_eq!(seen["events"][2]["to_unit"], "SXD");
    // Once per content.
    let (status, again) = act(
        &app,
        &receiver.token,
        &case,
        json!({"action": "forward", "to_unit": "TTT"}),
    )
    .await;
    assert_eq!(status, 409);
    assert!(again["error"].as_str().unwrap().contains("24(2)"));
    app.stop().await;
}

async fn the_inbox_filters_overdue_and_assigned_cases(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    let officer = staff(&app, "can.bo", "TTT", vec![Role::Intake, Role::Handler]).await;
    let mut ids = Vec::new();
    // One long overdue, one received yesterday: due within 30 days whenever the
    // test runs.
    let yesterday = (chrono::Utc::now() + chrono::Duration::hours(7) - chrono::Duration::days(1))
        .date_naive()
        .to_string();
    for received_on in ["2025-01-24", yesterday.as_str()] {
        let (_, recorded) = app
            .post_json(
                "/api/v1/intake",
                Some(&officer.token),
                &json!({"channel": "hotline", "received_on": received_on, "kind": "denunciation",
                        "unit": "TTT", "subject": "Vụ việc", "content": "Nội dung.",
                        "identity": {"full_name": "Người Tố Cáo", "id_number": "012345678"}}),
            )
            .await;
        ids.push(recorded["id"].as_str().unwrap().to_owned());
    }
    let list = |query: &'static str| {
        let app = &app;
        let token = officer.token.clone();
        async move {
            let (status, body) = app
                .get_json(&format!("/api/v1/cases?{query}"), &token)
                .await;
            assert_eq!(status, 200, "{query}: {body}");
            body["cases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(list("overdue=true").await, vec![ids[0].clone()]);
    assert_eq!(list("due_within=30").await, vec![ids[1].clone()]);
    assert_eq!(list("stage=received").await.len(), 2);
    assert!(list("assignee=me").await.is_empty());
    ok(
        &app,
        &officer.token,
        &ids[1],
        json!({"action": "assign", "handler": officer.user_id}),
    )
    .await;
    assert_eq!(list("assignee=me").await, vec![ids[1].clone()]);
    let (status, bad) = app
        .get_json("/api/v1/cases?stage=nowhere", &officer.token)
        .await;
    assert_eq!((status, bad["field"].clone()), (400, json!("stage")));
    app.stop().await;
}

async fn a_handler_accused_in_the_report_cannot_be_assigned(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, None).await;
    let officer = staff(&app, "can.bo", "TTT", vec![Role::Intake, Role::Handler]).await;
    let accused = staff(&app, "bi.to.cao", "TTT", vec![Role::Handler]).await;
    let (status, _) = {
        let response = app
            .client
            .put(app.url("/api/v1/me/id-number"))
            .bearer_auth(&accused.token)
            .json(&json!({"id_number": "001 098 012 345", "full_name": "Trần Văn Bê"}))
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), ())
    };
    assert_eq!(status, 204);
    let (_, recorded) = app
        .post_json(
            "/api/v1/intake",
            Some(&officer.token),
            &json!({"channel": "hotline", "received_on": "2026-11-20", "kind": "denunciation",
                    "unit": "TTT", "subject": "Vụ việc", "content": "Nội dung.",
                    "accused": [{"name": "tran van be", "position": "Chuyên viên", "organisation": "Đơn vị TTT"}],
                    "identity": {"full_name": "Người Tố Cáo", "id_number": "012345678"}}),
        )
        .await;
    let case = recorded["id"].as_str().unwrap().to_owned();
    let (status, refused) = act(
        &app,
        &officer.token,
        &case,
        json!({"action": "assign", "handler": accused.user_id}),
    )
    .await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(
        refused["error"],
        "Bạn không thể được phân công xử lý vụ việc này. / You cannot be assigned to this case."
    );
    let (status, refused) = act(
        &app,
        &officer.token,
        &case,
        json!({"action": "assign_verifiers", "verifiers": [accused.user_id]}),
    )
    .await;
    assert_eq!(status, 409, "{refused}");
    ok(
        &app,
        &officer.token,
        &case,
        json!({"action": "assign", "handler": officer.user_id}),
    )
    .await;
    app.stop().await;
}

async fn a_case_against_the_head_goes_to_the_superior(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("UBT", UnitKind::PeoplesCommittee, None).await;
    app.seed_unit("SXD", UnitKind::Department, Some("UBT"))
        .await;
    let officer = staff(&app, "van.thu", "SXD", vec![Role::Intake, Role::Handler]).await;
    let director = staff(&app, "giam.doc", "SXD", vec![Role::Head]).await;
    let superior = staff(&app, "chu.tich", "UBT", vec![Role::Intake, Role::Head]).await;
    let response = app
        .client
        .put(app.url("/api/v1/me/id-number"))
        .bearer_auth(&director.token)
        .json(&json!({"id_number": "001098012346", "full_name": "Lê Văn Giám"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 204);
    let (_, recorded) = app
        .post_json(
            "/api/v1/intake",
            Some(&officer.token),
            &json!({"channel": "letter", "received_on": "2026-11-20", "kind": "denunciation",
                    "unit": "SXD", "subject": "Giám đốc Sở vi phạm", "content": "Nội dung.",
                    "accused": [{"name": "Lê Văn Giám", "position": "Giám đốc", "organisation": "Đơn vị SXD"}],
                    "identity": {"full_name": "Người Tố Cáo", "id_number": "012345678"}}),
        )
        .await;
    let case = recorded["id"].as_str().unwrap().to_owned();
    ok(
        &app,
        &officer.token,
        &case,
        json!({"action": "classify", "as": "denunciation"}),
    )
    .await;
    let accept = json!({"action": "accept", "conditions": {"formalities_met": true, "capacity": true,
        "competent": true, "identifies_violation": true}});
    let (status, refused) = act(&app, &officer.token, &case, accept.clone()).await;
    assert_eq!(status, 409, "{refused}");
    assert!(
        refused["error"].as_str().unwrap().contains("Art. 12(1)"),
        "{refused}"
    );
    // The routing proposal names the superior, and the case goes there.
    let (_, routing) = app
        .get_json(&format!("/api/v1/cases/{case}/routing"), &officer.token)
        .await;
    assert_eq!(
        routing["accused"][0]["proposals"][0]["unit"]["code"], "UBT",
        "{routing}"
    );
    ok(
        &app,
        &officer.token,
        &case,
        json!({"action": "forward", "to_unit": "UBT"}),
    )
    .await;
    let seen = app
        .get_json(&format!("/api/v1/cases/{case}"), &superior.token)
        .await;
    assert_eq!(seen.0, 200);
    assert_eq!(seen.1["state"], "forwarded");
    // The superior receives it, its own acceptance clock runs, and it accepts.
    let received = ok(
        &app,
        &superior.token,
        &case,
        json!({"action": "receive_forwarded"}),
    )
    .await;
    assert_eq!(received["state"], "received");
    ok(
        &app,
        &superior.token,
        &case,
        json!({"action": "classify", "as": "denunciation"}),
    )
    .await;
    let accepted = ok(&app, &superior.token, &case, accept).await;
    assert_eq!(accepted["state"], "accepted");
    app.stop().await;
}

khien_testkit::on_both_backends!(
    a_case_against_the_head_goes_to_the_superior,
    a_handler_accused_in_the_report_cannot_be_assigned,
    a_letter_of_2025_01_24_is_taken_to_publication,
    forwarding_reaches_the_competent_unit_and_both_see_the_trail,
    the_inbox_filters_overdue_and_assigned_cases,
);
