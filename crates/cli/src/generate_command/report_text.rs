//! The text of a generated report: a subject, a few paragraphs, the accused and, when
//! named, the reporter. Vietnamese, varied enough that no two reports are byte for
//! byte the same size (sealed sizes then vary as real ones do). Fictional people.

use khien_domain::intake::{AccusedDraft, IdentityDraft, ReportDraft, ReportKind};

use super::case_story::Arrival;
use super::dice::Dice;

const SUBJECTS: &[&str] = &[
    "Thu tiền ngoài quy định khi cấp giấy phép xây dựng",
    "Nâng khống khối lượng công trình đường giao thông nông thôn",
    "Sai phạm trong đấu thầu mua sắm thiết bị y tế",
    "Lạm dụng chức vụ trong bổ nhiệm cán bộ",
    "Chi sai quỹ hỗ trợ hộ nghèo",
    "Gây khó khăn, nhũng nhiễu khi giải quyết thủ tục đất đai",
    "Thu tiền học thêm trái quy định",
    "Cấp giấy chứng nhận quyền sử dụng đất sai đối tượng",
    "Sử dụng xe công vào việc riêng",
    "Khai thác cát trái phép có sự bao che của cán bộ",
    "Đề nghị sửa chữa tuyến đường liên xã xuống cấp",
    "Phản ánh ô nhiễm môi trường tại cụm công nghiệp",
];

const SENTENCES: &[&str] = &[
    "Từ đầu năm đến nay, nhiều hộ dân trong khu vực phải nộp các khoản tiền không có trong quy định của Nhà nước.",
    "Khi người dân hỏi thì cán bộ trả lời đây là khoản đóng góp tự nguyện nhưng không nộp thì hồ sơ không được giải quyết.",
    "Số tiền mỗi hộ phải nộp từ hai triệu đến năm triệu đồng, không có biên lai hay phiếu thu.",
    "Công trình mới đưa vào sử dụng được vài tháng đã hư hỏng, bong tróc nhiều đoạn.",
    "Khối lượng nghiệm thu lớn hơn nhiều so với khối lượng thi công thực tế mà người dân chứng kiến.",
    "Gói thầu được chia nhỏ để chỉ định thầu cho một công ty có quan hệ với lãnh đạo đơn vị.",
    "Giá thiết bị cao gấp đôi giá thị trường cùng thời điểm.",
    "Tôi đã gửi đơn đến xã hai lần nhưng chưa nhận được trả lời.",
    "Kèm theo đơn là bản sao các giấy tờ, hình ảnh mà tôi thu thập được.",
    "Đề nghị cơ quan có thẩm quyền xác minh, làm rõ và xử lý nghiêm theo quy định của pháp luật.",
    "Việc này kéo dài đã lâu, gây bức xúc trong nhân dân địa phương.",
    "Danh sách hộ được hỗ trợ có nhiều người không thuộc diện hộ nghèo, trong khi các hộ khó khăn thật sự lại bị bỏ sót.",
];

const FAMILY_NAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ",
];
const MIDDLE_NAMES: &[&str] = &["Văn", "Thị", "Hữu", "Minh", "Thanh", "Đức", "Ngọc", "Quốc"];
const GIVEN_NAMES: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Long", "Mai", "Nam",
    "Phương", "Sơn", "Tâm", "Tuấn",
];
const POSITIONS: &[&str] = &[
    "Chủ tịch Ủy ban nhân dân xã",
    "Phó Chủ tịch Ủy ban nhân dân xã",
    "Trưởng phòng Quản lý đô thị",
    "Cán bộ địa chính",
    "Kế toán",
    "Hiệu trưởng",
    "Giám đốc Ban Quản lý dự án",
    "Trưởng thôn",
];
const PLACES: &[&str] = &[
    "thôn Đông",
    "thôn Đoài",
    "khu phố 3",
    "tổ dân phố 7",
    "xóm Bãi",
    "ấp Tân Hòa",
];

fn person(dice: &mut Dice) -> String {
    format!(
        "{} {} {}",
        dice.pick(FAMILY_NAMES),
        dice.pick(MIDDLE_NAMES),
        dice.pick(GIVEN_NAMES)
    )
}

/// The report as an intake officer or the portal form would send it, addressed to
/// the unit `unit_code`.
pub fn draft(dice: &mut Dice, arrival: &Arrival, unit_code: &str, unit_name: &str) -> ReportDraft {
    let subject = dice.pick(SUBJECTS).to_string();
    let sentences = dice.between(3, 14);
    let content = (0..sentences)
        .map(|_| *dice.pick(SENTENCES))
        .collect::<Vec<_>>()
        .join(" ");
    let place = *dice.pick(PLACES);
    let accused = if arrival.kind == ReportKind::Denunciation {
        (0..dice.between(1, 2))
            .map(|_| AccusedDraft {
                name: person(dice),
                position: dice.pick(POSITIONS).to_string(),
                organisation: unit_name.to_owned(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let identity = (!arrival.anonymous).then(|| IdentityDraft {
        full_name: person(dice),
        id_number: format!("0{:011}", dice.between(0, 99_999_999_999)),
        address: format!("Số {}, {place}", dice.between(1, 200)),
        phone: format!("09{:08}", dice.between(0, 99_999_999)),
    });
    ReportDraft {
        kind: arrival.kind.as_str().to_owned(),
        unit: unit_code.to_owned(),
        subject,
        content,
        when_where: format!("{place}, năm {}", arrival.received_on.format("%Y")),
        accused,
        identity,
        co_reporters: Vec::new(),
        wants_protection: arrival.wants_protection,
        channel: arrival.channel,
        received_on: arrival.received_on.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use khien_domain::intake::NewReport;

    use super::super::case_story::arrival;
    use super::*;

    #[test]
    fn every_draft_parses() {
        let today: NaiveDate = "2026-11-26".parse().unwrap();
        let first: NaiveDate = "2025-01-01".parse().unwrap();
        for index in 0..2_000 {
            let mut dice = Dice::new(3, index);
            let arrival = arrival(&mut dice, first, today);
            let draft = draft(&mut dice, &arrival, "GEN-TTT", "Thanh tra tỉnh");
            let report = NewReport::parse(&draft, arrival.received_on)
                .unwrap_or_else(|errors| panic!("{index}: {errors}"));
            assert_eq!(report.received_on(), arrival.received_on);
            assert_eq!(report.is_anonymous(), arrival.anonymous);
        }
    }
}
