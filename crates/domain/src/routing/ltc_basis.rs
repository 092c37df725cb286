//! A routing proposal's legal basis, built clause by clause in English and in
//! Vietnamese: "LTC Art. 12(1); Art. 13(1)" is "Khoản 1 Điều 12; khoản 1 Điều 13
//! Luật Tố cáo 2018".

use crate::rules::{capitalised, join_vi};

/// The basis under construction.
#[derive(Debug, Clone)]
pub(crate) struct LtcBasis {
    en: String,
    /// Clauses of the Law on Denunciation, cited once with the law's name at the end.
    ltc_vi: Vec<&'static str>,
    /// Citations of other instruments, after the law's.
    other_vi: Vec<&'static str>,
}

impl LtcBasis {
    /// Starts with a clause of the Law on Denunciation, e.g. ("Art. 12(1)",
    /// "khoản 1 Điều 12").
    pub(crate) fn ltc(en: &str, vi: &'static str) -> LtcBasis {
        LtcBasis {
            en: format!("LTC {en}"),
            ltc_vi: vec![vi],
            other_vi: Vec::new(),
        }
    }

    /// Adds another clause of the law, e.g. ("Art. 13(1)", "khoản 1 Điều 13").
    pub(crate) fn and(&mut self, en: &str, vi: &'static str) {
        self.en.push_str("; ");
        self.en.push_str(en);
        self.ltc_vi.push(vi);
    }

    /// Adds a citation of another instrument, written out in full in both languages.
    pub(crate) fn and_other(&mut self, en: &str, vi: &'static str) {
        self.en.push_str("; ");
        self.en.push_str(en);
        self.other_vi.push(vi);
    }

    /// The basis in English and in Vietnamese.
    pub(crate) fn finish(self) -> (String, String) {
        let ltc = capitalised(&format!("{} Luật Tố cáo 2018", self.ltc_vi.join("; ")));
        let mut parts = vec![ltc.as_str()];
        parts.extend(self.other_vi);
        (self.en, join_vi(&parts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_law_is_named_once_after_its_clauses_and_other_instruments_follow() {
        let mut basis = LtcBasis::ltc("Art. 12(1), para. 2", "đoạn 2 khoản 1 Điều 12");
        basis.and("Art. 13(3)(a)", "điểm a khoản 3 Điều 13");
        assert_eq!(
            basis.clone().finish(),
            (
                "LTC Art. 12(1), para. 2; Art. 13(3)(a)".to_owned(),
                "Đoạn 2 khoản 1 Điều 12; điểm a khoản 3 Điều 13 Luật Tố cáo 2018".to_owned()
            )
        );
        basis.and_other("Decree 141/2025/NĐ-CP", "Nghị định 141/2025/NĐ-CP");
        assert_eq!(
            basis.finish().1,
            "Đoạn 2 khoản 1 Điều 12; điểm a khoản 3 Điều 13 Luật Tố cáo 2018; Nghị định \
             141/2025/NĐ-CP"
        );
    }
}
