//! `GET /api/v1/published`: the conclusions units have published, as the public
//! page `/published` lists them (`?kind=retaliation` for retaliation cases only).
//! Never who reported or what the report said.

use axum::Json;
use axum::extract::{Query, State};
use serde_json::{Value, json};

use crate::outcomes::publication_json;
use crate::portal::published::{PublishedQuery, published_conclusions};
use crate::{AppError, AppState};

/// The published conclusions, newest first.
pub async fn list(
    State(state): State<AppState>,
    Query(query): Query<PublishedQuery>,
) -> Result<Json<Value>, AppError> {
    let (_, list) = published_conclusions(&state, &query).await?;
    Ok(Json(json!({
        "conclusions": list.iter().map(publication_json).collect::<Vec<_>>(),
    })))
}
