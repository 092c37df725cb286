//! Routing and conflicts of interest over HTTP, on both backends: staff
//! register their ID number and name; a staff member who matches an accused
//! person is refused without a reason; reports about one person are linked
//! across units, with ids only where the viewer may look; routing proposes the
//! competent body for each accused.

use khien_domain::accounts::{HeadPosition, Role, UnitCode, UnitKind, UnitName, Username};
use khien_store::accounts::{NewUnit, UserId};
use khien_store::intake::CaseId;
use khien_testkit::{Backend, TestApp, current_step, spawn_app};
use khien_web::AppError;
use khien_web::conflict_of_interest::{CONFLICT_MESSAGE, ensure_no_conflict};
use serde_json::{Value, json};
use sqlx::Row;

const ACCUSED: &str = "Trần Văn Bị Cáo";

async fn add_unit(
    app: &TestApp,
    code: &str,
    kind: UnitKind,
    parent: Option<&str>,
    name: &str,
    head: &str,
) {
    app.store
        .add_unit(
            "test",
            &NewUnit {
                code: UnitCode::parse(code).unwrap(),
                name: UnitName::parse(name).unwrap(),
                kind,
                parent: parent.map(|p| UnitCode::parse(p).unwrap()),
                head_position: Some(HeadPosition::parse(head).unwrap()),
            },
        )
        .await
        .unwrap();
}

/// A province: the people's committee, its finance department and its inspectorate.
async fn province(app: &TestApp) {
    add_unit(
        app,
        "UBND",
        UnitKind::PeoplesCommittee,
        None,
        "Ủy ban nhân dân tỉnh Thanh Sơn",
        "Chủ tịch Ủy ban nhân dân tỉnh",
    )
    .await;
    add_unit(
        app,
        "SO-TC",
        UnitKind::Department,
        Some("UBND"),
        "Sở Tài chính",
        "Giám đốc Sở Tài chính",
    )
    .await;
    add_unit(
        app,
        "TTT",
        UnitKind::Inspectorate,
        Some("UBND"),
        "Thanh tra tỉnh",
        "Chánh Thanh tra tỉnh",
    )
    .await;
}

