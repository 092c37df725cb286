//! A staff member registers their own ID number and full name, for the
//! conflict-of-interest check. Only blind indexes are kept (see
//! [`crate::person_indexes`]): the ID number, and the name with the name of
//! the staff member's unit as it is now. Registering again replaces both.

use khien_domain::accounts::{FullName, NationalIdNumber};
use khien_store::conflict_of_interest::StaffIdentityIndexes;
use secrecy::{ExposeSecret, SecretString};

use crate::person_indexes::{national_id_index, staff_name_index};
use crate::staff_session::Staff;
use crate::{AppError, AppState};

/// Checks both fields (400 naming the first bad or missing one; the value is
/// never echoed) and stores their indexes.
pub async fn register_own_identity(
    state: &AppState,
    staff: &Staff,
    id_number: Option<&SecretString>,
    full_name: Option<&SecretString>,
) -> Result<(), AppError> {
    let number =
        NationalIdNumber::parse(typed(id_number)).map_err(|error| AppError::BadRequest {
            field: Some("id_number"),
            message: format!("id_number: {} / {}", error.message_vi(), error.message_en()),
        })?;
    let name = FullName::parse(typed(full_name)).map_err(|error| AppError::BadRequest {
        field: Some("full_name"),
        message: format!("full_name: Họ và tên gồm 1 đến 200 ký tự in được. / {error}"),
    })?;
    let unit = state
        .store
        .unit_by_id(&staff.user.unit_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let indexes = StaffIdentityIndexes {
        national_id: national_id_index(&state.server_secret, &number),
        name_in_unit: staff_name_index(&state.server_secret, &name, &unit.name),
    };
    state
        .store
        .register_staff_identity(&staff.actor(), &staff.user.id, &indexes)
        .await?;
    Ok(())
}

/// What was typed in a field, or nothing.
fn typed(field: Option<&SecretString>) -> &str {
    field.map_or("", |value| value.expose_secret())
}
