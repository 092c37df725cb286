//! The report form as a page: the same form for the reporter on the portal and
//! for the intake officer (who also picks the channel, the date received and any
//! co-signatories). On an error it comes back with every field as typed (files
//! excepted) and each problem named.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use khien_domain::intake::{Channel, ReportFieldError, ReportKind};

use super::form_fields::FormFields;
use crate::form_cookie;
use crate::language::Language;
use crate::pages::render_page;
use crate::{AppError, AppState};

/// Fields as typed, for the form to show again.
#[derive(Default)]
pub struct FormEcho {
    channel: String,
    received_on: String,
    kind: String,
    unit: String,
    subject: String,
    content: String,
    when_where: String,
    accused: Vec<(String, String, String)>,
    identity_choice: String,
    full_name: String,
    id_number: String,
    address: String,
    phone: String,
    co_reporters: Vec<(String, String, String, String)>,
    wants_protection: bool,
    /// Shown again after a send or an "add a row" button: a browser never sends
    /// the chosen files back, so the page must say they have to be chosen again.
    rerendered: bool,
}

/// Spare rows a fresh form offers.
const BLANK_ACCUSED_ROWS: usize = 2;

impl FormEcho {
    /// A blank form.
    pub fn blank(staff_intake: bool) -> Self {
        Self {
            kind: ReportKind::Denunciation.as_str().to_owned(),
            channel: if staff_intake {
                Channel::Hotline.as_str().to_owned()
            } else {
                String::new()
            },
            received_on: if staff_intake {
                crate::vietnam_time::today_in_vietnam().to_string()
            } else {
                String::new()
            },
            accused: vec![Default::default(); BLANK_ACCUSED_ROWS],
            co_reporters: if staff_intake {
                vec![Default::default()]
            } else {
                Vec::new()
            },
            ..Self::default()
        }
    }

    /// The fields as sent; one more accused or co-signatory row when that button
    /// was pressed.
    pub fn from_fields(fields: &FormFields, staff_intake: bool) -> Self {
        let column = |name: &str| -> Vec<String> {
            fields.all(name).into_iter().map(str::to_owned).collect()
        };
        let (names, positions, organisations) = (
            column("accused_name"),
            column("accused_position"),
            column("accused_organisation"),
        );
        let mut accused: Vec<(String, String, String)> = (0..names.len().max(1))
            .map(|i| {
                (
                    names.get(i).cloned().unwrap_or_default(),
                    positions.get(i).cloned().unwrap_or_default(),
                    organisations.get(i).cloned().unwrap_or_default(),
                )
            })
            .collect();
        if fields.has("add_accused") {
            accused.push(Default::default());
        }
        let (co_names, co_ids, co_addresses, co_phones) = (
            column("co_full_name"),
            column("co_id_number"),
            column("co_address"),
            column("co_phone"),
        );
        let mut co_reporters: Vec<(String, String, String, String)> = (0..co_names.len())
            .map(|i| {
                (
                    co_names.get(i).cloned().unwrap_or_default(),
                    co_ids.get(i).cloned().unwrap_or_default(),
                    co_addresses.get(i).cloned().unwrap_or_default(),
                    co_phones.get(i).cloned().unwrap_or_default(),
                )
            })
            .collect();
        if staff_intake && (co_reporters.is_empty() || fields.has("add_co_reporter")) {
            co_reporters.push(Default::default());
        }
        Self {
            channel: fields.get("channel").to_owned(),
            received_on: fields.get("received_on").to_owned(),
            kind: fields.get("kind").to_owned(),
            unit: fields.get("unit").to_owned(),
            subject: fields.get("subject").to_owned(),
            content: fields.get("content").to_owned(),
            when_where: fields.get("when_where").to_owned(),
            accused,
            identity_choice: fields.get("identity_choice").to_owned(),
            full_name: fields.get("full_name").to_owned(),
            id_number: fields.get("id_number").to_owned(),
            address: fields.get("address").to_owned(),
            phone: fields.get("phone").to_owned(),
            co_reporters,
            wants_protection: fields.get("wants_protection") == "yes",
            rerendered: true,
        }
    }
}

#[derive(Template)]
#[template(path = "portal/report_form.html")]
struct ReportFormPage<'a> {
    lang: Language,
    csrf_token: &'a str,
    action: &'a str,
    staff_intake: bool,
    channels: Vec<(&'static str, &'static str)>,
    kinds: Vec<(&'static str, &'static str)>,
    units: Vec<(String, String)>,
    form: FormEcho,
    errors: Vec<(String, String)>,
}

/// Every unit as a choice in a form's list: its code, and its name indented by its
/// depth in the tree.
pub async fn unit_choices(state: &AppState) -> Result<Vec<(String, String)>, AppError> {
    Ok(state
        .store
        .list_units()
        .await?
        .into_iter()
        .map(|entry| {
            let indent = "— ".repeat(entry.depth);
            (
                entry.unit.code.as_str().to_owned(),
                format!("{indent}{}", entry.unit.name.as_str()),
            )
        })
        .collect())
}