/// A logged-in staff member: their bearer token and user id.
async fn staff(app: &TestApp, username: &str, unit: &str, roles: Vec<Role>) -> (String, UserId) {
    let user = app.seed_user(username, unit, roles).await;
    let (token, _) = app.api_login(&user, current_step()).await;
    let id = app
        .store
        .user_by_username(&Username::parse(username).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    (token, id)
}

async fn put_id_number(app: &TestApp, token: &str, body: &Value) -> (u16, Value) {
    let response = app
        .client
        .put(app.url("/api/v1/me/id-number"))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Registers an ID number and name that the API accepts.
async fn register(app: &TestApp, token: &str, id_number: &str, full_name: &str) {
    let body = json!({"id_number": id_number, "full_name": full_name});
    let (status, answer) = put_id_number(app, token, &body).await;
    assert_eq!(status, 204, "{answer}");
}

/// A hotline report recorded by `token`'s intake officer, about `accused`.
async fn record(app: &TestApp, token: &str, unit: &str, accused: Value) -> CaseId {
    let (status, body) = app
        .post_json(
            "/api/v1/intake",
            Some(token),
            &json!({
                "channel": "hotline",
                "received_on": chrono::Utc::now().date_naive().to_string(),
                "kind": "denunciation",
                "unit": unit,
                "subject": "Sai phạm trong đấu thầu",
                "content": "Nội dung chi tiết.",
                "accused": accused,
            }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    CaseId::parse(body["id"].as_str().unwrap()).unwrap()
}

async fn tracking(app: &TestApp, case: &CaseId) -> String {
    app.store
        .case_summary(case)
        .await
        .unwrap()
        .unwrap()
        .tracking_number
        .as_str()
        .to_owned()
}

async fn linked(app: &TestApp, token: &str, case: &CaseId) -> (u16, Value) {
    app.get_json(&format!("/api/v1/cases/{case}/linked"), token)
        .await
}

async fn routing(app: &TestApp, token: &str, case: &CaseId, query: &str) -> (u16, Value) {
    app.get_json(&format!("/api/v1/cases/{case}/routing{query}"), token)
        .await
}

async fn staff_register_their_id_number_and_bad_ones_are_named(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    let (token, _) = staff(&app, "can.bo", "SO-TC", vec![Role::Handler]).await;
    let bad = [
        (
            json!({"id_number": "12", "full_name": ACCUSED}),
            "id_number",
        ),
        (
            json!({"id_number": "0791234567890", "full_name": ACCUSED}),
            "id_number",
        ),
        (
            json!({"id_number": "07912345678x", "full_name": ACCUSED}),
            "id_number",
        ),
        (json!({"full_name": ACCUSED}), "id_number"),
        (
            json!({"id_number": "079123456789", "full_name": "  "}),
            "full_name",
        ),
        (json!({"id_number": "079123456789"}), "full_name"),
    ];
    for (body, field) in bad {
        let (status, answer) = put_id_number(&app, &token, &body).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(answer["field"], field, "{body}");
        let message = answer["error"].as_str().unwrap();
        assert!(message.starts_with(&format!("{field}: ")), "{message}");
        assert!(
            !message.contains("0791234567") && !message.contains("Bị Cáo"),
            "the value is never echoed: {message}"
        );
    }
    register(&app, &token, "079 123 456 789", ACCUSED).await;

    // Only 32-byte indexes are stored; the audit entry holds nothing of them.
    let rows = sqlx::query("SELECT kind, blind_index FROM staff_identity_indexes ORDER BY kind")
        .fetch_all(app.store.reader())
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row.get::<Vec<u8>, _>("blind_index").len(), 32);
    }
    let details: String =
        sqlx::query("SELECT details FROM audit_entries WHERE action = 'staff.identity_registered'")
            .fetch_one(app.store.reader())
            .await
            .unwrap()
            .get("details");
    assert_eq!(details, "{}");
    app.stop().await;
}

async fn the_console_page_registers_and_names_a_bad_field(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    let user = app.seed_user("can.bo", "TTT", vec![Role::Handler]).await;
    // The API login also sets the console's cookie on the test client.
    let (_, csrf) = app.api_login(&user, current_step()).await;
    let page = |path: &'static str| app.client.get(app.url(path)).send();
    let shown = page("/staff/profile/id-number").await.unwrap();
    assert_eq!(shown.status(), 200);
    let html = shown.text().await.unwrap();
    assert!(html.contains("Bạn chưa đăng ký."), "{html}");
    assert!(
        html.contains("href=\"/staff/profile/id-number\""),
        "the nav links it"
    );

    let post = |id_number: &'static str, lang: &'static str| {
        app.client
            .post(app.url(&format!("/staff/profile/id-number{lang}")))
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("id_number", id_number),
                ("full_name", "Lê Thị Cán Bộ"),
            ])
            .send()
    };
    let refused = post("079123", "?lang=en").await.unwrap();
    assert_eq!(refused.status(), 400);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("id_number: Số CMND/CCCD gồm 9 hoặc 12 chữ số."),
        "{html}"
    );
    assert!(
        html.contains("You have not registered yet."),
        "English kept: {html}"
    );
    assert!(!html.contains("079123<"), "the value is not shown back");

    let accepted = post("079123456789", "").await.unwrap();
    assert_eq!(accepted.status(), 200);
    let html = accepted.text().await.unwrap();
    assert!(html.contains("id=\"id-number-registered\""), "{html}");
    assert!(html.contains("Lần đăng ký gần nhất:"), "{html}");
    assert!(!html.contains("079123456789") && !html.contains("Lê Thị Cán Bộ"));
    app.stop().await;
}

async fn a_staff_member_matching_the_accused_is_refused_without_a_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    let (intake, _) = staff(&app, "tiep.nhan", "TTT", vec![Role::Intake, Role::Handler]).await;
    // The accused's namesake in the finance department; the same name registered
    // in the inspectorate; someone else; someone who never registered.
    let (same_name, same_name_id) = staff(&app, "trung.ten", "SO-TC", vec![Role::Handler]).await;
    let (namesake_elsewhere, namesake_elsewhere_id) =
        staff(&app, "trung.so", "TTT", vec![Role::Handler]).await;
    let (other, other_id) = staff(&app, "nguoi.khac", "TTT", vec![Role::Handler]).await;
    let (_, unregistered_id) = staff(&app, "chua.dang.ky", "TTT", vec![Role::Handler]).await;
    register(&app, &same_name, "001098000001", ACCUSED).await;
    register(&app, &namesake_elsewhere, "001098000002", ACCUSED).await;
    register(&app, &other, "001098000003", "Phạm Thị Khác").await;
    // Typed without marks, with the department's name in the middle of a longer text.
    let case = record(
        &app,
        &intake,
        "TTT",
        json!([{"name": "TRAN VAN BI CAO", "position": "Phó trưởng phòng",
                "organisation": "Phòng Ngân sách - Sở Tài chính"}]),
    )
    .await;
    let refused = ensure_no_conflict(&app.state, &same_name_id, &case).await;
    let Err(error) = refused else {
        panic!("the accused's namesake in their unit is refused");
    };
    assert!(
        matches!(&error, AppError::Conflict { field: None, message } if message == CONFLICT_MESSAGE)
    );
    let response = axum::response::IntoResponse::into_response(error);
    assert_eq!(response.status(), 409);
    let body: Value = serde_json::from_slice(
        &axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        body,
        json!({"error": "Bạn không thể được phân công xử lý vụ việc này. / You cannot be assigned to this case.", "field": null})
    );
    for allowed in [&namesake_elsewhere_id, &other_id, &unregistered_id] {
        assert!(ensure_no_conflict(&app.state, allowed, &case).await.is_ok());
    }
    app.stop().await;
}

