//! Seeding the demo province so that every demo login has something to do when it
//! first looks: cases at every stage (some late), a reporter with a receipt, a
//! request to see a reporter's identity, a submitted periodic report and missing
//! ones, and the reminders the job would have sent.

use chrono::{Duration, Utc};
use khien_domain::accounts::{TOTP_STEP_SECONDS, totp_code};
use khien_web::AppState;
use khien_web::reminders::{ReminderSettings, run_reminders};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::demo_cases::{Today, UnitStaff, seed_inspectorate, seed_late_case};
use super::demo_client::DemoClient;
use super::province::{self, DEMO_USERS, DemoLogin, login};
use crate::Failure;

/// What the banner shows after seeding.
pub struct Seeded {
    pub logins: Vec<DemoLogin>,
    /// The receipt of the demo reporter's own report. Printed once, in the banner.
    pub reporter_receipt: SecretString,
}

/// Every demo login's client, logged in.
struct Clients {
    clients: Vec<(&'static str, DemoClient)>,
}

impl Clients {
    fn of(&self, username: &str) -> Result<&DemoClient, Failure> {
        self.clients
            .iter()
            .find(|(name, _)| *name == username)
            .map(|(_, client)| client)
            .ok_or_else(|| Failure::new(format!("the demo has no client for {username}")))
    }
}

/// Seeds the province, then acts as its people through the API at `base_url`.
pub async fn seed_demo(
    state: &AppState,
    base_url: &str,
    reminders: &ReminderSettings,
) -> Result<Seeded, Failure> {
    let logins = province::seed_province(state).await?;
    let clients = log_everyone_in(base_url, &logins).await?;
    // The Internal Affairs Committee and the party inspection committee oversee the
    // whole province, not only the units below them in the tree.
    for oversight_body in ["BNC-TU", "UBKT-TU"] {
        clients
            .of("demo.admin")?
            .put(
                &format!("/api/v1/units/{oversight_body}/jurisdiction"),
                &json!({"whole_province": true}),
            )
            .await?;
    }
    let today = Today((Utc::now() + Duration::hours(7)).date_naive());

    let handler_id = user_id(clients.of("demo.handler")?).await?;
    let inspectorate = UnitStaff {
        intake: clients.of("demo.intake")?,
        head: clients.of("demo.head")?,
        handler_id: &handler_id,
    };
    let cases = seed_inspectorate(&inspectorate, &today).await?;

    // Late cases elsewhere, for the oversight lists across units.
    for (username, unit, received_ago, accepted_ago, subject) in [
        (
            "demo.soxd",
            "SO-XD",
            80,
            Some(65),
            "Nghiệm thu khống khối lượng công trình kè sông",
        ),
        (
            "demo.anphu",
            "XA-ANPHU",
            25,
            None,
            "Thu tiền đóng góp xây dựng nhà văn hóa thôn trái quy định",
        ),
    ] {
        let staff = clients.of(username)?;
        let own_id = user_id(staff).await?;
        let unit_staff = UnitStaff {
            intake: staff,
            head: staff,
            handler_id: &own_id,
        };
        seed_late_case(
            &unit_staff,
            &today,
            unit,
            received_ago,
            accepted_ago,
            subject,
        )
        .await?;
    }

    let reporter_receipt = seed_reporter(base_url, &inspectorate).await?;
    // Since reporting, the reporter's employer has been inspected again and again:
    // retaliation by the team they denounced, which goes above Sở Tài chính.
    DemoClient::with_receipt(base_url, reporter_receipt.expose_secret())
        .await?
        .post(
            "/api/v1/whistleblower/retaliation-reports",
            &json!({
                "accused_unit": "SO-TC", "accused_name": "Phan Văn Khải",
                "accused_position": "Trưởng đoàn kiểm tra",
                "what_happened": "Sau khi tôi tố cáo, đoàn kiểm tra đến cơ sở nơi tôi làm việc \
                                  ba lần trong một tháng và yêu cầu chủ cơ sở cho tôi nghỉ việc.",
                "when": "Tháng 12 năm 2026",
            }),
        )
        .await?;

    // The handler needs to meet the reporter of the late case: the custodians decide.
    clients
        .of("demo.handler")?
        .post(
            &format!(
                "/api/v1/cases/{}/identity-requests",
                cases.overdue_verification
            ),
            &json!({
                "legal_reason": "verification_contact",
                "details": "Cần gặp người tố cáo để đối chiếu hồ sơ thầu gốc.",
                "purpose": "Mời làm việc tại trụ sở Thanh tra tỉnh",
            }),
        )
        .await?;

    // Thanh tra tỉnh has sent its yearly report; Sở Xây dựng and xã An Phú have not.
    clients
        .of("demo.head")?
        .post(
            "/api/v1/reports/submissions",
            &json!({
                "period": format!("{}-annual", annual_year(&today)),
                "narrative": "Thanh tra tỉnh đã tiếp nhận, phân loại và giải quyết đơn thư \
                              đúng quy định; một vụ việc quá hạn do phải xác minh ở nhiều nơi.",
            }),
        )
        .await?;

    // The nine-month report went in after its deadline; the others never did.
    clients
        .of("demo.head")?
        .post(
            "/api/v1/reports/submissions",
            &json!({
                "period": format!("{}-9m", last_nine_months_year(&today)),
                "narrative": "Báo cáo chín tháng của Thanh tra tỉnh (gửi muộn).",
            }),
        )
        .await?;

    run_reminders(state, reminders, today.0, Utc::now())
        .await
        .map_err(|error| Failure::new(format!("demo reminders: {error}")))?;
    Ok(Seeded {
        logins,
        reporter_receipt,
    })
}

/// The reporter's own report through the public API, with a protection request:
/// received today, accepted today. Returns the receipt.
async fn seed_reporter(base_url: &str, staff: &UnitStaff<'_>) -> Result<SecretString, Failure> {
    let portal = DemoClient::public(base_url)?;
    let sent = portal
        .post(
            "/api/v1/reports",
            &json!({
                "kind": "denunciation", "unit": "TTT",
                "subject": "Nhận tiền để bỏ qua vi phạm khi kiểm tra cơ sở kinh doanh",
                "content": "Đoàn kiểm tra của Sở Tài chính nhận phong bì mười triệu đồng \
                            của cơ sở kinh doanh rồi không lập biên bản vi phạm. \
                            Tôi là kế toán của cơ sở và giữ sổ chi.",
                "when_where": "Cơ sở kinh doanh tại xã An Phú, tháng 11 năm 2026",
                "accused": [{"name": "Phan Văn Khải", "position": "Trưởng đoàn kiểm tra",
                             "organisation": "Sở Tài chính"}],
                "identity": {"full_name": "Ngô Thị Thu", "id_number": "001195001234",
                             "address": "Xã An Phú", "phone": "0913 000 333"},
                "wants_protection": true,
            }),
        )
        .await?;
    let receipt = sent["receipt"]
        .as_str()
        .ok_or_else(|| Failure::new("demo data: the report answer has no receipt"))?;
    let tracking = sent["tracking_number"].as_str().unwrap_or_default();
    let inbox = staff.intake.get("/api/v1/cases").await?;
    let case = inbox["cases"]
        .as_array()
        .and_then(|cases| {
            cases
                .iter()
                .find(|case| case["tracking_number"].as_str() == Some(tracking))
        })
        .and_then(|case| case["id"].as_str())
        .ok_or_else(|| Failure::new("demo data: the reporter's case is not in the inbox"))?
        .to_owned();
    staff
        .intake
        .act(&case, &json!({"action": "classify", "as": "denunciation"}))
        .await?;
    staff
        .head
        .act(
            &case,
            &json!({"action": "accept", "conditions": {"formalities_met": true, "capacity": true,
                    "competent": true, "identifies_violation": true}}),
        )
        .await?;
    staff
        .head
        .act(
            &case,
            &json!({"action": "send_notice", "notice": "acceptance"}),
        )
        .await?;
    Ok(SecretString::from(receipt.to_owned()))
}

/// Logs every demo login in, in the order the accounts were made: each unit's first
/// member logs in before the others, which hands them the unit's keys.
async fn log_everyone_in(base_url: &str, logins: &[DemoLogin]) -> Result<Clients, Failure> {
    let mut clients = Vec::new();
    for (username, _, _) in DEMO_USERS {
        let demo_login = login(logins, username)?;
        // Computed for each login: a login takes about half a second of Argon2.
        let previous_step = (Utc::now().timestamp() as u64 / TOTP_STEP_SECONDS).saturating_sub(1);
        let client = DemoClient::log_in(
            base_url,
            username,
            province::password(demo_login),
            &totp_code(&demo_login.totp_secret, previous_step),
        )
        .await?;
        clients.push((username, client));
    }
    Ok(Clients { clients })
}

/// The caller's user id.
async fn user_id(client: &DemoClient) -> Result<String, Failure> {
    let me = client.get("/api/v1/auth/me").await?;
    me["id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| Failure::new("demo data: /api/v1/auth/me has no id"))
}

/// The year of the last nine-month period (15/12 – 14/09) that has ended by `today`.
fn last_nine_months_year(today: &Today) -> i32 {
    use chrono::Datelike;
    let date = today.0;
    if (date.month(), date.day()) > (9, 14) {
        date.year()
    } else {
        date.year() - 1
    }
}

/// The year of the annual report period (15/12 – 14/12) that holds `today`.
fn annual_year(today: &Today) -> i32 {
    use chrono::Datelike;
    let date = today.0;
    if date.month() == 12 && date.day() >= 15 {
        date.year() + 1
    } else {
        date.year()
    }
}
