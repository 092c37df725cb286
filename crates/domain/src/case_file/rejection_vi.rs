//! A refused case action in Vietnamese, for staff screens (Vietnamese first, then
//! English).
//!
//! Each message says what the English `Display` text of [`Rejection`] says, with the
//! same dates (dd/mm/yyyy), counts and rule. Rules are cited the way Vietnamese legal
//! texts cite them, point and clause before the article: "khoản 1 Điều 24 Luật Tố cáo",
//! "Điều 3 Nghị định 31/2019/NĐ-CP", "Điều 28 Luật Tiếp công dân".

use chrono::NaiveDate;

use super::classification::Classification;
use super::notice::Notice;
use super::rejection::Rejection;
use super::state::Stage;
use super::termination_ground::WithdrawalException;
use crate::rules::Complexity;

impl Rejection {
    /// The refusal in Vietnamese, naming the same rule as the English text.
    pub fn message_vi(&self) -> String {
        match self {
            // Dates.
            Rejection::DatedAfterToday { date, today } => format!(
                "Quyết định không thể mang ngày sau ngày hôm nay: ngày {} muộn hơn hôm nay ({})",
                dmy(*date),
                dmy(*today)
            ),
            Rejection::DecidedAfterRecorded { decided_on, on } => format!(
                "Ngày của văn bản không được muộn hơn ngày ghi vào hồ sơ: ngày {} muộn hơn ngày \
                ghi hồ sơ {}",
                dmy(*decided_on),
                dmy(*on)
            ),
            Rejection::OutOfOrder { on, last } => format!(
                "Hồ sơ vụ việc được ghi theo thứ tự thời gian: ngày {} sớm hơn mục ghi gần nhất \
                ({})",
                dmy(*on),
                dmy(*last)
            ),
            Rejection::BeforeStep { date, step, anchor } => format!(
                "Một bước không thể mang ngày trước bước mà nó tiếp nối: ngày {} sớm hơn {} ngày \
                {}",
                dmy(*date),
                earlier_step_vi(step).unwrap_or(step),
                dmy(*anchor)
            ),

            // Receipt and classification.
            Rejection::AlreadyReceived => {
                "Mỗi vụ việc chỉ được tiếp nhận một lần; đơn mới thì lập vụ việc mới (khoản 1 \
                Điều 24 Luật Tố cáo)"
                    .into()
            }
            Rejection::NotReceived => {
                "Chưa tiếp nhận đơn thì chưa thể thực hiện bước nào đối với vụ việc (từ Điều 22 \
                đến Điều 24 Luật Tố cáo)"
                    .into()
            }
            Rejection::NoRulePack { date } => format!(
                "Không có bộ quy tắc áp dụng nào có hiệu lực vào ngày tiếp nhận {}",
                dmy(*date)
            ),
            Rejection::AlreadyClassified => {
                "Đơn chỉ được phân loại một lần, khi tiếp nhận (khoản 1 Điều 24 Luật Tố cáo)".into()
            }
            Rejection::NotClassified => {
                "Đơn phải được phân loại trước khi có bất kỳ quyết định nào về đơn (khoản 1 Điều \
                24 Luật Tố cáo)"
                    .into()
            }

            // Intake decisions.
            Rejection::ForwardedTwice => {
                "Vụ việc chỉ được chuyển đơn một lần (khoản 2 Điều 24 Luật Tố cáo)".into()
            }
            Rejection::NotForwarded => "Chỉ vụ việc đã được chuyển đơn mới được cơ quan có \
                thẩm quyền tiếp nhận (khoản 2 Điều 24 Luật Tố cáo)"
                .into(),
            Rejection::AcceptanceConditions { missing } => format!(
                "Việc thụ lý phải đáp ứng đủ bốn điều kiện tại khoản 1 Điều 29 Luật Tố cáo (còn \
                thiếu: {})",
                missing
                    .iter()
                    .map(|name| acceptance_condition_vi(name).unwrap_or(name))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Rejection::AnonymousNotAccepted => {
                "Tố cáo nặc danh không được thụ lý mà được xử lý như thông tin có nội dung tố cáo \
                (Điều 25 Luật Tố cáo)"
                    .into()
            }
            Rejection::AnonymousInformationTrack => {
                "Tố cáo nặc danh được xử lý như thông tin có nội dung tố cáo, ngoài trình tự giải \
                quyết tố cáo (Điều 25 Luật Tố cáo)"
                    .into()
            }
            Rejection::NotInformation => {
                "Chỉ thông tin không thể xử lý như tố cáo mới được dùng làm thông tin phục vụ \
                thanh tra, kiểm tra (khoản 1 Điều 25 Luật Tố cáo)"
                    .into()
            }
            Rejection::NotADenunciation { classified } => format!(
                "Chỉ tố cáo mới được thụ lý theo Luật Tố cáo, không thụ lý vụ việc được phân loại \
                là “{}” (Điều 2 và Điều 29 Luật Tố cáo)",
                classification_vi(classified).unwrap_or(classified)
            ),
            Rejection::NoGrounds => {
                "Việc không thụ lý phải nêu rõ lý do cho người tố cáo (khoản 1 Điều 24 Luật Tố \
                cáo)"
                    .into()
            }
            Rejection::BadUnit { unit } => format!(
                "Việc chuyển đơn phải ghi rõ mã đơn vị của cơ quan có thẩm quyền (khoản 2 Điều 24 \
                Luật Tố cáo); {unit:?} không phải là mã đơn vị"
            ),
            Rejection::NoOutsideBody => "Việc chuyển đơn ra ngoài Khiên phải ghi rõ tên cơ quan \
                nhận (khoản 2 Điều 24 Luật Tố cáo)"
                .into(),
            Rejection::IntakeDecided => {
                "Quyết định xử lý ban đầu đối với đơn chỉ được ra một lần, sau khi phân loại \
                (khoản 1 Điều 24 Luật Tố cáo)"
                    .into()
            }
            Rejection::PetitionTrack => {
                "Phản ánh, kiến nghị thì được trả lời, không ra quyết định theo Luật Tố cáo (Điều \
                28 Luật Tiếp công dân)"
                    .into()
            }
            Rejection::NotPetitionTrack => {
                "Chỉ phản ánh, kiến nghị mới được giải quyết bằng văn bản trả lời (Điều 28 Luật \
                Tiếp công dân)"
                    .into()
            }
            Rejection::AlreadyReplied => {
                "Phản ánh, kiến nghị này đã được trả lời (Điều 28 Luật Tiếp công dân)".into()
            }

            // Resolution.
            Rejection::NotAccepted => {
                "Xác minh, gia hạn, tạm đình chỉ và kết luận chỉ được thực hiện sau khi thụ lý \
                (Điều 28 Luật Tố cáo)"
                    .into()
            }
            Rejection::ResolutionEnded { ended } => format!(
                "Việc giải quyết đã kết thúc ({}); không còn bước giải quyết nào tiếp theo \
                (Điều 28 Luật Tố cáo)",
                stage_vi(ended).unwrap_or(ended)
            ),
            Rejection::Suspended => {
                "Vụ việc đang bị tạm đình chỉ; phải có quyết định tiếp tục giải quyết trước (Điều \
                34 Luật Tố cáo)"
                    .into()
            }
            Rejection::AlreadySuspended => {
                "Vụ việc hiện đã bị tạm đình chỉ (Điều 34 Luật Tố cáo)".into()
            }
            Rejection::NotSuspended => {
                "Chỉ vụ việc đang bị tạm đình chỉ mới được tiếp tục giải quyết (khoản 2 Điều 34 \
                Luật Tố cáo)"
                    .into()
            }
            Rejection::NoSuspensionReason => {
                "Quyết định tạm đình chỉ phải nêu rõ căn cứ (khoản 1 Điều 34 Luật Tố cáo)".into()
            }
            Rejection::NoHandler => {
                "Vụ việc phải được giao cho người xử lý có tên cụ thể, được ghi nhận là người \
                chịu trách nhiệm"
                    .into()
            }
            Rejection::NoVerifiers => {
                "Việc xác minh phải được giao cho người xác minh có tên cụ thể, mỗi người chỉ ghi \
                một lần (Điều 31 Luật Tố cáo)"
                    .into()
            }
            Rejection::NotVerifying => {
                "Công việc xác minh chỉ được ghi nhận khi đã giao người xác minh (Điều 31 Luật Tố cáo)"
                    .into()
            }
            Rejection::NotVerified => {
                "Kết luận chỉ được ban hành sau khi xác minh (Điều 28 và Điều 31 Luật Tố cáo)"
                    .into()
            }
            Rejection::NoCriteria => {
                "Quyết định gia hạn phải ghi rõ các tiêu chí xác định vụ việc phức tạp làm căn cứ \
                gia hạn (Điều 30 Luật Tố cáo; Điều 3 Nghị định 31/2019/NĐ-CP)"
                    .into()
            }
            Rejection::ExtensionLimit {
                complexity,
                allowed,
            } => format!(
                "{} (Điều 30 Luật Tố cáo; Điều 3 Nghị định 31/2019/NĐ-CP)",
                extension_limit_vi(*complexity, *allowed)
            ),
            Rejection::WithdrawalException { exception } => format!(
                "Việc rút tố cáo không làm chấm dứt việc giải quyết khi {} (Điều 33 và Điều 34 \
                Luật Tố cáo)",
                exception.label_vi()
            ),
            Rejection::FalseReportFlag => {
                "Chỉ khi kết luận tố cáo sai sự thật hoặc chỉ đúng một phần mới được đánh dấu là \
                tố cáo sai sự thật (điểm c khoản 2 Điều 35 Luật Tố cáo)"
                    .into()
            }

            // After the conclusion.
            Rejection::NotConcluded { step } => format!(
                "Phải có kết luận nội dung tố cáo thì mới {} (từ Điều 35 đến Điều 40 Luật Tố cáo)",
                after_conclusion_step_vi(step).unwrap_or(step)
            ),
            Rejection::AlreadyHandled => {
                "Kết luận nội dung tố cáo chỉ được xử lý một lần (Điều 36 Luật Tố cáo)".into()
            }
            Rejection::AlreadyPublished => {
                "Kết luận chỉ được công khai một lần trên cổng thông tin điện tử (Điều 40 Luật Tố \
                cáo)"
                    .into()
            }
            Rejection::PublicationTooShort { days, minimum } => format!(
                "Việc công khai phải kéo dài ít nhất {minimum} ngày liên tục (Điều 6 Nghị định \
                31/2019/NĐ-CP); lần công khai này chỉ có {days} ngày"
            ),
            Rejection::NoticeNotOwed { notice } => format!(
                "Không có nghĩa vụ gửi {}, hoặc thông báo này đã được gửi",
                notice.label_vi()
            ),

            // Closing and re-denunciation.
            Rejection::NotDecided { stage } => format!(
                "Vụ việc chỉ kết thúc khi đã có quyết định chấm dứt việc giải quyết (Điều 28 Luật \
                Tố cáo); trạng thái hiện tại của vụ việc: {}",
                stage_vi(stage).unwrap_or(stage)
            ),
            Rejection::ConclusionPending => {
                "Vụ việc đã có kết luận chỉ kết thúc khi kết luận đã được xử lý và công khai \
                (Điều 36 và Điều 40 Luật Tố cáo)"
                    .into()
            }
            Rejection::Closed   =>   {
                "Vụ việc đã kết thúc; chỉ tố cáo tiếp mới mở lại vụ việc (Điều 37 Luật Tố cáo)"
                    .into()
            }
            Rejection::NothingToReDenounce => {
                "Tố cáo tiếp chỉ đặt ra khi đã có kết luận nội dung tố cáo (khoản 1 Điều 37 Luật \
                Tố cáo)"
                    .into()
            }
            Rejection::ReDenunciationPending => {
                "Đã có một tố cáo tiếp đang chờ cấp trên trực tiếp xem xét (khoản 2 Điều 37 Luật \
                Tố cáo)"
                    .into()
            }
            Rejection::NoReDenunciation => {
                "Việc xem xét chỉ được mở khi có tố cáo tiếp (khoản 2 Điều 37 Luật Tố cáo)".into()
            }
            Rejection::ReviewAlreadyOpen => {
                "Việc xem xét tố cáo tiếp này đã được mở (khoản 2 Điều 37 Luật Tố cáo)".into()
            }
            Rejection::BadReviewUnit { unit } => format!(
                "Việc xem xét được mở tại cấp trên trực tiếp, ghi rõ mã đơn vị (khoản 2 Điều 37 \
                Luật Tố cáo); {unit:?} không phải là mã đơn vị"
            ),
            Rejection::ReviewNotOpened => {
                "Tố cáo tiếp phải được cấp trên trực tiếp xem xét trước (khoản 2 Điều 37 Luật Tố \
                cáo)"
                    .into()
            }
            Rejection::AlreadyAccepted => "Vụ việc đã được thụ lý (Điều 29 Luật Tố cáo)".into(),
        }
    }

    /// `"<Vietnamese> / <English>"`, the form staff screens show.
    pub fn message_bilingual(&self) -> String {
        format!("{} / {self}", self.message_vi())
    }
}

impl Notice {
    /// The notice in Vietnamese, with the rule that owes it.
    pub fn label_vi(self) -> &'static str {
        match self {
            Notice::Acceptance => "thông báo thụ lý tố cáo (khoản 3 Điều 29 Luật Tố cáo)",
            Notice::Suspension => "thông báo tạm đình chỉ (khoản 4 Điều 34 Luật Tố cáo)",
            Notice::Termination => "thông báo đình chỉ (khoản 4 Điều 34 Luật Tố cáo)",
            Notice::Conclusion => {
                "thông báo kết luận nội dung tố cáo (khoản 3 Điều 35 Luật Tố cáo)"
            }
        }
    }
}

