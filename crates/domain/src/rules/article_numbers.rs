//! Test support: whether a Vietnamese citation names the same articles as the
//! English one it translates, so that a translation that drops, adds or mistypes
//! an article fails.

use std::collections::BTreeSet;

/// The article numbers after each `marker` ("Art." / "Arts" in English, "Điều" in
/// Vietnamese), with those of a list or range that follows ("Arts 51–52",
/// "Điều 51, 52"). Clause numbers in parentheses ("24(1)") are not articles.
fn numbers_after(text: &str, markers: &[&str]) -> BTreeSet<u32> {
    let mut found = BTreeSet::new();
    for marker in markers {
        for (start, _) in text.match_indices(marker) {
            let mut rest = text[start + marker.len()..].trim_start();
            loop {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let Ok(number) = digits.parse() else {
                    break;
                };
                found.insert(number);
                rest = &rest[digits.len()..];
                // Skip the clause numbers: "(1)", "(4)(a)".
                while let Some(after) = rest.strip_prefix('(') {
                    rest = after.split_once(')').map_or("", |(_, tail)| tail);
                }
                // Another article of the same list or range, or stop.
                let Some(next) = [", ", "–", "-", " và "]
                    .into_iter()
                    .find_map(|separator| rest.strip_prefix(separator))
                    .filter(|next| next.starts_with(|c: char| c.is_ascii_digit()))
                else {
                    break;
                };
                rest = next;
            }
        }
    }
    found
}

/// The articles an English citation names.
pub(crate) fn articles_en(basis: &str) -> BTreeSet<u32> {
    numbers_after(basis, &["Art.", "Arts"])
}

/// The articles a Vietnamese citation names.
pub(crate) fn articles_vi(basis: &str) -> BTreeSet<u32> {
    numbers_after(basis, &["Điều"])
}

/// Why `vi` does not translate `en`'s citation, or `None` when it does: it is
/// empty, still uses the English abbreviations, or names other articles.
pub(crate) fn translation_fault(en: &str, vi: &str) -> Option<String> {
    if vi.trim().is_empty() {
        return Some(format!("no Vietnamese basis for {en:?}"));
    }
    if ["Art.", "Arts", "LTC", "Circular", "Decree", "Law "]
        .iter()
        .any(|english| vi.contains(english))
    {
        return Some(format!("{vi:?} is not Vietnamese"));
    }
    let (wanted, cited) = (articles_en(en), articles_vi(vi));
    if wanted.is_empty() {
        return Some(format!("{en:?} names no article"));
    }
    (wanted != cited)
        .then(|| format!("{en:?} names articles {wanted:?} but {vi:?} names {cited:?}"))
}

#[test]
fn articles_are_read_from_both_languages() {
    let set = |numbers: &[u32]| numbers.iter().copied().collect::<BTreeSet<u32>>();
    assert_eq!(articles_en("LTC Art. 24(1)"), set(&[24]));
    assert_eq!(
        articles_en("LTC Art. 24(2); Circular 05/2021/TT-TTCP Art. 14"),
        set(&[24, 14])
    );
    assert_eq!(articles_en("LTC Art. 38(2)-(3)"), set(&[38]));
    assert_eq!(articles_en("LTC Arts 51–52 (\"kịp thời\")"), set(&[51, 52]));
    assert_eq!(
        articles_en("LTC Art. 12(1), para. 2; Art. 13(4)(a)"),
        set(&[12, 13])
    );
    assert_eq!(
        articles_vi("Khoản 2, khoản 3 Điều 38 Luật Tố cáo 2018"),
        set(&[38])
    );
    assert_eq!(articles_vi("Điều 51, 52 Luật Tố cáo 2018"), set(&[51, 52]));
    assert_eq!(
        articles_vi("Khoản 1 Điều 24 Luật Tố cáo 2018; Điều 14 Thông tư 05/2021/TT-TTCP"),
        set(&[24, 14])
    );
}

#[test]
fn a_wrong_or_untranslated_citation_is_a_fault() {
    assert_eq!(
        translation_fault("LTC Art. 24(1)", "Khoản 1 Điều 24 Luật Tố cáo 2018"),
        None
    );
    for vi in [
        "",
        "LTC Art. 24(1)",
        "Khoản 1 Điều 25 Luật Tố cáo 2018",
        "Khoản 1 Điều 24, Điều 26 Luật Tố cáo 2018",
        "Luật Tố cáo 2018",
    ] {
        assert!(translation_fault("LTC Art. 24(1)", vi).is_some(), "{vi:?}");
    }
    // "Điều 2" is not found inside "Điều 24".
    assert!(translation_fault("LTC Art. 2", "Điều 24 Luật Tố cáo 2018").is_some());
}
