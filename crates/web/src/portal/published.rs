//! `/published`: the conclusions units have published (LTC Art. 40; NĐ31 Art. 6),
//! retaliation cases' first among them (Directive 27-CT/TW: retaliation is handled
//! strictly and the result made public). Only what each conclusion states —
//! tracking number, unit, dates, finding, measures — never who reported or what
//! the report said.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use khien_domain::outcomes::{finding_label_en, finding_label_vi};
use khien_store::outcomes::PublishedConclusion;
use serde::Deserialize;

use khien_documents::money::dong;

use crate::language::Language;
use crate::pages::render_page;
use crate::vietnam_time::today_in_vietnam;
use crate::{AppError, AppState};

/// How many conclusions a page lists.
pub const PAGE_SIZE: u32 = 200;

/// `?kind=retaliation` keeps only retaliation cases.
#[derive(Deserialize)]
pub struct PublishedQuery {
    #[serde(default)]
    kind: Option<String>,
}

impl PublishedQuery {
    /// Whether only retaliation cases are asked for; anything else is refused.
    pub fn retaliation_only(&self) -> Result<bool, AppError> {
        match self.kind.as_deref().map(str::trim) {
            None | Some("" | "all") => Ok(false),
            Some("retaliation") => Ok(true),
            Some(_) => Err(AppError::BadRequest {
                field: Some("kind"),
                message: "kind là all hoặc retaliation / kind is all or retaliation".into(),
            }),
        }
    }
}

/// The conclusions posted so far, newest first.
pub async fn published_conclusions(
    state: &AppState,
    query: &PublishedQuery,
) -> Result<(bool, Vec<PublishedConclusion>), AppError> {
    let retaliation_only = query.retaliation_only()?;
    let list = state
        .store
        .published_conclusions(today_in_vietnam(), retaliation_only, PAGE_SIZE)
        .await?;
    Ok((retaliation_only, list))
}

/// One conclusion as the page shows it.
pub struct PublishedRow {
    tracking_number: String,
    unit: String,
    retaliation: bool,
    finding: &'static str,
    measures: Vec<String>,
    amount_to_recover: Option<String>,
    persons_to_discipline: u32,
    concluded_on: String,
    period: String,
}

#[derive(Template)]
#[template(path = "portal/published.html")]
struct PublishedPage {
    lang: Language,
    retaliation_only: bool,
    rows: Vec<PublishedRow>,
}

/// The page.
pub async fn show(
    State(state): State<AppState>,
    lang: Language,
    Query(query): Query<PublishedQuery>,
) -> Result<Response, AppError> {
    let (retaliation_only, list) = published_conclusions(&state, &query).await?;
    let rows = list
        .into_iter()
        .map(|conclusion| PublishedRow {
            tracking_number: conclusion.tracking_number,
            unit: conclusion.unit_name,
            retaliation: conclusion.retaliation,
            finding: lang.pick(
                finding_label_vi(conclusion.finding),
                finding_label_en(conclusion.finding),
            ),
            measures: conclusion.measures,
            amount_to_recover: (conclusion.amount_to_recover_vnd > 0)
                .then(|| dong(conclusion.amount_to_recover_vnd)),
            persons_to_discipline: conclusion.persons_to_discipline,
            concluded_on: conclusion.concluded_on.format("%d/%m/%Y").to_string(),
            period: format!(
                "{} – {}",
                conclusion.published_from.format("%d/%m/%Y"),
                conclusion.published_until.format("%d/%m/%Y")
            ),
        })
        .collect();
    Ok(render_page(
        StatusCode::OK,
        &PublishedPage {
            lang,
            retaliation_only,
            rows,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::dong;

    #[test]
    fn amounts_are_grouped_by_thousands() {
        assert_eq!(dong(0), "0 đ");
        assert_eq!(dong(999), "999 đ");
        assert_eq!(dong(1000), "1.000 đ");
        assert_eq!(dong(120_000_000), "120.000.000 đ");
    }
}