impl WithdrawalException {
    /// The exception in Vietnamese, in the words of LTC Art. 33; it reads after "khi".
    pub fn label_vi(self) -> &'static str {
        match self {
            WithdrawalException::SignsOfViolation => {
                "hành vi bị tố cáo có dấu hiệu vi phạm pháp luật"
            }
            WithdrawalException::CoercedOrBought => "việc rút tố cáo do bị đe dọa, mua chuộc",
            WithdrawalException::Slander => "người tố cáo lợi dụng việc tố cáo để vu khống",
        }
    }
}

fn dmy(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// The step a date must not precede (`BeforeStep`), as it reads after "sớm hơn".
/// `None` for a name not listed here; the test `every_step_in_the_procedure_is_translated`
/// finds every name the procedure passes.
fn earlier_step_vi(step: &str) -> Option<&'static str> {
    Some(match step {
        "receipt" => "việc tiếp nhận đơn",
        "forwarding" => "việc chuyển đơn",
        "decision to handle it as information" => "quyết định xử lý như thông tin",
        "last resolution step" => "bước giải quyết gần nhất",
        "acceptance" => "quyết định thụ lý",
        "suspension" => "quyết định tạm đình chỉ",
        "termination" => "quyết định đình chỉ",
        "conclusion" => "kết luận nội dung tố cáo",
        "re-denunciation" => "việc tiếp nhận đơn tố cáo tiếp",
        _ => return None,
    })
}

