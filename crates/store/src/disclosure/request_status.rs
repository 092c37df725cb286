//! Where a request stands, from its timestamps.

use chrono::{DateTime, Utc};

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    /// Waiting for custodians.
    Pending,
    /// k custodians agreed; the requester may open the identity until it expires.
    Approved,
    /// A custodian refused.
    Refused,
    /// Past its expiry: it can be neither approved nor used.
    Expired,
}

impl RequestStatus {
    /// From a request's timestamps, as of `now`.
    pub fn at(
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
        approved: bool,
        refused: bool,
    ) -> RequestStatus {
        if refused {
            RequestStatus::Refused
        } else if now >= expires_at {
            RequestStatus::Expired
        } else if approved {
            RequestStatus::Approved
        } else {
            RequestStatus::Pending
        }
    }

    /// The code in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Approved => "approved",
            RequestStatus::Refused => "refused",
            RequestStatus::Expired => "expired",
        }
    }

    /// The Vietnamese label.
    pub fn label_vi(self) -> &'static str {
        match self {
            RequestStatus::Pending => "Chờ người giữ khóa",
            RequestStatus::Approved => "Đã đủ người giữ khóa đồng ý",
            RequestStatus::Refused => "Bị từ chối",
            RequestStatus::Expired => "Đã hết hạn",
        }
    }

    /// The English label.
    pub fn label_en(self) -> &'static str {
        match self {
            RequestStatus::Pending => "Waiting for custodians",
            RequestStatus::Approved => "Approved by enough custodians",
            RequestStatus::Refused => "Refused",
            RequestStatus::Expired => "Expired",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_wins_then_expiry_then_approval() {
        let now = Utc::now();
        let later = now + chrono::Duration::days(1);
        let earlier = now - chrono::Duration::days(1);
        assert_eq!(
            RequestStatus::at(now, later, false, false),
            RequestStatus::Pending
        );
        assert_eq!(
            RequestStatus::at(now, later, true, false),
            RequestStatus::Approved
        );
        assert_eq!(
            RequestStatus::at(now, earlier, true, false),
            RequestStatus::Expired
        );
        assert_eq!(
            RequestStatus::at(now, later, true, true),
            RequestStatus::Refused
        );
        assert_eq!(
            RequestStatus::at(now, now, false, false),
            RequestStatus::Expired
        );
    }
}
