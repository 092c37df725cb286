//! Text folded for matching what a reporter typed against the organisation tree.
//!
//! Reporters write "UBND xã An Phú", "Uỷ ban nhân dân xã An Phú," or "uy ban nhan
//! dan xa an phu" for one body. Folding makes these one string: lower case,
//! Vietnamese marks dropped, đ read as d, punctuation made a space, runs of
//! spaces made one, and the common abbreviations of administrative names
//! written out. The result is only compared, never shown.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Abbreviations written out when they stand as a whole word. Only ones that
/// cannot be an ordinary word: "CA" (công an) is also "cá", "cả".
const ABBREVIATIONS: [(&str, &str); 10] = [
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("ubkt", "uy ban kiem tra"),
    ("ubmttq", "uy ban mat tran to quoc"),
    ("tp", "thanh pho"),
    ("vks", "vien kiem sat"),
    ("vksnd", "vien kiem sat nhan dan"),
    ("tand", "toa an nhan dan"),
    ("bql", "ban quan ly"),
    ("cand", "cong an nhan dan"),
];

/// Folds `text` into space-separated lower-case ASCII-ish words (letters that
/// have no decomposition, such as CJK, are kept as they are).
pub fn fold(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    for c in text.nfkd().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'ð' | 'ɖ' => 'd',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        plain.push(c);
    }
    let mut folded = String::with_capacity(plain.len());
    for word in plain.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        let expanded = ABBREVIATIONS
            .iter()
            .find(|(short, _)| *short == word)
            .map_or(word, |(_, long)| long);
        folded.push_str(expanded);
    }
    folded
}

/// Whether `needle` occurs in `haystack` as whole words (both folded).
pub(crate) fn contains_words(haystack: &str, needle: &str) -> bool {
    word_position(haystack, needle).is_some()
}

/// The byte offset of the first whole-word occurrence of `needle` in `haystack`.
pub(crate) fn word_position(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = haystack[from..].find(needle) {
        let start = from + found;
        let end = start + needle.len();
        let starts_word = start == 0 || haystack.as_bytes()[start - 1] == b' ';
        let ends_word = end == haystack.len() || haystack.as_bytes()[end] == b' ';
        if starts_word && ends_word {
            return Some(start);
        }
        from = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_body_fold_to_one_string() {
        let expected = "uy ban nhan dan xa an phu";
        for typed in [
            "Ủy ban nhân dân xã An Phú",
            "Uỷ ban nhân dân xã An Phú,",
            "UBND xã An Phú",
            "  ubnd   XA an-phu ",
            "UY BAN NHAN DAN XA AN PHU",
        ] {
            assert_eq!(fold(typed), expected, "{typed}");
        }
        assert_eq!(fold("Sở Tài chính (tỉnh)"), "so tai chinh tinh");
        assert_eq!(fold("Đội trưởng"), "doi truong");
        assert_eq!(fold("TP. Hà Nội"), "thanh pho ha noi");
        assert_eq!(fold("ca tinh"), "ca tinh", "CA is not written out");
        assert_eq!(fold(" ,.- "), "");
    }

    #[test]
    fn words_are_found_only_whole() {
        assert!(contains_words("so tai chinh tinh", "tai chinh"));
        assert!(contains_words("so tai chinh", "so tai chinh"));
        assert!(!contains_words("so tai chinhx", "tai chinh"));
        assert!(!contains_words("giam doc", "am do"));
        assert_eq!(word_position("pho giam doc", "giam doc"), Some(4));
        assert_eq!(word_position("xgiam doc giam doc", "giam doc"), Some(10));
        assert!(!contains_words("abc", ""));
    }
}
