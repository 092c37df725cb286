//! The demo's cases: one at each stage a unit meets, some of them late, written
//! through the API by the demo's own staff, with the dates of their papers in the
//! past (`received_on`, `decided_on`), so the clocks run as they would have.
//!
//! Thanh tra tỉnh carries most of them; Sở Xây dựng and xã An Phú each have an
//! overdue one, so that oversight sees lateness across units.

use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

use super::demo_client::DemoClient;
use crate::Failure;

/// The staff of a unit who act on its cases.
pub struct UnitStaff<'a> {
    /// Records letters, calls and visits; classifies.
    pub intake: &'a DemoClient,
    /// Decides: accepts, refuses, forwards, concludes, publishes.
    pub head: &'a DemoClient,
    /// User id of the handler cases are assigned to.
    pub handler_id: &'a str,
}

/// Demo cases written for one run.
#[derive(Default)]
pub struct SeededCases {
    /// Case ids, by what the demo uses them for.
    pub overdue_verification: String,
    pub concluded_to_publish: String,
    pub published: String,
    pub forwarded_in_khien: String,
}

/// What the demo's dates count back from.
pub struct Today(pub NaiveDate);

impl Today {
    /// `days` calendar days ago, as the API takes dates.
    pub fn ago(&self, days: u64) -> String {
        self.0
            .checked_sub_days(Days::new(days))
            .unwrap_or(self.0)
            .to_string()
    }

    /// `days` calendar days from today.
    pub fn ahead(&self, days: u64) -> String {
        self.0
            .checked_add_days(Days::new(days))
            .unwrap_or(self.0)
            .to_string()
    }
}

fn all_conditions() -> Value {
    json!({"formalities_met": true, "capacity": true, "competent": true, "identifies_violation": true})
}