async fn linked_reports_show_ids_at_home_and_only_a_count_elsewhere(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    let (finance, _) = staff(
        &app,
        "tc.tiep.nhan",
        "SO-TC",
        vec![Role::Intake, Role::Handler],
    )
    .await;
    let (inspectorate, _) = staff(
        &app,
        "tt.tiep.nhan",
        "TTT",
        vec![Role::Intake, Role::Handler],
    )
    .await;
    let (head, _) = staff(&app, "chu.tich", "UBND", vec![Role::Head]).await;
    let person = |organisation: &str| json!([{"name": ACCUSED, "position": "Kế toán", "organisation": organisation}]);
    let first = record(&app, &finance, "SO-TC", person("Sở Tài chính")).await;
    let second = record(&app, &finance, "SO-TC", person("so tai chinh")).await;
    let third = record(
        &app,
        &inspectorate,
        "TTT",
        person("Sở Tài chính tỉnh Thanh Sơn"),
    )
    .await;
    let unrelated = record(
        &app,
        &inspectorate,
        "TTT",
        json!([{"name": "Người Khác", "organisation": "Sở Tài chính"}]),
    )
    .await;
    // The public portal's path stores indexes too.
    let (status, public) = app
        .post_json(
            "/api/v1/reports",
            None,
            &json!({"kind": "denunciation", "unit": "TTT", "subject": "Báo cáo",
                    "content": "Nội dung.", "accused": person("SỞ TÀI CHÍNH")}),
        )
        .await;
    assert_eq!(status, 201, "{public}");
    let fifth: String = sqlx::query("SELECT id FROM cases WHERE tracking_number = $1")
        .bind(public["tracking_number"].as_str().unwrap())
        .fetch_one(app.store.reader())
        .await
        .unwrap()
        .get("id");

    let (status, body) = linked(&app, &finance, &first).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({"visible": [{"id": second.to_string(), "tracking_number": tracking(&app, &second).await}],
               "elsewhere": 2})
    );
    let text = body.to_string();
    assert!(!text.contains(third.as_str()) && !text.contains(&tracking(&app, &third).await));
    assert!(!text.contains(&fifth));

    let (status, body) = linked(&app, &inspectorate, &third).await;
    assert_eq!(status, 200);
    let visible: Vec<&str> = body["visible"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["id"].as_str().unwrap())
        .collect();
    assert_eq!(visible, [fifth.as_str()]);
    assert_eq!(body["elsewhere"], 2);

    // The provincial head sees every unit below: everything listed, nothing elsewhere.
    let (status, body) = linked(&app, &head, &first).await;
    assert_eq!(status, 200);
    assert_eq!(body["visible"].as_array().unwrap().len(), 3);
    assert_eq!(body["elsewhere"], 0);

    let (_, body) = linked(&app, &inspectorate, &unrelated).await;
    assert_eq!(body, json!({"visible": [], "elsewhere": 0}));
    // A case of another unit: not even its links.
    let (status, _) = linked(&app, &inspectorate, &first).await;
    assert_eq!(status, 404);
    app.stop().await;
}

