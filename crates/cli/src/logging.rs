//! Logs go to stderr as text lines, or as JSON lines with `log_format = "json"`,
//! filtered by `KHIEN_LOG` / the `log` setting.
//! Nothing identifying a reporter is ever passed to a log macro; see khien-web's
//! request_log for what a request records.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::settings::LogFormat;

/// Installs the global log subscriber. An unparseable filter falls back to `info`
/// with a warning rather than refusing to start.
pub fn init(filter: &str, format: LogFormat) {
    let (filter, bad) = match EnvFilter::try_new(filter) {
        Ok(filter) => (filter, false),
        Err(_) => (EnvFilter::new("info"), true),
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    let _ = match format {
        // Colour codes only for a person at a terminal, never in a journal or a file.
        LogFormat::Text => builder
            .with_ansi(std::io::stderr().is_terminal())
            .try_init(),
        // One object a line, its span fields (method, route) included.
        LogFormat::Json => builder.json().with_current_span(true).try_init(),
    };
    if bad {
        tracing::warn!("the log filter setting is not valid; using \"info\"");
    }
}