/// Renders the form. `csrf_token` is the staff session's for the console; for
/// the portal a fresh form cookie is issued.
pub async fn form_page(
    state: &AppState,
    lang: Language,
    status: StatusCode,
    form: FormEcho,
    errors: &[ReportFieldError],
    staff_csrf: Option<&str>,
) -> Result<Response, AppError> {
    let units = unit_choices(state).await?;
    // The public sees, before sending, which units are not on Khiên yet.
    let units = match staff_csrf {
        Some(_) => units,
        None => super::offline_units::mark_offline_units(state, lang, units).await?,
    };
    let label = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let kinds = ReportKind::ALL
        .iter()
        .map(|kind| (kind.as_str(), label(kind.label_vi(), kind.label_en())))
        .collect();
    let channels = Channel::STAFF
        .iter()
        .map(|channel| {
            (
                channel.as_str(),
                label(channel.label_vi(), channel.label_en()),
            )
        })
        .collect();
    let errors = errors
        .iter()
        .map(|error| {
            (
                error.field.clone(),
                format!(
                    "{}: {}",
                    field_label(&error.field, lang),
                    lang.pick(&error.message_vi, &error.message_en)
                ),
            )
        })
        .collect();
    let staff_intake = staff_csrf.is_some();
    let mut page = ReportFormPage {
        lang,
        csrf_token: staff_csrf.unwrap_or_default(),
        action: match (staff_intake, lang) {
            (true, Language::En) => "/staff/intake?lang=en",
            (true, Language::Vi) => "/staff/intake",
            (false, Language::En) => "/report?lang=en",
            (false, Language::Vi) => "/report",
        },
        staff_intake,
        channels,
        kinds,
        units,
        form,
        errors,
    };
    if staff_intake {
        return Ok(render_page(status, &page));
    }
    let (token, cookie) = form_cookie::issue();
    page.csrf_token = &token;
    let mut response = render_page(status, &page);
    if let Ok(value) = cookie.parse() {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, value);
    }
    Ok(response)
}

/// The label a reporter sees for a field the domain names (`subject`,
/// `accused[1].name`, `identity.id_number`, `files[0]`); unknown names are shown as
/// they are.
fn field_label(field: &str, lang: Language) -> String {
    let (base, index) = match field.split_once('[') {
        Some((base, rest)) => (
            base,
            rest.split(']').next().and_then(|n| n.parse::<usize>().ok()),
        ),
        None => (field, None),
    };
    let leaf = field.rsplit('.').next().unwrap_or(field);
    let nth = index.map(|n| format!(" {}", n + 1)).unwrap_or_default();
    let pick = |vi: &str, en: &str| lang.pick(vi, en).to_owned();
    match (base, leaf) {
        ("kind", _) => pick("Loại nội dung", "Kind of report"),
        ("unit", _) => pick("Cơ quan, đơn vị", "Body"),
        ("subject", _) => pick("Tiêu đề", "Subject"),
        ("content", _) => pick("Nội dung sự việc", "What happened"),
        ("when_where", _) => pick("Thời gian, địa điểm", "When and where"),
        ("received_on", _) => pick("Ngày tiếp nhận", "Date received"),
        ("channel", _) => pick("Kênh tiếp nhận", "Channel"),
        ("files", _) => format!("{}{nth}", pick("Tệp", "File")),
        ("accused", "name") => format!(
            "{}{nth} — {}",
            pick("Người bị tố cáo", "Person"),
            pick("họ tên", "name")
        ),
        ("accused", "position") => format!(
            "{}{nth} — {}",
            pick("Người bị tố cáo", "Person"),
            pick("chức vụ", "position")
        ),
        ("accused", "organisation") => format!(
            "{}{nth} — {}",
            pick("Người bị tố cáo", "Person"),
            pick("cơ quan", "organisation")
        ),
        ("accused", _) => pick("Người bị phản ánh, tố cáo", "Persons reported"),
        (_, "full_name") => pick("Họ và tên", "Full name"),
        (_, "id_number") => pick("Số CCCD/CMND", "ID card number"),
        (_, "address") => pick("Địa chỉ", "Address"),
        (_, "phone") => pick("Điện thoại", "Phone"),
        _ => field.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_become_labels() {
        assert_eq!(field_label("subject", Language::Vi), "Tiêu đề");
        assert_eq!(field_label("files[0]", Language::En), "File 1");
        assert_eq!(
            field_label("accused[1].name", Language::Vi),
            "Người bị tố cáo 2 — họ tên"
        );
        assert_eq!(
            field_label("identity.id_number", Language::En),
            "ID card number"
        );
        assert_eq!(field_label("something_new", Language::Vi), "something_new");
    }
}
