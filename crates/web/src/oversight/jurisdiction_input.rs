//! A jurisdiction as the API and the admin form give it, parsed at the boundary,
//! and the store's refusals as errors that name their field.

use khien_domain::accounts::UnitCode;
use khien_domain::oversight::Jurisdiction;
use khien_store::oversight::JurisdictionError;

use crate::AppError;

/// `whole_province`, or the codes of `subtrees`; each bad code names the field.
pub fn parse_jurisdiction(
    whole_province: bool,
    subtrees: &[String],
) -> Result<Jurisdiction<UnitCode>, AppError> {
    let codes: Vec<&str> = subtrees
        .iter()
        .map(|code| code.trim())
        .filter(|code| !code.is_empty())
        .collect();
    if whole_province {
        if !codes.is_empty() {
            return Err(AppError::BadRequest {
                field: Some("subtrees"),
                message: "chọn cả tỉnh hoặc danh sách đơn vị, không chọn cả hai / choose the \
                          whole province or a list of units, not both"
                    .into(),
            });
        }
        return Ok(Jurisdiction::WholeProvince);
    }
    codes
        .into_iter()
        .map(|code| {
            UnitCode::parse(code).map_err(|error| AppError::BadRequest {
                field: Some("subtrees"),
                message: format!("mã đơn vị không hợp lệ / invalid unit code: {error}"),
            })
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Jurisdiction::Subtrees)
}

/// The unit code in the path; a malformed one names `unit`.
pub fn parse_unit_code(code: &str) -> Result<UnitCode, AppError> {
    UnitCode::parse(code).map_err(|error| AppError::BadRequest {
        field: Some("unit"),
        message: format!("mã đơn vị không hợp lệ / invalid unit code: {error}"),
    })
}

/// The store's refusal as a 400 naming the field it concerns.
pub fn jurisdiction_failure(error: JurisdictionError) -> AppError {
    match error {
        JurisdictionError::UnknownUnit { field, .. } => AppError::BadRequest {
            field: Some(field),
            message: error.to_string(),
        },
        JurisdictionError::Rule(rule) => AppError::BadRequest {
            field: Some(match rule {
                khien_domain::oversight::JurisdictionRule::NotAnOversightBody => "unit",
                khien_domain::oversight::JurisdictionRule::NoSubtree => "subtrees",
            }),
            message: rule.message().into(),
        },
        JurisdictionError::Store(error) => error.into(),
    }
}