async fn routing_proposes_the_competent_body_with_its_basis(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    let (intake, _) = staff(&app, "tiep.nhan", "TTT", vec![Role::Intake, Role::Handler]).await;
    let case = record(
        &app,
        &intake,
        "TTT",
        json!([
            {"name": "Lê Văn Phó", "position": "Phó Giám đốc", "organisation": "So Tai Chinh"},
            {"name": "Đỗ Thị Kế", "position": "Kế toán", "organisation": "Công ty Ánh Dương"},
        ]),
    )
    .await;
    let (status, body) = routing(&app, &intake, &case, "").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["concerns"], "state_duties");
    assert_eq!(body["accused_is_head_of_handling_unit"], false);
    let deputy = &body["accused"][0];
    assert_eq!(deputy["unit_match"]["unit"]["code"], "SO-TC");
    assert_eq!(deputy["unit_match"]["matched_by"], "name");
    assert_eq!(
        deputy["standing"],
        json!({"value": "deputy_head", "source": "detected"})
    );
    let primary = &deputy["proposals"][0];
    assert_eq!(primary["body"], "unit");
    assert_eq!(primary["unit"]["code"], "UBND");
    assert_eq!(primary["ground"], "direct_superior");
    assert_eq!(primary["basis"], "LTC Art. 12(1), para. 2; Art. 13(4)(a)");
    assert_eq!(
        primary["basis_vi"],
        "Đoạn 2 khoản 1 Điều 12; điểm a khoản 4 Điều 13 Luật Tố cáo 2018"
    );
    assert!(
        primary["reason_vi"]
            .as_str()
            .unwrap()
            .contains("Chủ tịch Ủy ban nhân dân tỉnh")
    );
    let unknown = &body["accused"][1];
    assert_eq!(unknown["unit_match"], Value::Null);
    assert_eq!(unknown["proposals"][0]["body"], "unknown");

    // Criminal signs and party rules, with nothing of either kind registered.
    let (status, body) = routing(
        &app,
        &intake,
        &case,
        "?criminal_signs=true&concerns=both&accused=0",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let proposals = body["accused"][0]["proposals"].as_array().unwrap();
    let shape: Vec<(&str, &str)> = proposals
        .iter()
        .map(|p| (p["ground"].as_str().unwrap(), p["body"].as_str().unwrap()))
        .collect();
    assert_eq!(
        shape,
        [
            ("investigation_agency", "unregistered_kind"),
            ("procuracy", "unregistered_kind"),
            ("direct_superior", "unit"),
            ("party_inspection", "unregistered_kind"),
        ]
    );
    assert_eq!(proposals[3]["kind"], "party_inspection");
    assert!(
        proposals[3]["reason_en"]
            .as_str()
            .unwrap()
            .contains("No unit of this kind is registered")
    );

    // An officer's correction: the second person works in the inspectorate as an official.
    let (status, body) = routing(
        &app,
        &intake,
        &case,
        "?accused=1&unit=ttt&standing=official",
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["accused"].as_array().unwrap().len(), 1);
    assert_eq!(body["accused"][0]["index"], 1);
    assert_eq!(body["accused"][0]["unit_match"]["matched_by"], "chosen");
    assert_eq!(body["accused"][0]["proposals"][0]["unit"]["code"], "TTT");

    for (query, field) in [
        ("?concerns=crime", "concerns"),
        ("?criminal_signs=maybe", "criminal_signs"),
        ("?standing=boss&accused=0", "standing"),
        ("?unit=NOPE&accused=0", "unit"),
        ("?accused=7", "accused"),
        ("?standing=head", "accused"),
    ] {
        let (status, body) = routing(&app, &intake, &case, query).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert_eq!(body["field"], field, "{query}");
    }

    // Every opening of the report is audited, also those that end in a 400
    // because the accused asked for is not in it.
    let reads: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'case.read' AND details LIKE '%routing%'",
    )
    .fetch_one(app.store.reader())
    .await
    .unwrap()
    .get("n");
    assert_eq!(reads, 5);
    app.stop().await;
}

async fn an_accused_head_of_the_handling_unit_is_flagged(backend: Backend) {
    let app = spawn_app(backend).await;
    province(&app).await;
    let (intake, _) = staff(&app, "tiep.nhan", "TTT", vec![Role::Intake, Role::Handler]).await;
    let (chief, _) = staff(&app, "chanh.thanh.tra", "TTT", vec![Role::Head]).await;
    register(&app, &chief, "001098000009", "Võ Văn Chánh").await;
    let case = record(
        &app,
        &intake,
        "TTT",
        json!([{"name": "Vo Van Chanh", "position": "Chánh Thanh tra tỉnh",
                "organisation": "Thanh tra tỉnh"}]),
    )
    .await;
    let (status, body) = app
        .get_json(&format!("/api/v1/cases/{case}/routing"), &intake)
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["accused_is_head_of_handling_unit"], true);
    assert_eq!(body["accused"][0]["standing"]["value"], "head");
    assert_eq!(body["accused"][0]["proposals"][0]["unit"]["code"], "UBND");
    app.stop().await;
}

khien_testkit::on_both_backends!(
    staff_register_their_id_number_and_bad_ones_are_named,
    the_console_page_registers_and_names_a_bad_field,
    a_staff_member_matching_the_accused_is_refused_without_a_reason,
    linked_reports_show_ids_at_home_and_only_a_count_elsewhere,
    routing_proposes_the_competent_body_with_its_basis,
    an_accused_head_of_the_handling_unit_is_flagged,
);
