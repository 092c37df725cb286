//! The official schedules shipped with Khiên (DOMAIN.md §6), embedded at compile time.
//! One file per year under `crates/calendar/data/`, each naming its source.

use crate::official_schedule::OfficialSchedule;

/// The text of every shipped schedule file, with its name for error messages.
const FILES: [(&str, &str); 8] = [
    ("2019.toml", include_str!("../data/2019.toml")),
    ("2020.toml", include_str!("../data/2020.toml")),
    ("2021.toml", include_str!("../data/2021.toml")),
    ("2022.toml", include_str!("../data/2022.toml")),
    ("2023.toml", include_str!("../data/2023.toml")),
    ("2024.toml", include_str!("../data/2024.toml")),
    ("2025.toml", include_str!("../data/2025.toml")),
    ("2026.toml", include_str!("../data/2026.toml")),
];

/// Parses the shipped schedules.
///
/// Panics only if a shipped file is invalid, which `every_shipped_schedule_parses`
/// rules out before any release.
pub(crate) fn all() -> Vec<OfficialSchedule> {
    FILES
        .iter()
        .map(|(name, text)| {
            OfficialSchedule::from_toml_str(text)
                .unwrap_or_else(|e| panic!("shipped schedule data/{name} is invalid: {e}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_schedule_parses_and_is_named_after_its_year() {
        for (name, text) in FILES {
            let schedule = OfficialSchedule::from_toml_str(text)
                .unwrap_or_else(|e| panic!("data/{name}: {e}"));
            assert_eq!(name, format!("{}.toml", schedule.year()));
        }
    }
}
