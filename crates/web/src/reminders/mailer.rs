//! Emailing notifications over SMTP. A mail says which case (by tracking number),
//! which step and when it is due, with a link to the console: never the content of
//! the case, never anything about the reporter. Emergency protection alarms go out
//! the same way, once per person and alarm.

use chrono::{DateTime, Utc};
use khien_store::protection::AlarmMail;
use khien_store::workflow::{NotificationKind, StaffNotification};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::SmtpSettings;
use crate::AppState;

/// Why mail could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The SMTP address or the sender is wrong.
    #[error("mail settings: {0}")]
    Settings(String),
    /// The relay refused or could not be reached.
    #[error("sending mail: {0}")]
    Send(#[from] lettre::transport::smtp::Error),
    /// A recipient address is malformed.
    #[error("an email address is malformed: {0}")]
    Address(#[from] lettre::address::AddressError),
    /// The message could not be built.
    #[error("building mail: {0}")]
    Build(#[from] lettre::error::Error),
}

/// An SMTP relay and the sender's address.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// Checks the settings and prepares the transport (no connection is made yet).
    pub fn new(settings: &SmtpSettings) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.url)
            .map_err(|error| MailError::Settings(format!("smtp url: {error}")))?
            .build();
        let from = settings
            .from
            .parse()
            .map_err(|error| MailError::Settings(format!("mail_from: {error}")))?;
        Ok(Mailer { transport, from })
    }

    /// Emails every notification that waits for it; how many went out. Stops at the
    /// first failure (the rest wait for the next run).
    pub async fn send_pending(
        &self,
        state: &AppState,
        public_url: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<usize, MailError> {
        let pending = state
            .store
            .notifications_to_email(100)
            .await
            .map_err(|error| MailError::Settings(error.to_string()))?;
        // Emergency alarms first: a reporter may be in danger.
        let mut sent = self.send_alarms(state, public_url, now).await?;
        for notification in pending {
            let Some(address) = notification.email.as_deref() else {
                continue;
            };
            let message = Message::builder()
                .from(self.from.clone())
                .to(address.parse()?)
                .subject(subject(&notification))
                .header(ContentType::TEXT_PLAIN)
                .body(body(&notification, public_url))?;
            self.transport.send(message).await?;
            state
                .store
                .mark_notification_emailed(&notification.id, now)
                .await
                .map_err(|error| MailError::Settings(error.to_string()))?;
            sent += 1;
        }
        Ok(sent)
    }
}

impl Mailer {
    /// Emails each open emergency alarm once to each person it was raised for.
    async fn send_alarms(
        &self,
        state: &AppState,
        public_url: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<usize, MailError> {
        let alarms = state
            .store
            .alarms_to_email(100)
            .await
            .map_err(|error| MailError::Settings(error.to_string()))?;
        let mut sent = 0;
        for alarm in alarms {
            let message = Message::builder()
                .from(self.from.clone())
                .to(alarm.email.parse()?)
                .subject(format!(
                    "[Khiên] KHẨN CẤP: đề nghị bảo vệ / URGENT: protection request: {}",
                    alarm.tracking_number
                ))
                .header(ContentType::TEXT_PLAIN)
                .body(alarm_body(&alarm, public_url))?;
            self.transport.send(message).await?;
            state
                .store
                .mark_alarm_emailed(&alarm.alert_id, &alarm.user_id, now)
                .await
                .map_err(|error| MailError::Settings(error.to_string()))?;
            sent += 1;
        }
        Ok(sent)
    }
}

/// Which case and since when, and where to act: nothing about the request itself.
fn alarm_body(alarm: &AlarmMail, public_url: Option<&str>) -> String {
    let since = (alarm.first_raised_at + chrono::Duration::hours(7)).format("%H:%M %d/%m/%Y");
    let link = public_url
        .map(|base| {
            format!(
                "\n\n{}/staff/cases/{}/protection\n",
                base.trim_end_matches('/'),
                alarm.case_id
            )
        })
        .unwrap_or_default();
    format!(
        "Hồ sơ {number} có đề nghị bảo vệ khẩn cấp từ {since} (giờ Việt Nam), chưa ai tiếp \
         nhận. Đề nghị xem và tiếp nhận ngay trên trang Cảnh báo.\n\n\
         Case {number} has an urgent protection request, raised at {since} (Vietnam time) \
         and not yet acknowledged. Please look at it and acknowledge it on the Alerts page \
         now.{link}",
        number = alarm.tracking_number
    )
}

fn subject(notification: &StaffNotification) -> String {
    let what = match notification.kind {
        NotificationKind::Reminder => "Nhắc hạn / Deadline reminder",
        NotificationKind::Overdue => "Quá hạn / Overdue",
        NotificationKind::Escalation => "Đơn vị cấp dưới quá hạn / Overdue below",
    };
    format!("[Khiên] {what}: {}", notification.tracking_number)
}

fn body(notification: &StaffNotification, public_url: Option<&str>) -> String {
    let due = notification.due.format("%d/%m/%Y");
    let step_vi = notification.deadline_kind.label_vi();
    let step_en = notification.deadline_kind.label_en();
    let (vi, en) = match notification.kind {
        NotificationKind::Reminder => (
            format!(
                "Hồ sơ {} — bước \"{step_vi}\" đến hạn ngày {due}.",
                notification.tracking_number
            ),
            format!(
                "Case {} — \"{step_en}\" is due on {due}.",
                notification.tracking_number
            ),
        ),
        NotificationKind::Overdue => (
            format!(
                "Hồ sơ {} — bước \"{step_vi}\" đã quá hạn từ ngày {due}.",
                notification.tracking_number
            ),
            format!(
                "Case {} — \"{step_en}\" has been overdue since {due}.",
                notification.tracking_number
            ),
        ),
        NotificationKind::Escalation => (
            format!(
                "Hồ sơ {} của đơn vị cấp dưới — bước \"{step_vi}\" đã quá hạn từ ngày {due}. \
                 Theo Điều 38 Luật Tố cáo, đề nghị yêu cầu đơn vị báo cáo trong 5 ngày làm việc.",
                notification.tracking_number
            ),
            format!(
                "Case {} of a unit below yours — \"{step_en}\" has been overdue since {due}. \
                 Under Art. 38 of the Law on Denunciation, require the unit to report within \
                 5 working days.",
                notification.tracking_number
            ),
        ),
    };
    let link = public_url
        .map(|base| {
            format!(
                "\n\n{}/staff/cases/{}\n",
                base.trim_end_matches('/'),
                notification.case_id
            )
        })
        .unwrap_or_default();
    format!("{vi}\n\n{en}{link}")
}
