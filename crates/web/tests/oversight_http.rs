//! Overdue cases across units for oversight, over HTTP on both backends: the
//! longest overdue first, only the caller's subtree, counts per unit, pages that
//! follow one another, the console page in both languages, and who may look.

use khien_domain::accounts::{Role, UnitKind};
use khien_store::Backend;
use khien_testkit::{StaffClient, TestApp, spawn_app};
use serde_json::{Value, json};

/// A letter recorded by an intake officer; its tracking number.
async fn letter(app: &TestApp, officer: &StaffClient, unit: &str, received_on: &str) -> String {
    let (status, recorded) = app
        .post_json(
            "/api/v1/intake",
            Some(&officer.token),
            &json!({"channel": "letter", "received_on": received_on, "kind": "denunciation",
                    "unit": unit, "subject": "Nội dung kín ZXQ-7781", "content": "Nội dung.",
                    "identity": {"full_name": "Người Tố Cáo Kín", "id_number": "012345678"}}),
        )
        .await;
    assert_eq!(status, 201, "{recorded}");
    recorded["tracking_number"].as_str().unwrap().to_owned()
}

fn numbers(body: &Value) -> Vec<String> {
    body["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| case["tracking_number"].as_str().unwrap().to_owned())
        .collect()
}

async fn oversight_sees_overdue_cases_below_it_longest_overdue_first(backend: Backend) {
    let app = spawn_app(backend).await;
    app.seed_unit("UBT", UnitKind::PeoplesCommittee, None).await;
    app.seed_unit("TTT", UnitKind::Inspectorate, Some("UBT"))
        .await;
    app.seed_unit("SXD", UnitKind::Department, Some("UBT"))
        .await;
    app.seed_unit("KHAC", UnitKind::Inspectorate, None).await;
    let mut officers = Vec::new();
    for (name, unit) in [("tn.ttt", "TTT"), ("tn.sxd", "SXD"), ("tn.khac", "KHAC")] {
        let user = app
            .seed_user(name, unit, vec![Role::Intake, Role::Handler])
            .await;
        officers.push(StaffClient::log_in(&app, &user).await);
    }
    let oversight = app
        .seed_user("ban.noi.chinh", "UBT", vec![Role::Oversight])
        .await;
    let oversight = StaffClient::log_in(&app, &oversight).await;
    let sxd_head = app.seed_user("giam.doc", "SXD", vec![Role::Head]).await;
    let sxd_head = StaffClient::log_in(&app, &sxd_head).await;

    // Acceptance (7 working days) due 11/02/2025 and 14/02/2025; a letter of today is
    // not overdue; the other branch's is not ours to see.
    let oldest = letter(&app, &officers[0], "TTT", "2025-01-24").await;
    let middle = letter(&app, &officers[1], "SXD", "2025-02-05").await;
    let today = (chrono::Utc::now() + chrono::Duration::hours(7))
        .date_naive()
        .to_string();
    letter(&app, &officers[0], "TTT", &today).await;
    let elsewhere = letter(&app, &officers[2], "KHAC", "2025-01-20").await;

    let (status, all) = oversight.get(&app, "/api/v1/oversight/overdue").await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(numbers(&all), vec![oldest.clone(), middle.clone()]);
    assert_eq!(all["total"], 2);
    assert_eq!(all["cases"][0]["unit"], "TTT");
    assert_eq!(all["cases"][0]["due"], "2025-02-11");
    assert_eq!(
        all["cases"][0]["step"]["en"],
        "Classify, check and decide on acceptance"
    );
    assert!(all["cases"][0]["working_days_late"].as_u64().unwrap() > 300);
    let counts: Vec<(String, i64)> = all["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["code"].as_str().unwrap().to_owned(),
                u["overdue"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(counts, vec![("SXD".into(), 1), ("TTT".into(), 1)]);
    assert!(!all.to_string().contains("ZXQ-7781"), "no content");
    assert!(!all.to_string().contains(&elsewhere));

    // A page at a time.
    let (_, first) = oversight
        .get(&app, "/api/v1/oversight/overdue?limit=1")
        .await;
    assert_eq!(numbers(&first), vec![oldest.clone()]);
    let next = first["next"].as_str().unwrap();
    let (_, second) = oversight
        .get(
            &app,
            &format!("/api/v1/oversight/overdue?limit=1&after={next}"),
        )
        .await;
    assert_eq!(numbers(&second), vec![middle.clone()]);
    assert_eq!(second["next"], Value::Null);
    let (status, bad) = oversight
        .get(&app, "/api/v1/oversight/overdue?after=nonsense")
        .await;
    assert_eq!((status, bad["field"].clone()), (400, json!("after")));

    // A head sees their own unit's subtree only; a handler may not look.
    let (_, own) = sxd_head.get(&app, "/api/v1/oversight/overdue").await;
    assert_eq!(numbers(&own), vec![middle.clone()]);
    assert_eq!(
        officers[0].get(&app, "/api/v1/oversight/overdue").await.0,
        403
    );

    // The console page, Vietnamese first, English on request; links keep the language.
    let (status, html) = oversight.page(&app, "/staff/oversight").await;
    assert_eq!(status, 200);
    assert!(html.contains("Hồ sơ quá hạn các đơn vị"));
    assert!(html.contains(&oldest) && html.contains(&middle));
    assert!(html.contains("11/02/2025"));
    assert!(html.contains("id=\"overdue-total\">2<"));
    let (_, english) = oversight.page(&app, "/staff/oversight?lang=en").await;
    assert!(english.contains("Overdue cases across units"));
    assert!(english.contains("?lang=en\">") && !english.contains("Hồ sơ quá hạn các đơn vị"));
    let (_, home) = oversight.page(&app, "/staff").await;
    assert!(home.contains("href=\"/staff/oversight\""), "in the menu");
    app.stop().await;
}

khien_testkit::on_both_backends!(oversight_sees_overdue_cases_below_it_longest_overdue_first);
