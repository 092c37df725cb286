//! A checked report, ready to be encrypted and stored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use super::accused::Accused;
use super::channel::Channel;
use super::field_errors::{FieldErrors, ReportFieldError};
use super::free_text::{self, Lines};
use super::handling::Handling;
use super::limits::{
    ACCUSED_MAX, CONTENT_MAX, NAME_MAX, POSITION_MAX, REPORTERS_MAX, SUBJECT_MAX, WHEN_WHERE_MAX,
    earliest_received_on,
};
use super::report_draft::ReportDraft;
use super::report_kind::ReportKind;
use super::reporter_identity::{ReporterIdentities, ReporterIdentity};
use crate::accounts::UnitCode;

/// What the report says: the document encrypted under the case key. Holds no
/// identity of the reporter. No `Debug`. Not wiped on drop, so that a page can
/// move its fields out; the identity types, the real secret, are wiped.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize)]
pub struct ReportContent {
    /// Subject, 1–300 characters, one line.
    pub subject: String,
    /// What happened, 1–20 000 characters.
    pub content: String,
    /// When and where, up to 1 000 characters.
    pub when_where: Option<String>,
    /// The accused persons, at most 20.
    pub accused: Vec<Accused>,
}

/// A report whose every field was checked. No `Debug`.
pub struct NewReport {
    kind: ReportKind,
    channel: Channel,
    unit: Option<UnitCode>,
    content: ReportContent,
    reporters: Option<ReporterIdentities>,
    wants_protection: bool,
    received_on: NaiveDate,
}

/// Words a reporter may type in the unit field to say they do not know it.
const UNKNOWN_UNIT: [&str; 3] = ["", "unknown", "khong-biet"];

impl NewReport {
    /// Checks every field of `draft` and returns the report, or every field
    /// that is wrong. `today` is the calendar date in Asia/Ho_Chi_Minh: a web
    /// report is received today; a staff-recorded one on a date not after it.
    pub fn parse(draft: &ReportDraft, today: NaiveDate) -> Result<NewReport, FieldErrors> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let kind = keep(
            e,
            ReportKind::parse(&draft.kind).ok_or_else(|| {
                ReportFieldError::new(
                    "kind",
                    "Chọn loại đơn: tố cáo, phản ánh hoặc kiến nghị.",
                    "Choose a kind: denunciation, reflection or petition.",
                )
            }),
        );
        let unit = keep(e, parse_unit(&draft.unit));
        let subject = keep(
            e,
            free_text::required("subject", &draft.subject, SUBJECT_MAX, Lines::Single),
        );
        let content = keep(
            e,
            free_text::required("content", &draft.content, CONTENT_MAX, Lines::Multi),
        );
        let when_where = keep(
            e,
            free_text::optional(
                "when_where",
                &draft.when_where,
                WHEN_WHERE_MAX,
                Lines::Multi,
            ),
        );
        let received_on = keep(e, parse_received_on(draft, today));

        let accused = parse_accused(draft, &mut errors);
        let reporters = parse_reporters(draft, &mut errors);

        match (
            kind,
            unit,
            subject,
            content,
            when_where,
            received_on,
            accused,
            reporters,
        ) {
            (
                Some(kind),
                Some(unit),
                Some(subject),
                Some(content),
                Some(when_where),
                Some(received_on),
                Some(accused),
                Some(reporters),
            ) if errors.is_empty() => Ok(NewReport {
                kind,
                channel: draft.channel,
                unit,
                content: ReportContent {
                    subject,
                    content,
                    when_where,
                    accused,
                },
                reporters,
                wants_protection: draft.wants_protection,
                received_on,
            }),
            _ => Err(FieldErrors::from_vec(errors).expect("a missing field pushed an error")),
        }
    }

    /// Tố cáo, phản ánh or kiến nghị, as the reporter chose.
    pub fn kind(&self) -> ReportKind {
        self.kind
    }

    /// How the report arrived.
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// The unit the reporter chose; `None` sends it to the default intake unit.
    pub fn unit(&self) -> Option<&UnitCode> {
        self.unit.as_ref()
    }

    /// What the report says (to be encrypted under the case key).
    pub fn content(&self) -> &ReportContent {
        &self.content
    }

    /// Who made it (to be encrypted under the identity key); `None` if anonymous.
    pub fn reporters(&self) -> Option<&ReporterIdentities> {
        self.reporters.as_ref()
    }

    /// Whether the reporter stayed anonymous.
    pub fn is_anonymous(&self) -> bool {
        self.reporters.is_none()
    }

    /// Whether the reporter asked for protection now.
    pub fn wants_protection(&self) -> bool {
        self.wants_protection
    }

    /// The date of receipt, which starts the statutory clocks.
    pub fn received_on(&self) -> NaiveDate {
        self.received_on
    }

    /// The procedure the report falls under: an anonymous report is
    /// information for inspection, whatever kind was chosen (LTC Art. 25).
    pub fn handling(&self) -> Handling {
        match (self.is_anonymous(), self.kind) {
            (true, _) => Handling::InformationForInspection,
            (false, ReportKind::Denunciation) => Handling::FormalDenunciation,
            (false, ReportKind::Reflection) => Handling::Reflection,
            (false, ReportKind::Petition) => Handling::Petition,
        }
    }
}

