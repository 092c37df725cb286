//! A conclusion's finding in words, for the public page and the staff's forms.

use crate::case_file::Finding;

/// The finding in Vietnamese, as the law words it (LTC Art. 35(2)).
pub fn finding_label_vi(finding: Finding) -> &'static str {
    match finding {
        Finding::Correct => "Tố cáo đúng",
        Finding::PartlyCorrect => "Tố cáo đúng một phần",
        Finding::False => "Tố cáo sai sự thật",
    }
}

/// The finding in English.
pub fn finding_label_en(finding: Finding) -> &'static str {
    match finding {
        Finding::Correct => "The denunciation was correct",
        Finding::PartlyCorrect => "The denunciation was partly correct",
        Finding::False => "The denunciation was untrue",
    }
}