/// A letter, call or visit as the intake officer records it; returns the case id.
pub async fn record(staff: &DemoClient, report: Value) -> Result<String, Failure> {
    let recorded = staff.post("/api/v1/intake", &report).await?;
    recorded["id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| Failure::new("demo data: the intake answer has no case id"))
}

/// A named letter of denunciation to `unit`, received `days_ago`.
fn named_letter(
    today: &Today,
    unit: &str,
    days_ago: u64,
    subject: &str,
    content: &str,
    accused: (&str, &str, &str),
    reporter: (&str, &str),
) -> Value {
    json!({
        "channel": "letter", "received_on": today.ago(days_ago), "kind": "denunciation",
        "unit": unit, "subject": subject, "content": content,
        "when_where": "Thanh Sơn, năm 2026",
        "accused": [{"name": accused.0, "position": accused.1, "organisation": accused.2}],
        "identity": {"full_name": reporter.0, "id_number": reporter.1,
                     "address": "Thanh Sơn", "phone": "0912 000 111"},
    })
}

/// Classifies, accepts on `accepted_ago`, assigns the handler and sends the notice.
async fn accept(
    staff: &UnitStaff<'_>,
    today: &Today,
    case: &str,
    accepted_ago: u64,
) -> Result<(), Failure> {
    staff
        .intake
        .act(case, &json!({"action": "classify", "as": "denunciation"}))
        .await?;
    staff
        .head
        .act(
            case,
            &json!({"action": "accept", "decided_on": today.ago(accepted_ago),
                    "conditions": all_conditions()}),
        )
        .await?;
    staff
        .head
        .act(
            case,
            &json!({"action": "assign", "handler": staff.handler_id}),
        )
        .await?;
    staff
        .head
        .act(
            case,
            &json!({"action": "send_notice", "notice": "acceptance",
                    "sent_on": today.ago(accepted_ago.saturating_sub(2))}),
        )
        .await?;
    staff
        .head
        .act(
            case,
            &json!({"action": "assign_verifiers", "verifiers": [staff.handler_id]}),
        )
        .await?;
    staff
        .head
        .act(case, &json!({"action": "record_plan"}))
        .await?;
    Ok(())
}

/// Concludes on `concluded_ago` and sends the conclusion notice.
async fn conclude(
    staff: &UnitStaff<'_>,
    today: &Today,
    case: &str,
    concluded_ago: u64,
    finding: &str,
    amount_vnd: u64,
) -> Result<(), Failure> {
    staff
        .head
        .act(case, &json!({"action": "record_evidence"}))
        .await?;
    staff
        .head
        .act(
            case,
            &json!({"action": "conclude", "decided_on": today.ago(concluded_ago),
                    "finding": finding,
                    "measures": ["Kiểm điểm trách nhiệm cá nhân có liên quan",
                                 "Thu hồi số tiền thu sai nộp ngân sách nhà nước"],
                    "amount_to_recover_vnd": amount_vnd, "persons_to_discipline": 1}),
        )
        .await?;
    staff
        .head
        .act(
            case,
            &json!({"action": "send_notice", "notice": "conclusion",
                    "sent_on": today.ago(concluded_ago.saturating_sub(1))}),
        )
        .await?;
    Ok(())
}

/// Thanh tra tỉnh's cases, one per stage.
pub async fn seed_inspectorate(
    staff: &UnitStaff<'_>,
    today: &Today,
) -> Result<SeededCases, Failure> {
    let mut seeded = SeededCases::default();

    // A letter that arrived two days ago: the intake officer has to read and classify it.
    record(
        staff.intake,
        named_letter(
            today,
            "TTT",
            2,
            "Thu tiền ngoài quy định khi cấp giấy phép kinh doanh",
            "Cán bộ một cửa yêu cầu nộp thêm hai triệu đồng mới nhận hồ sơ, không có biên lai.",
            (
                "Đỗ Minh Tuấn",
                "Chuyên viên bộ phận một cửa",
                "Sở Tài chính",
            ),
            ("Nguyễn Thị Hoa", "001186000111"),
        ),
    )
    .await?;

    // A hotline call classified as a denunciation: the head must decide on acceptance.
    let call = record(
        staff.intake,
        json!({
            "channel": "hotline", "received_on": today.ago(6), "kind": "denunciation",
            "unit": "TTT", "subject": "Nâng khống giá mua thiết bị trường học",
            "content": "Người gọi cho biết giá máy chiếu được mua cao gấp đôi giá thị trường.",
            "accused": [{"name": "Lê Quốc Hùng", "position": "Giám đốc Ban Quản lý dự án",
                         "organisation": "Sở Xây dựng"}],
            "identity": {"full_name": "Trần Văn Long", "id_number": "001090000222",
                         "phone": "0987 000 222"},
        }),
    )
    .await?;
    staff
        .intake
        .act(&call, &json!({"action": "classify", "as": "denunciation"}))
        .await?;

    // Accepted 62 days ago and still being verified: the 30-day resolution is overdue.
    let late = record(
        staff.intake,
        named_letter(
            today,
            "TTT",
            75,
            "Sai phạm trong đấu thầu mua sắm thiết bị y tế",
            "Gói thầu được chia nhỏ để chỉ định thầu cho công ty có quan hệ với lãnh đạo.",
            ("Phạm Đức Nam", "Phó Giám đốc", "Sở Tài chính"),
            ("Vũ Thị Lan", "001185000333"),
        ),
    )
    .await?;
    accept(staff, today, &late, 62).await?;
    seeded.overdue_verification = late;

    // Extended for a complex case: due in about four weeks.
    let extended = record(
        staff.intake,
        json!({
            "channel": "in_person", "received_on": today.ago(45), "kind": "denunciation",
            "unit": "TTT", "subject": "Chi sai quỹ hỗ trợ hộ nghèo",
            "content": "Danh sách hộ được hỗ trợ có nhiều người không thuộc diện hộ nghèo.",
            "accused": [{"name": "Hoàng Văn Sơn", "position": "Chủ tịch Ủy ban nhân dân xã",
                         "organisation": "Ủy ban nhân dân xã An Phú"}],
            "identity": {"full_name": "Bùi Ngọc Mai", "id_number": "001192000444",
                         "address": "Thôn Đông, xã An Phú"},
        }),
    )
    .await?;
    accept(staff, today, &extended, 40).await?;
    staff
        .head
        .act(&extended, &json!({"action": "record_meeting"}))
        .await?;
    staff
        .head
        .act(
            &extended,
            &json!({"action": "extend", "decided_on": today.ago(12),
                    "criteria": ["several_locations", "several_contents"]}),
        )
        .await?;

    // Concluded four days ago: the head must publish it within 7 working days.
    let concluded = record(
        staff.intake,
        named_letter(
            today,
            "TTT",
            60,
            "Thu tiền học thêm trái quy định",
            "Nhà trường thu tiền học thêm bắt buộc của tất cả học sinh khối 9.",
            ("Đặng Thanh Tâm", "Hiệu trưởng", "Trường THCS An Phú"),
            ("Hồ Minh An", "001180000555"),
        ),
    )
    .await?;
    accept(staff, today, &concluded, 52).await?;
    conclude(staff, today, &concluded, 4, "partly_correct", 45_000_000).await?;
    seeded.concluded_to_publish = concluded;

    // Concluded, handled and published: on the public page now.
    let published = record(
        staff.intake,
        named_letter(
            today,
            "TTT",
            110,
            "Cấp giấy chứng nhận quyền sử dụng đất sai đối tượng",
            "Nhiều thửa đất công được cấp giấy chứng nhận cho người nhà cán bộ địa chính.",
            (
                "Nguyễn Hữu Cường",
                "Cán bộ địa chính",
                "Ủy ban nhân dân xã Bình Minh",
            ),
            ("Lê Thị Phương", "001178000666"),
        ),
    )
    .await?;
    accept(staff, today, &published, 100).await?;
    conclude(staff, today, &published, 20, "correct", 320_000_000).await?;
    staff
        .head
        .act(
            &published,
            &json!({"action": "handle_conclusion", "decided_on": today.ago(15)}),
        )
        .await?;
    staff
        .head
        .act(
            &published,
            &json!({"action": "publish", "from": today.ago(10), "until": today.ahead(10)}),
        )
        .await?;
    seeded.published = published;

    // Refused, with grounds.
    let refused = record(
        staff.intake,
        named_letter(
            today,
            "TTT",
            25,
            "Tố cáo cán bộ thuế gây khó khăn",
            "Đơn không nêu được hành vi vi phạm cụ thể.",
            ("Không rõ", "Cán bộ", "Chi cục Thuế"),
            ("Trịnh Văn Bình", "001170000777"),
        ),
    )
    .await?;
    staff
        .intake
        .act(
            &refused,
            &json!({"action": "classify", "as": "denunciation"}),
        )
        .await?;
    staff
        .head
        .act(
            &refused,
            &json!({"action": "reject", "decided_on": today.ago(20),
                    "grounds": "Nội dung tố cáo không có cơ sở để xác minh hành vi vi phạm pháp luật."}),
        )
        .await?;

    // A reflection answered.
    let reflection = record(
        staff.intake,
        json!({
            "channel": "hotline", "received_on": today.ago(15), "kind": "reflection",
            "unit": "TTT", "subject": "Đường liên xã xuống cấp sau khi nghiệm thu",
            "content": "Công trình mới đưa vào sử dụng vài tháng đã hư hỏng nhiều đoạn.",
            "identity": {"full_name": "Đinh Văn Hải", "phone": "0905 000 888"},
        }),
    )
    .await?;
    staff
        .intake
        .act(
            &reflection,
            &json!({"action": "classify", "as": "reflection"}),
        )
        .await?;
    staff
        .head
        .act(
            &reflection,
            &json!({"action": "reply", "decided_on": today.ago(5)}),
        )
        .await?;

    // An anonymous call handled as information (LTC Art. 25).
    let anonymous = record(
        staff.intake,
        json!({
            "channel": "hotline", "received_on": today.ago(12), "kind": "denunciation",
            "unit": "TTT", "subject": "Khai thác cát trái phép có sự bao che của cán bộ",
            "content": "Người gọi không xưng tên, cho biết tàu hút cát hoạt động ban đêm.",
            "accused": [{"name": "Không rõ", "position": "Cán bộ xã",
                         "organisation": "Ủy ban nhân dân xã An Phú"}],
        }),
    )
    .await?;
    staff
        .intake
        .act(
            &anonymous,
            &json!({"action": "classify", "as": "denunciation"}),
        )
        .await?;
    staff
        .head
        .act(
            &anonymous,
            &json!({"action": "handle_as_information", "decided_on": today.ago(8)}),
        )
        .await?;

    // Not Thanh tra tỉnh's to resolve: forwarded to Sở Xây dựng, which must take it in.
    let forwarded = record(
        staff.intake,
        named_letter(
            today,
            "TTT",
            9,
            "Cấp phép xây dựng sai quy hoạch",
            "Công trình năm tầng được cấp phép trong khu vực quy hoạch cây xanh.",
            (
                "Lý Văn Dũng",
                "Trưởng phòng Quản lý xây dựng",
                "Sở Xây dựng",
            ),
            ("Mai Thị Hà", "001191000999"),
        ),
    )
    .await?;
    staff
        .intake
        .act(&forwarded, &json!({"action": "classify", "as": "not_ours"}))
        .await?;
    staff
        .head
        .act(
            &forwarded,
            &json!({"action": "forward", "to_unit": "SO-XD", "decided_on": today.ago(6)}),
        )
        .await?;
    seeded.forwarded_in_khien = forwarded;

    // For xã Bình Minh, which is not on Khiên yet: the head forwards it with a
    // letter on paper.
    let offline = record(
        staff.intake,
        named_letter(
            today,
            "TTT",
            3,
            "Lấn chiếm đất công xây nhà ở tại thôn Bắc",
            "Cán bộ địa chính xã làm ngơ cho một hộ xây nhà trên đất công.",
            (
                "Tạ Văn Hưng",
                "Cán bộ địa chính",
                "Ủy ban nhân dân xã Bình Minh",
            ),
            ("Kiều Thị Yến", "001193001212"),
        ),
    )
    .await?;
    staff
        .intake
        .act(&offline, &json!({"action": "classify", "as": "not_ours"}))
        .await?;
    Ok(seeded)
}

/// An overdue case of another unit: accepted `accepted_ago` and never concluded (or,
/// with `None`, never decided on), so that oversight sees it.
pub async fn seed_late_case(
    staff: &UnitStaff<'_>,
    today: &Today,
    unit: &str,
    received_ago: u64,
    accepted_ago: Option<u64>,
    subject: &str,
) -> Result<String, Failure> {
    let case = record(
        staff.intake,
        named_letter(
            today,
            unit,
            received_ago,
            subject,
            "Người tố cáo gửi kèm bản sao hóa đơn, chứng từ.",
            ("Trương Văn Phúc", "Trưởng phòng", unit),
            ("Cao Thị Ngọc", "001188001010"),
        ),
    )
    .await?;
    match accepted_ago {
        Some(days) => accept(staff, today, &case, days).await?,
        None => {
            staff
                .intake
                .act(&case, &json!({"action": "classify", "as": "denunciation"}))
                .await?;
        }
    }
    Ok(case)
}