/// Records a field's error and carries on, so every field is checked.
fn keep<T>(errors: &mut Vec<ReportFieldError>, result: Result<T, ReportFieldError>) -> Option<T> {
    result.map_err(|error| errors.push(error)).ok()
}

fn parse_unit(input: &str) -> Result<Option<UnitCode>, ReportFieldError> {
    let trimmed = input.trim();
    if UNKNOWN_UNIT
        .iter()
        .any(|word| trimmed.eq_ignore_ascii_case(word))
    {
        return Ok(None);
    }
    UnitCode::parse(trimmed).map(Some).map_err(|_| {
        ReportFieldError::new(
            "unit",
            "Mã đơn vị không hợp lệ; chọn một đơn vị trong danh sách hoặc \"Không biết\".",
            "Not a valid unit code; choose a unit from the list or \"I don't know\".",
        )
    })
}

fn parse_received_on(draft: &ReportDraft, today: NaiveDate) -> Result<NaiveDate, ReportFieldError> {
    if !draft.channel.is_staff() {
        return Ok(today);
    }
    let date = NaiveDate::parse_from_str(draft.received_on.trim(), "%Y-%m-%d").map_err(|_| {
        ReportFieldError::new(
            "received_on",
            "Nhập ngày tiếp nhận theo dạng NNNN-TT-NN.",
            "Enter the date received as YYYY-MM-DD.",
        )
    })?;
    if date > today {
        return Err(ReportFieldError::new(
            "received_on",
            "Ngày tiếp nhận không được ở tương lai.",
            "The date received cannot be in the future.",
        ));
    }
    if date < earliest_received_on() {
        return Err(ReportFieldError::new(
            "received_on",
            "Ngày tiếp nhận không được trước 01/01/2019 (ngày Luật Tố cáo 2018 có hiệu lực).",
            "The date received cannot be before 2019-01-01 (when the 2018 Law on Denunciation took effect).",
        ));
    }
    Ok(date)
}

fn parse_accused(draft: &ReportDraft, errors: &mut Vec<ReportFieldError>) -> Option<Vec<Accused>> {
    let rows: Vec<(usize, _)> = draft
        .accused
        .iter()
        .enumerate()
        .filter(|(_, row)| !row.is_blank())
        .collect();
    if rows.len() > ACCUSED_MAX {
        errors.push(ReportFieldError::new(
            "accused",
            format!("Tối đa {ACCUSED_MAX} người bị tố cáo trong một đơn."),
            format!("At most {ACCUSED_MAX} accused persons in one report."),
        ));
        return None;
    }
    let before = errors.len();
    let mut accused = Vec::with_capacity(rows.len());
    for (index, row) in rows {
        let field = |name: &str| format!("accused[{index}].{name}");
        let name = free_text::required(&field("name"), &row.name, NAME_MAX, Lines::Single);
        let position = free_text::optional(
            &field("position"),
            &row.position,
            POSITION_MAX,
            Lines::Single,
        );
        let organisation = free_text::optional(
            &field("organisation"),
            &row.organisation,
            POSITION_MAX,
            Lines::Single,
        );
        match (name, position, organisation) {
            (Ok(name), Ok(position), Ok(organisation)) => accused.push(Accused {
                name,
                position,
                organisation,
            }),
            (name, position, organisation) => {
                errors.extend(name.err());
                errors.extend(position.err());
                errors.extend(organisation.err());
            }
        }
    }
    (errors.len() == before).then_some(accused)
}

