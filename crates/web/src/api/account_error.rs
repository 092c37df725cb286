//! How account errors reach an API caller.

use khien_store::StoreError;
use khien_store::accounts::AccountError;

use crate::AppError;

/// Maps an account operation's failure to a response that names the field.
pub fn into_app_error(error: AccountError) -> AppError {
    match error {
        AccountError::UnknownUnit(code) => AppError::BadRequest {
            field: Some("unit"),
            message: format!("không có đơn vị / unknown unit {code}"),
        },
        AccountError::UnknownParent(code) => AppError::BadRequest {
            field: Some("parent"),
            message: format!("không có đơn vị cấp trên / unknown parent unit {code}"),
        },
        AccountError::UnknownUser(_) => AppError::NotFound,
        AccountError::WrongPassword => AppError::BadRequest {
            field: Some("old_password"),
            message: "mật khẩu hiện tại không đúng / the current password is wrong".into(),
        },
        AccountError::WrongRecoveryKey => AppError::Unauthorized,
        AccountError::NoKeyAccess => AppError::Forbidden,
        AccountError::Import { line, message } => AppError::BadRequest {
            field: None,
            message: format!("line {line}: {message}"),
        },
        AccountError::Store(StoreError::Conflict { constraint }) => {
            // The constraint names the column: units.code / users.username.
            let field = if constraint.contains("username") {
                Some("username")
            } else if constraint.contains("code") {
                Some("code")
            } else {
                None
            };
            AppError::Conflict {
                field,
                message: match field {
                    Some("username") => "tên đăng nhập đã có / username already taken".into(),
                    Some(_) => "mã đơn vị đã có / unit code already taken".into(),
                    None => "đã tồn tại / already exists".into(),
                },
            }
        }
        AccountError::Store(error) => error.into(),
        other => AppError::internal(other),
    }
}