/// What cannot happen without a conclusion (`NotConcluded`), as it reads after "thì mới".
fn after_conclusion_step_vi(step: &str) -> Option<&'static str> {
    Some(match step {
        "handled" => "xử lý kết luận",
        "published" => "công khai kết luận",
        "followed up" => "thực hiện các bước sau kết luận",
        _ => return None,
    })
}

/// The conditions of LTC Art. 29(1), as `AcceptanceConditions::missing` names them.
fn acceptance_condition_vi(name: &str) -> Option<&'static str> {
    Some(match name {
        "formalities" => "đơn đúng hình thức theo Điều 23",
        "capacity" => "người tố cáo có đủ năng lực hành vi dân sự",
        "competence" => "vụ việc thuộc thẩm quyền giải quyết",
        "identified violation" => "có cơ sở xác định người vi phạm, hành vi vi phạm",
        _ => return None,
    })
}

/// Every classification; `classification_label_vi` below is exhaustive, so a new one is
/// noticed there.
const CLASSIFICATIONS: [Classification; 5] = [
    Classification::Denunciation,
    Classification::Reflection,
    Classification::Petition,
    Classification::ComplaintMixedIn,
    Classification::NotOurs,
];

fn classification_label_vi(class: Classification) -> &'static str {
    match class {
        Classification::Denunciation => "tố cáo",
        Classification::Reflection => "phản ánh",
        Classification::Petition => "kiến nghị",
        Classification::ComplaintMixedIn => "có nội dung khiếu nại",
        Classification::NotOurs => "không thuộc thẩm quyền",
    }
}

