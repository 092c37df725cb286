//! `POST /staff/cases/{id}/actions`: a step of the workflow recorded from the case
//! page's forms. On success, back to the case's timeline; on a refusal, the case
//! page again with the rule that was broken.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};

use super::cases::case_page;
use super::page_error::{PageError, page};
use crate::case_workflow::{action_from_form, perform_action};
use crate::language::Language;
use crate::staff_session::CsrfForm;
use crate::{AppError, AppState};

/// Records the action the form names.
pub async fn record(
    State(state): State<AppState>,
    lang: Language,
    Path(id): Path<String>,
    CsrfForm { staff, form }: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let fields: Vec<(String, String)> = form
        .into_iter()
        .filter(|(name, _)| name != "csrf_token")
        .collect();
    let outcome = match action_from_form(&fields) {
        Ok(action) => perform_action(&state, &staff, &id, action)
            .await
            .map(|_| ()),
        Err(error) => Err(error),
    };
    match outcome {
        Ok(()) => Ok((
            StatusCode::SEE_OTHER,
            [(
                LOCATION,
                format!("/staff/cases/{id}{}#timeline", lang.query()),
            )],
        )
            .into_response()),
        Err(error @ (AppError::Conflict { .. } | AppError::BadRequest { .. })) => {
            let status = error.status();
            let message = error.to_string();
            case_page(&state, lang, &staff, &id, status, None, Some(message))
                .await
                .map_err(page(lang))
        }
        Err(other) => Err(PageError::new(other, lang)),
    }
}
