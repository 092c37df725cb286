//! The working-day calendar of an installation: the schedules shipped in the
//! binary plus any an administrator added as `calendars/*.toml` in the data
//! directory (a new year's official schedule needs no new release).

use std::path::Path;

use khien_calendar::{Calendar, OfficialSchedule};

/// A calendar file could not be used; the message names the file and the problem.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CalendarFilesError(String);

/// Builds the calendar from the built-in schedules and the data directory's files.
pub fn load_calendar(data_dir: &Path) -> Result<Calendar, CalendarFilesError> {
    let mut calendar = Calendar::builtin();
    let folder = data_dir.join("calendars");
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(calendar),
        Err(e) => {
            return Err(CalendarFilesError(format!(
                "cannot read {}: {e}",
                folder.display()
            )));
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| CalendarFilesError(format!("cannot read {}: {e}", folder.display())))?
            .path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut seen: Vec<(i32, &Path)> = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CalendarFilesError(format!("cannot read {}: {e}", path.display())))?;
        let schedule = OfficialSchedule::from_toml_str(&text)
            .map_err(|e| CalendarFilesError(format!("{}: {e}", path.display())))?;
        if let Some((_, other)) = seen.iter().find(|(year, _)| *year == schedule.year()) {
            return Err(CalendarFilesError(format!(
                "{}: year {} is already given by {}",
                path.display(),
                schedule.year(),
                other.display()
            )));
        }
        seen.push((schedule.year(), path));
        calendar.add_schedule(schedule);
    }
    Ok(calendar)
}
