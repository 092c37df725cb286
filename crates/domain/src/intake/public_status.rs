//! The status a reporter sees. The workflow issue adds stages; for now a case
//! is only ever "received".

/// A case's status as shown on the public side (no internal detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PublicStatus {
    /// The report is in the system and waits for initial processing.
    Received,
}

impl PublicStatus {
    /// The spelling in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            PublicStatus::Received => "received",
        }
    }

    /// The status in Vietnamese.
    pub fn label_vi(self) -> &'static str {
        match self {
            PublicStatus::Received => "Đã tiếp nhận",
        }
    }

    /// The status in English.
    pub fn label_en(self) -> &'static str {
        match self {
            PublicStatus::Received => "Received",
        }
    }

    /// What happens next, in Vietnamese (LTC Art. 24(1): 7 working days).
    pub fn next_step_vi(self) -> &'static str {
        match self {
            PublicStatus::Received => {
                "Cơ quan sẽ vào sổ, phân loại và xử lý ban đầu trong 7 ngày làm việc. \
                 Hãy quay lại bằng mã biên nhận để xem trả lời."
            }
        }
    }

    /// What happens next, in English.
    pub fn next_step_en(self) -> &'static str {
        match self {
            PublicStatus::Received => {
                "The agency registers, classifies and processes it within 7 working days. \
                 Come back with your receipt to read replies."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn received_has_words_in_both_languages() {
        let status = PublicStatus::Received;
        assert_eq!(status.as_str(), "received");
        assert_eq!(status.label_vi(), "Đã tiếp nhận");
        assert_eq!(status.label_en(), "Received");
        assert!(status.next_step_vi().contains("7 ngày làm việc"));
        assert!(status.next_step_en().contains("7 working days"));
    }
}
