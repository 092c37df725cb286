//! What the conclusion (kết luận, LTC Art. 35) finds.

use serde::{Deserialize, Serialize};

/// Whether the denunciation was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// Đúng.
    Correct,
    /// Đúng một phần.
    PartlyCorrect,
    /// Sai sự thật (Art. 35(2)(c)).
    False,
}

impl Finding {
    /// Whether the finding allows flagging the denouncer for the false-report track
    /// (DOMAIN.md §3): only a denunciation found wholly or partly untrue.
    pub fn allows_false_report_flag(self) -> bool {
        matches!(self, Finding::False | Finding::PartlyCorrect)
    }
}