/// A classification from its code (`Classification::as_str`).
fn classification_vi(code: &str) -> Option<&'static str> {
    CLASSIFICATIONS
        .into_iter()
        .find(|class| class.as_str() == code)
        .map(classification_label_vi)
}

/// A stage from its words in messages (`Stage::as_str`).
fn stage_vi(words: &str) -> Option<&'static str> {
    Stage::ALL
        .into_iter()
        .find(|stage| stage.as_str() == words)
        .map(stage_words_vi)
}

/// A stage as it reads inside a sentence. Not `Stage::label_vi`: those are screen
/// labels, capitalised, and one holds a " / " that would blur the bilingual message.
fn stage_words_vi(stage: Stage) -> &'static str {
    match stage {
        Stage::Empty => "chưa tiếp nhận",
        Stage::Received => "đã tiếp nhận",
        Stage::Classified => "đã phân loại",
        Stage::NotAccepted => "không thụ lý",
        Stage::Forwarded => "đã chuyển đơn",
        Stage::ForwardedOutside => "đã chuyển ra ngoài Khiên",
        Stage::TransferredCriminal => "đã chuyển cơ quan điều tra hoặc viện kiểm sát",
        Stage::HandledAsInformation => "xử lý như thông tin",
        Stage::Accepted => "đã thụ lý",
        Stage::Terminated => "đã đình chỉ",
        Stage::Concluded => "đã kết luận",
        Stage::Replied => "đã trả lời",
        Stage::Closed => "đã kết thúc",
    }
}

