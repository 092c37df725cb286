//! Running the reminder job in the background of the server.

use std::time::Instant;

use chrono::Utc;
use tokio::task::JoinHandle;

use super::{Mailer, ReminderSettings, run_reminders};
use crate::vietnam_time::today_in_vietnam;
use crate::{AppState, server_metrics};

/// Starts the job: a run at once, then one every `settings.interval`. Failures are
/// logged and retried at the next run; the server goes on.
pub fn spawn_reminder_job(state: AppState, settings: ReminderSettings) -> JoinHandle<()> {
    let mailer = settings.smtp.as_ref().map(Mailer::new).transpose();
    tokio::spawn(async move {
        let mailer = match mailer {
            Ok(mailer) => mailer,
            Err(error) => {
                tracing::error!(cause = %error, "reminder emails are off: the mail settings are wrong");
                None
            }
        };
        let mut ticks = tokio::time::interval(settings.interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let started = Instant::now();
            let ran = run_reminders(&state, &settings, today_in_vietnam(), Utc::now()).await;
            metrics::histogram!(server_metrics::REMINDER_DURATION)
                .record(started.elapsed().as_secs_f64());
            let outcome = if ran.is_ok() { "ok" } else { "failed" };
            metrics::counter!(server_metrics::REMINDER_RUNS, "outcome" => outcome).increment(1);
            if let Ok(run) = &ran {
                metrics::counter!(server_metrics::NOTIFICATIONS)
                    .increment(run.notifications as u64);
            }
            match ran {
                Ok(run) if run.notifications > 0 || run.clocks > 0 || run.alarms > 0 => {
                    tracing::info!(
                        notifications = run.notifications,
                        clocks = run.clocks,
                        alarms = run.alarms,
                        "reminder run"
                    )
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(cause = %error, "reminder run failed"),
            }
            if let Some(mailer) = &mailer {
                match mailer
                    .send_pending(&state, settings.public_url.as_deref(), Utc::now())
                    .await
                {
                    Ok(0) => {}
                    Ok(sent) => {
                        metrics::counter!(server_metrics::EMAILS, "outcome" => "sent")
                            .increment(sent as u64);
                        tracing::info!(sent, "reminder emails sent")
                    }
                    Err(error) => {
                        metrics::counter!(server_metrics::EMAILS, "outcome" => "failed")
                            .increment(1);
                        tracing::warn!(cause = %error, "reminder emails failed")
                    }
                }
            }
        }
    })
}