/// `Some(None)`: anonymous; `Some(Some(..))`: named; `None`: errors were pushed.
fn parse_reporters(
    draft: &ReportDraft,
    errors: &mut Vec<ReportFieldError>,
) -> Option<Option<ReporterIdentities>> {
    let Some(identity) = &draft.identity else {
        if draft.co_reporters.is_empty() {
            return Some(None);
        }
        errors.push(ReportFieldError::new(
            "identity",
            "Đơn có nhiều người ký phải có thông tin của người đại diện (Điều 23 Luật Tố cáo).",
            "A group petition must give its representative's identity (LTC Art. 23).",
        ));
        return None;
    };
    if 1 + draft.co_reporters.len() > REPORTERS_MAX {
        errors.push(ReportFieldError::new(
            "co_reporters",
            format!("Tối đa {REPORTERS_MAX} người ký, kể cả người đại diện."),
            format!("At most {REPORTERS_MAX} signatories, the representative included."),
        ));
        return None;
    }
    let representative = ReporterIdentity::parse("identity", identity, errors);
    let co_reporters: Vec<Option<ReporterIdentity>> = draft
        .co_reporters
        .iter()
        .enumerate()
        .map(|(index, person)| {
            ReporterIdentity::parse(&format!("co_reporters[{index}]"), person, errors)
        })
        .collect();
    let representative = representative?;
    let co_reporters = co_reporters.into_iter().collect::<Option<Vec<_>>>()?;
    Some(Some(ReporterIdentities {
        representative,
        co_reporters,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::report_draft::{AccusedDraft, IdentityDraft};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
    }

    fn good_draft() -> ReportDraft {
        ReportDraft {
            kind: "denunciation".into(),
            unit: "".into(),
            subject: "Sửa hồ sơ thầu".into(),
            content: "Hồ sơ thầu gói số 7 bị sửa sau khi mở thầu.".into(),
            when_where: "Tháng 2/2026, Sở Xây dựng".into(),
            accused: vec![AccusedDraft {
                name: "Lê Văn C".into(),
                position: "Phó giám đốc".into(),
                organisation: "Sở Xây dựng".into(),
            }],
            identity: None,
            co_reporters: vec![],
            wants_protection: false,
            channel: Channel::Web,
            received_on: String::new(),
        }
    }

    fn identity(name: &str) -> IdentityDraft {
        IdentityDraft {
            full_name: name.into(),
            id_number: "123456789".into(),
            ..IdentityDraft::default()
        }
    }

    fn fields(draft: &ReportDraft) -> Vec<String> {
        match NewReport::parse(draft, today()) {
            Ok(_) => vec![],
            Err(errors) => errors.iter().map(|e| e.field.clone()).collect(),
        }
    }

    #[test]
    fn an_anonymous_web_report_is_information_for_inspection_received_today() {
        let report = NewReport::parse(&good_draft(), today()).unwrap();
        assert!(report.is_anonymous());
        assert_eq!(report.handling(), Handling::InformationForInspection);
        assert_eq!(report.received_on(), today());
        assert_eq!(report.unit(), None);
        assert_eq!(report.content().accused.len(), 1);
        assert_eq!(
            report.content().accused[0].position.as_deref(),
            Some("Phó giám đốc")
        );
    }

    #[test]
    fn a_named_denunciation_is_formal_and_names_its_unit() {
        let mut draft = good_draft();
        draft.unit = "ttt".into();
        draft.identity = Some(identity("Nguyễn Văn A"));
        draft.wants_protection = true;
        let report = NewReport::parse(&draft, today()).unwrap();
        assert_eq!(report.handling(), Handling::FormalDenunciation);
        assert_eq!(report.unit().unwrap().as_str(), "TTT");
        assert!(report.wants_protection());
        assert_eq!(
            report.reporters().unwrap().representative.full_name,
            "Nguyễn Văn A"
        );
    }

    #[test]
    fn a_staff_letter_keeps_its_past_arrival_date() {
        let mut draft = good_draft();
        draft.channel = Channel::Letter;
        draft.received_on = "2025-12-30".into();
        let report = NewReport::parse(&draft, today()).unwrap();
        assert_eq!(
            report.received_on(),
            NaiveDate::from_ymd_opt(2025, 12, 30).unwrap()
        );
        assert_eq!(report.channel(), Channel::Letter);
    }

    #[test]
    fn a_web_report_ignores_a_typed_date() {
        let mut draft = good_draft();
        draft.received_on = "2020-01-01".into();
        assert_eq!(
            NewReport::parse(&draft, today()).unwrap().received_on(),
            today()
        );
    }

    #[test]
    fn blank_accused_rows_are_ignored() {
        let mut draft = good_draft();
        draft.accused.push(AccusedDraft::default());
        assert_eq!(
            NewReport::parse(&draft, today())
                .unwrap()
                .content()
                .accused
                .len(),
            1
        );
    }

    #[test]
    fn a_group_petition_has_one_representative_and_at_most_50_signatories() {
        let mut draft = good_draft();
        draft.identity = Some(identity("Đại diện"));
        draft.co_reporters = (0..49).map(|i| identity(&format!("Người {i}"))).collect();
        let report = NewReport::parse(&draft, today()).unwrap();
        assert_eq!(report.reporters().unwrap().co_reporters.len(), 49);
        draft.co_reporters.push(identity("Người thứ 51"));
        assert_eq!(fields(&draft), ["co_reporters"]);
        draft.co_reporters.truncate(2);
        draft.identity = None;
        assert_eq!(fields(&draft), ["identity"]);
    }

    type Edit = fn(&mut ReportDraft);

    #[test]
    fn each_bad_field_is_named() {
        let cases: &[(&str, Edit, &[&str])] = &[
            ("unknown kind", |d| d.kind = "complaint".into(), &["kind"]),
            ("empty kind", |d| d.kind = "".into(), &["kind"]),
            ("bad unit code", |d| d.unit = "a b".into(), &["unit"]),
            ("empty subject", |d| d.subject = "  ".into(), &["subject"]),
            (
                "long subject",
                |d| d.subject = "x".repeat(301),
                &["subject"],
            ),
            (
                "subject with newline",
                |d| d.subject = "a\nb".into(),
                &["subject"],
            ),
            ("empty content", |d| d.content = "".into(), &["content"]),
            (
                "long content",
                |d| d.content = "x".repeat(20_001),
                &["content"],
            ),
            (
                "long when/where",
                |d| d.when_where = "x".repeat(1_001),
                &["when_where"],
            ),
            (
                "accused without name",
                |d| d.accused[0].name = "".into(),
                &["accused[0].name"],
            ),
            (
                "second accused long organisation",
                |d| {
                    d.accused.push(AccusedDraft {
                        name: "B".into(),
                        position: "".into(),
                        organisation: "o".repeat(201),
                    })
                },
                &["accused[1].organisation"],
            ),
            (
                "too many accused",
                |d| {
                    d.accused = (0..21)
                        .map(|i| AccusedDraft {
                            name: format!("P{i}"),
                            ..AccusedDraft::default()
                        })
                        .collect()
                },
                &["accused"],
            ),
            (
                "bad identity",
                |d| {
                    d.identity = Some(IdentityDraft {
                        full_name: "".into(),
                        id_number: "123".into(),
                        address: "".into(),
                        phone: "".into(),
                    })
                },
                &["identity.full_name", "identity.id_number"],
            ),
            (
                "bad co-reporter",
                |d| {
                    d.identity = Some(identity("A"));
                    d.co_reporters = vec![
                        identity("B"),
                        IdentityDraft {
                            phone: "12".into(),
                            ..identity("C")
                        },
                    ];
                },
                &["co_reporters[1].phone"],
            ),
            (
                "staff date missing",
                |d| d.channel = Channel::Hotline,
                &["received_on"],
            ),
            (
                "staff date in the future",
                |d| {
                    d.channel = Channel::InPerson;
                    d.received_on = "2026-03-11".into();
                },
                &["received_on"],
            ),
            (
                "staff date before the law",
                |d| {
                    d.channel = Channel::Letter;
                    d.received_on = "2018-12-31".into();
                },
                &["received_on"],
            ),
            (
                "staff date malformed",
                |d| {
                    d.channel = Channel::Letter;
                    d.received_on = "10/03/2026".into();
                },
                &["received_on"],
            ),
        ];
        for (name, edit, expected) in cases {
            let mut draft = good_draft();
            edit(&mut draft);
            assert_eq!(fields(&draft), *expected, "{name}");
        }
    }

    #[test]
    fn all_errors_are_reported_at_once_in_form_order() {
        let mut draft = good_draft();
        draft.kind = "x".into();
        draft.subject = "".into();
        draft.content = "".into();
        draft.accused[0].name = "".into();
        draft.identity = Some(identity(""));
        let errors = NewReport::parse(&draft, today()).err().unwrap();
        assert_eq!(
            errors.fields(),
            [
                "kind",
                "subject",
                "content",
                "accused[0].name",
                "identity.full_name"
            ]
        );
        for error in errors.iter() {
            assert!(!error.message_vi.is_empty() && !error.message_en.is_empty());
        }
    }

    #[test]
    fn the_limits_themselves_are_accepted() {
        let mut draft = good_draft();
        draft.subject = "s".repeat(300);
        draft.content = "c".repeat(20_000);
        draft.when_where = "w".repeat(1_000);
        draft.accused = (0..20)
            .map(|i| AccusedDraft {
                name: format!("P{i}"),
                ..AccusedDraft::default()
            })
            .collect();
        draft.channel = Channel::Letter;
        draft.received_on = "2019-01-01".into();
        assert!(NewReport::parse(&draft, today()).is_ok());
    }
}