/// Mirrors the English `extension_limit` in rejection.rs, case for case.
fn extension_limit_vi(complexity: Complexity, allowed: u8) -> String {
    match (complexity, allowed) {
        (Complexity::Ordinary, _) => {
            "Vụ việc không phức tạp thì không được gia hạn giải quyết".into()
        }
        (Complexity::Complex, 1) => "Vụ việc phức tạp chỉ được gia hạn giải quyết một lần".into(),
        (Complexity::EspeciallyComplex, 2) => {
            "Vụ việc đặc biệt phức tạp được gia hạn giải quyết tối đa hai lần".into()
        }
        (Complexity::Complex, n) => {
            format!("Vụ việc phức tạp được gia hạn giải quyết tối đa {n} lần")
        }
        (Complexity::EspeciallyComplex, n) => {
            format!("Vụ việc đặc biệt phức tạp được gia hạn giải quyết tối đa {n} lần")
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::mem::discriminant;

    use super::*;
    use crate::case_file::AcceptanceConditions;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("test date is YYYY-MM-DD")
    }

    /// One of each variant (as `tests/rejections.rs` meets them), then the other values
    /// of every field that is translated by lookup.
    fn samples() -> Vec<Rejection> {
        let mut all = vec![
            Rejection::DatedAfterToday {
                date: day("2026-01-02"),
                today: day("2025-12-31"),
            },
            Rejection::DecidedAfterRecorded {
                decided_on: day("2025-02-11"),
                on: day("2025-02-10"),
            },
            Rejection::OutOfOrder {
                on: day("2025-02-09"),
                last: day("2025-02-10"),
            },
            Rejection::BeforeStep {
                date: day("2025-01-20"),
                step: "receipt",
                anchor: day("2025-01-24"),
            },
            Rejection::AlreadyReceived,
            Rejection::NotReceived,
            Rejection::NoRulePack {
                date: day("2017-03-05"),
            },
            Rejection::AlreadyClassified,
            Rejection::NotClassified,
            Rejection::ForwardedTwice,
            Rejection::NotForwarded,
            Rejection::AcceptanceConditions {
                missing: vec!["capacity", "competence"],
            },
            Rejection::AnonymousNotAccepted,
            Rejection::AnonymousInformationTrack,
            Rejection::NotInformation,
            Rejection::NotADenunciation {
                classified: "reflection",
            },
            Rejection::NoGrounds,
            Rejection::BadUnit {
                unit: "Sở Nội vụ".into(),
            },
            Rejection::NoOutsideBody,
            Rejection::IntakeDecided,
            Rejection::PetitionTrack,
            Rejection::NotPetitionTrack,
            Rejection::AlreadyReplied,
            Rejection::NotAccepted,
            Rejection::ResolutionEnded {
                ended: Stage::Terminated.as_str(),
            },
            Rejection::Suspended,
            Rejection::AlreadySuspended,
            Rejection::NotSuspended,
            Rejection::NoSuspensionReason,
            Rejection::NoHandler,
            Rejection::NoVerifiers,
            Rejection::NotVerifying,
            Rejection::NotVerified,
            Rejection::NoCriteria,
            Rejection::ExtensionLimit {
                complexity: Complexity::Complex,
                allowed: 1,
            },
            Rejection::WithdrawalException {
                exception: WithdrawalException::SignsOfViolation,
            },
            Rejection::FalseReportFlag,
            Rejection::NotConcluded { step: "handled" },
            Rejection::AlreadyHandled,
            Rejection::AlreadyPublished,
            Rejection::PublicationTooShort {
                days: 10,
                minimum: 15,
            },
            Rejection::NoticeNotOwed {
                notice: Notice::Acceptance,
            },
            Rejection::NotDecided {
                stage: Stage::Accepted.as_str(),
            },
            Rejection::ConclusionPending,
            Rejection::Closed,
            Rejection::NothingToReDenounce,
            Rejection::ReDenunciationPending,
            Rejection::NoReDenunciation,
            Rejection::ReviewAlreadyOpen,
            Rejection::BadReviewUnit {
                unit: "not a code".into(),
            },
            Rejection::ReviewNotOpened,
            Rejection::AlreadyAccepted,
        ];
        for stage in Stage::ALL {
            all.push(Rejection::ResolutionEnded {
                ended: stage.as_str(),
            });
            all.push(Rejection::NotDecided {
                stage: stage.as_str(),
            });
        }
        for class in CLASSIFICATIONS {
            all.push(Rejection::NotADenunciation {
                classified: class.as_str(),
            });
        }
        for complexity in [
            Complexity::Ordinary,
            Complexity::Complex,
            Complexity::EspeciallyComplex,
        ] {
            for allowed in 0..4 {
                all.push(Rejection::ExtensionLimit {
                    complexity,
                    allowed,
                });
            }
        }
        for exception in [
            WithdrawalException::SignsOfViolation,
            WithdrawalException::CoercedOrBought,
            WithdrawalException::Slander,
        ] {
            all.push(Rejection::WithdrawalException { exception });
        }
        for notice in [
            Notice::Acceptance,
            Notice::Suspension,
            Notice::Termination,
            Notice::Conclusion,
        ] {
            all.push(Rejection::NoticeNotOwed { notice });
        }
        for step in ["handled", "published", "followed up"] {
            all.push(Rejection::NotConcluded { step });
        }
        all
    }

    /// Whether `text` holds `needle` not followed by a digit ("Điều 3" is not in
    /// "Điều 30").
    fn cites(text: &str, needle: &str) -> bool {
        text.match_indices(needle)
            .any(|(at, _)| !text[at + needle.len()..].starts_with(|c: char| c.is_ascii_digit()))
    }

    /// What the English text cites, in Vietnamese form: "Art. 24(1)" → "khoản 1 Điều 24",
    /// "Art. 22-24" → "Điều 22" (the first of a range or list).
    fn citations_vi(english: &str) -> Vec<String> {
        english
            .match_indices("Art. ")
            .map(|(at, found)| {
                let rest = &english[at + found.len()..];
                let article: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let after = &rest[article.len()..];
                let clause: String = after
                    .strip_prefix('(')
                    .map(|c| c.chars().take_while(char::is_ascii_digit).collect())
                    .unwrap_or_default();
                assert!(!article.is_empty(), "no article number in {english:?}");
                if clause.is_empty() {
                    format!("Điều {article}")
                } else {
                    format!("khoản {clause} Điều {article}")
                }
            })
            .collect()
    }

    #[test]
    fn every_variant_is_sampled() {
        let variants: BTreeSet<_> = samples()
            .iter()
            .map(|r| format!("{:?}", discriminant(r)))
            .collect();
        // As many as `VARIANTS` in tests/rejections.rs.
        assert_eq!(variants.len(), 52);
    }

    #[test]
    fn every_rejection_reads_in_vietnamese_and_cites_the_same_rule() {
        for rejection in samples() {
            let (vi, en) = (rejection.message_vi(), rejection.to_string());
            assert!(!vi.trim().is_empty(), "{rejection:?}");
            for english in ["Art.", "LTC", "NĐ31", "Citizen", "Law", "DOMAIN"] {
                assert!(!vi.contains(english), "{english:?} left in {vi:?}");
            }
            if en.contains("LTC") {
                assert!(vi.contains("Luật Tố cáo"), "{vi:?} for {en:?}");
            }
            if en.contains("NĐ31") {
                assert!(vi.contains("Nghị định 31/2019/NĐ-CP"), "{vi:?} for {en:?}");
            }
            if en.contains("Citizen Reception Law") {
                assert!(vi.contains("Luật Tiếp công dân"), "{vi:?} for {en:?}");
            }
            for citation in citations_vi(&en) {
                assert!(cites(&vi, &citation), "{vi:?} lacks {citation:?} ({en:?})");
            }
        }
    }

    #[test]
    fn every_field_value_is_translated() {
        let english_words = [
            "receipt",
            "handled",
            "published",
            "followed up",
            "reflection",
            "accepted",
            "terminated",
            "capacity",
            "competence",
        ];
        for rejection in samples() {
            let vi = rejection.message_vi();
            for word in english_words {
                assert!(!vi.contains(word), "{word:?} untranslated in {vi:?}");
            }
        }
        for stage in Stage::ALL {
            assert_eq!(stage_vi(stage.as_str()), Some(stage_words_vi(stage)));
        }
        for class in CLASSIFICATIONS {
            assert!(classification_vi(class.as_str()).is_some(), "{class:?}");
        }
        for bits in 0..16u8 {
            let conditions = AcceptanceConditions {
                formalities_met: bits & 1 != 0,
                capacity: bits & 2 != 0,
                competent: bits & 4 != 0,
                identifies_violation: bits & 8 != 0,
            };
            for name in conditions.missing() {
                assert!(acceptance_condition_vi(name).is_some(), "{name:?}");
            }
        }
    }

    /// Step names are string literals in the procedure's source; read them from there,
    /// so a new one without a translation fails here.
    #[test]
    fn every_step_in_the_procedure_is_translated() {
        let sources = [
            include_str!("apply.rs"),
            include_str!("intake_steps.rs"),
            include_str!("resolution_steps.rs"),
            include_str!("after_conclusion.rs"),
        ];
        let first_literal = |text: &str| -> Option<String> {
            let open = text.find('"')?;
            let close = open + 1 + text[open + 1..].find('"')?;
            Some(text[open + 1..close].to_owned())
        };
        let (mut earlier, mut after) = (BTreeSet::new(), BTreeSet::new());
        for source in sources {
            for (at, call) in source.match_indices("not_before(") {
                // The call's arguments up to its first `)`; a definition has no literal.
                let args = &source[at + call.len()..];
                let args = &args[..args.find(')').unwrap_or(args.len())];
                earlier.extend(first_literal(args));
            }
            for pattern in ["conclusion(&mut state, \"", "step: \""] {
                for (at, found) in source.match_indices(pattern) {
                    let from = at + found.len() - 1;
                    after.extend(first_literal(&source[from..]));
                }
            }
        }
        assert!(earlier.len() >= 6, "found only {earlier:?}");
        assert!(after.len() >= 3, "found only {after:?}");
        for step in &earlier {
            assert!(
                earlier_step_vi(step).is_some(),
                "no Vietnamese for {step:?}"
            );
        }
        for step in &after {
            assert!(
                after_conclusion_step_vi(step).is_some(),
                "no Vietnamese for {step:?}"
            );
        }
    }

    #[test]
    fn dates_and_counts_are_carried_over() {
        let before = Rejection::BeforeStep {
            date: day("2025-02-19"),
            step: "suspension",
            anchor: day("2025-02-20"),
        };
        assert_eq!(
            before.message_vi(),
            "Một bước không thể mang ngày trước bước mà nó tiếp nối: ngày 19/02/2025 sớm hơn \
            quyết định tạm đình chỉ ngày 20/02/2025"
        );
        let short = Rejection::PublicationTooShort {
            days: 10,
            minimum: 15,
        }
        .message_vi();
        assert!(short.contains("ít nhất 15 ngày") && short.contains("chỉ có 10 ngày"));
        let missing = Rejection::AcceptanceConditions {
            missing: vec!["formalities", "identified violation"],
        }
        .message_vi();
        assert!(missing.ends_with(
            "(còn thiếu: đơn đúng hình thức theo Điều 23; có cơ sở xác định người vi phạm, hành \
            vi vi phạm)"
        ));
        let limit = Rejection::ExtensionLimit {
            complexity: Complexity::EspeciallyComplex,
            allowed: 3,
        };
        assert!(limit.message_vi().contains("tối đa 3 lần"));
    }

    #[test]
    fn bilingual_is_vietnamese_then_english() {
        for rejection in samples() {
            let both = rejection.message_bilingual();
            assert_eq!(both.matches(" / ").count(), 1, "{both:?}");
            assert_eq!(both, format!("{} / {}", rejection.message_vi(), rejection));
        }
        assert_eq!(
            Rejection::AlreadyAccepted.message_bilingual(),
            "Vụ việc đã được thụ lý (Điều 29 Luật Tố cáo) / the case has already been accepted: \
            LTC Art. 29"
        );
    }
}
