//! The reminder job's configuration keys: `reminder_points`, `reminder_interval_seconds`,
//! `smtp_url`, `mail_from`, `public_url` (each also as `KHIEN_<KEY>`).

use std::time::Duration;

use khien_web::reminders::{ReminderSettings, SmtpSettings};

use crate::settings::{FileSettings, SettingsError};

/// The reminder settings from the environment (first) and the file.
pub fn resolve_reminders(
    file: &FileSettings,
    env: &impl Fn(&str) -> Option<String>,
) -> Result<ReminderSettings, SettingsError> {
    let mut settings = ReminderSettings::default();
    let pick = |key: &str, value: &Option<String>| -> Option<(String, String)> {
        let name = format!("KHIEN_{}", key.to_uppercase());
        env(&name)
            .map(|v| (v, name))
            .or_else(|| value.clone().map(|v| (v, format!("config key {key}"))))
    };
    if let Some((text, origin)) = pick("reminder_points", &file.reminder_points) {
        let mut points = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let point: u32 =
                part.parse()
                    .ok()
                    .filter(|p| *p <= 60)
                    .ok_or_else(|| SettingsError::BadValue {
                        origin: origin.clone(),
                        problem: format!("{part:?} is not a number of working days from 0 to 60"),
                    })?;
            points.push(point);
        }
        if points.is_empty() {
            return Err(SettingsError::BadValue {
                origin,
                problem: "give at least one point, e.g. \"3,0\"".into(),
            });
        }
        settings.points_working_days = points;
    }
    let interval = match env("KHIEN_REMINDER_INTERVAL_SECONDS") {
        Some(text) => Some((text, "KHIEN_REMINDER_INTERVAL_SECONDS".to_owned())),
        None => file.reminder_interval_seconds.map(|n| {
            (
                n.to_string(),
                "config key reminder_interval_seconds".to_owned(),
            )
        }),
    };
    if let Some((text, origin)) = interval {
        let seconds: u64 = text
            .parse()
            .ok()
            .filter(|n| (1..=86_400).contains(n))
            .ok_or(SettingsError::BadValue {
                origin,
                problem: "must be a number of seconds from 1 to 86400".into(),
            })?;
        settings.interval = Duration::from_secs(seconds);
    }
    let smtp_url = pick("smtp_url", &file.smtp_url);
    let mail_from = pick("mail_from", &file.mail_from);
    settings.smtp = match (smtp_url, mail_from) {
        (None, None) => None,
        (Some((url, _)), Some((from, from_origin))) => {
            if !looks_like_an_address(&from) {
                return Err(SettingsError::BadValue {
                    origin: from_origin,
                    problem: format!("{from:?} is not an email address"),
                });
            }
            Some(SmtpSettings { url, from })
        }
        (Some((_, origin)), None) => {
            return Err(SettingsError::BadValue {
                origin,
                problem: "mail_from (the sender address) is needed with smtp_url".into(),
            });
        }
        (None, Some((_, origin))) => {
            return Err(SettingsError::BadValue {
                origin,
                problem: "smtp_url is needed with mail_from".into(),
            });
        }
    };
    settings.public_url = pick("public_url", &file.public_url).map(|(url, _)| url);
    Ok(settings)
}

/// Just enough of an address check to catch a typo in the configuration: something
/// before and after one `@`, a dot in the host, no spaces. The mailer parses it fully.
fn looks_like_an_address(text: &str) -> bool {
    match text.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !host.contains('@')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn defaults_remind_three_days_before_and_on_the_day_without_email() {
        let settings = resolve_reminders(&FileSettings::default(), &with(&[])).unwrap();
        assert_eq!(settings.points_working_days, vec![3, 0]);
        assert_eq!(settings.smtp, None);
    }

    #[test]
    fn the_environment_wins_over_the_file_and_bad_values_name_their_origin() {
        let file = FileSettings {
            reminder_points: Some("5,1".into()),
            smtp_url: Some("smtp://relay:25".into()),
            mail_from: Some("khien@tinh.gov.vn".into()),
            ..FileSettings::default()
        };
        let settings = resolve_reminders(&file, &with(&[("KHIEN_REMINDER_POINTS", "2")])).unwrap();
        assert_eq!(settings.points_working_days, vec![2]);
        assert_eq!(settings.smtp.unwrap().url, "smtp://relay:25");
        let error =
            resolve_reminders(&file, &with(&[("KHIEN_REMINDER_POINTS", "ba")])).unwrap_err();
        assert!(
            error.to_string().starts_with("KHIEN_REMINDER_POINTS"),
            "{error}"
        );
        let lonely = FileSettings {
            smtp_url: Some("smtp://relay:25".into()),
            ..FileSettings::default()
        };
        let error = resolve_reminders(&lonely, &with(&[])).unwrap_err();
        assert!(error.to_string().contains("mail_from"), "{error}");
        let bad_from = FileSettings {
            mail_from: Some("not an address".into()),
            ..file
        };
        let error = resolve_reminders(&bad_from, &with(&[])).unwrap_err();
        assert!(
            error.to_string().starts_with("config key mail_from"),
            "{error}"
        );
    }
}
