//! Errors on console pages: an HTML page in the console's language, with an
//! incident id for internal failures (the cause goes to the log under that id).

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::AppError;
use crate::app_error::{log_internal, new_incident_id};
use crate::language::Language;
use crate::pages::render_page;

#[derive(Template)]
#[template(path = "console/message.html")]
struct MessagePage<'a> {
    lang: Language,
    heading: &'a str,
    message: &'a str,
    is_error: bool,
    incident: Option<String>,
}

#[derive(Template)]
#[template(path = "portal/message.html")]
struct PortalMessagePage<'a> {
    lang: Language,
    heading: &'a str,
    message: &'a str,
    is_error: bool,
    incident: Option<String>,
}

/// An [`AppError`] shown as a page, in the console's frame or the portal's.
pub struct PageError {
    error: AppError,
    lang: Language,
    portal: bool,
}

impl PageError {
    /// Wraps an error for a console page in `lang`.
    pub fn new(error: impl Into<AppError>, lang: Language) -> Self {
        Self {
            error: error.into(),
            lang,
            portal: false,
        }
    }

    /// Wraps an error for a portal page in `lang`.
    pub fn portal(error: impl Into<AppError>, lang: Language) -> Self {
        Self {
            error: error.into(),
            lang,
            portal: true,
        }
    }
}

/// Shorthand: `.map_err(page(lang))`.
pub fn page<E: Into<AppError>>(lang: Language) -> impl Fn(E) -> PageError {
    move |error| PageError::new(error, lang)
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let lang = self.lang;
        let (status, heading, message, incident) = match self.error {
            AppError::Unauthorized => return Redirect::to("/staff/login").into_response(),
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                lang.pick("Không tìm thấy", "Not found"),
                lang.pick("Không có mục này.", "There is no such item.")
                    .to_owned(),
                None,
            ),
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                lang.pick("Không có quyền", "Not permitted"),
                lang.pick(
                    "Vai trò của bạn không cho phép thao tác này.",
                    "Your role does not allow this.",
                )
                .to_owned(),
                None,
            ),
            AppError::NotReady => (
                StatusCode::SERVICE_UNAVAILABLE,
                lang.pick("Chưa nhận được báo cáo", "Reports cannot be received yet"),
                crate::app_error::NOT_READY_MESSAGE.to_owned(),
                None,
            ),
            AppError::Internal(error) => {
                let incident = new_incident_id();
                log_internal(&incident, error.as_ref());
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    lang.pick("Lỗi hệ thống", "Internal error"),
                    lang.pick(
                        "Đã có lỗi. Hãy báo mã sự cố dưới đây cho quản trị viên.",
                        "Something went wrong. Give the incident id below to the administrator.",
                    )
                    .to_owned(),
                    Some(incident),
                )
            }
            other => {
                let status = other.status();
                (
                    status,
                    lang.pick("Không thực hiện được", "Could not be done"),
                    other.to_string(),
                    None,
                )
            }
        };
        if self.portal {
            return render_page(
                status,
                &PortalMessagePage {
                    lang,
                    heading,
                    message: &message,
                    is_error: true,
                    incident,
                },
            );
        }
        render_page(
            status,
            &MessagePage {
                lang,
                heading,
                message: &message,
                is_error: true,
                incident,
            },
        )
    }
}
