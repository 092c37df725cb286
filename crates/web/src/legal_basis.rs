//! A deadline's legal basis as a page shows it: cited in the page's language
//! (Vietnamese unless `?lang=en`), and marked when its figure is unverified.

use crate::language::Language;

/// `basis_vi` or `basis_en` by `lang`, with "(số liệu chưa xác minh)" /
/// "(figure unverified)" after it when the rule's figure was not seen in a source.
pub fn basis_shown(lang: Language, basis_vi: &str, basis_en: &str, verified: bool) -> String {
    let basis = lang.pick(basis_vi, basis_en);
    if verified {
        basis.to_owned()
    } else {
        format!(
            "{basis} ({})",
            lang.pick("số liệu chưa xác minh", "figure unverified")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_basis_and_its_marker_follow_the_language() {
        let vi = "Khoản 1 Điều 24 Luật Tố cáo 2018";
        let en = "LTC Art. 24(1)";
        assert_eq!(basis_shown(Language::Vi, vi, en, true), vi);
        assert_eq!(basis_shown(Language::En, vi, en, true), en);
        assert_eq!(
            basis_shown(Language::Vi, vi, en, false),
            "Khoản 1 Điều 24 Luật Tố cáo 2018 (số liệu chưa xác minh)"
        );
        assert_eq!(
            basis_shown(Language::En, vi, en, false),
            "LTC Art. 24(1) (figure unverified)"
        );
    }
}
