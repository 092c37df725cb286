//! Blind indexes: keyed hashes of normalised values, so the database can find
//! "the same person" or "the same ID number" without holding either in clear.
//!
//! Equality only survives hashing if both sides were written the same way, so
//! values are normalised first ([`normalise`]): the same Vietnamese name typed
//! with or without diacritics, in any case, with stray spaces, gives one index.
//! Folding diacritics merges some distinct names (Lê and Lễ); for finding
//! repeated reports and conflicts of interest a few false matches that a person
//! then reviews are far better than missed ones.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use zeroize::Zeroizing;

use crate::server_secret::ServerSecret;

/// What kind of value is indexed. Each domain has its own HMAC label, so equal
/// text in two domains never gives equal indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlindIndexDomain {
    /// An accused person's name together with their organisation; build the
    /// value with [`person_in_organisation`].
    PersonNameOrganisation,
    /// A national ID number (CCCD, CMND): only its digits count.
    NationalId,
}

impl BlindIndexDomain {
    fn label(self) -> &'static str {
        match self {
            Self::PersonNameOrganisation => "khien-vault/blind-index/v1/person-name-organisation",
            Self::NationalId => "khien-vault/blind-index/v1/national-id",
        }
    }
}

/// The blind index of `value` in `domain`: HMAC-SHA256 under the server secret
/// of the normalised value.
///
/// A value that normalises to nothing (an empty name, an ID with no digits)
/// still gets an index, and all such values share it: callers should not index
/// values for which [`normalise`] returns an empty string.
pub fn blind_index(secret: &ServerSecret, domain: BlindIndexDomain, value: &str) -> [u8; 32] {
    let normalised = normalise(domain, value);
    secret.keyed_hash(domain.label(), normalised.as_bytes())
}

/// Joins a name and an organisation into one [`BlindIndexDomain::PersonNameOrganisation`]
/// value. A `|` inside either part becomes a space, so the separator cannot
/// be forged and ("A B", "C") never meets ("A", "B C").
pub fn person_in_organisation(name: &str, organisation: &str) -> Zeroizing<String> {
    let clean = |part: &str| part.replace('|', " ");
    Zeroizing::new(format!("{} | {}", clean(name), clean(organisation)))
}

/// Normalises a value before it is hashed.
///
/// Text: compatibility decomposition (NFKD, so full-width letters and ligatures
/// fold too), lower case, combining marks dropped (the Vietnamese tone and vowel
/// marks), đ/Đ read as d, invisible format characters and controls dropped, runs
/// of whitespace made one space, ends trimmed, and the result recomposed (NFC).
/// National IDs: the ASCII digits only, after the same decomposition so
/// full-width digits count.
pub fn normalise(domain: BlindIndexDomain, value: &str) -> Zeroizing<String> {
    match domain {
        BlindIndexDomain::PersonNameOrganisation => normalise_text(value),
        BlindIndexDomain::NationalId => {
            Zeroizing::new(value.nfkd().filter(char::is_ascii_digit).collect())
        }
    }
}

fn normalise_text(value: &str) -> Zeroizing<String> {
    let mut folded = Zeroizing::new(String::with_capacity(value.len()));
    let mut space_pending = false;
    // Lower-casing can itself produce combining marks (İ becomes i + U+0307),
    // so marks are dropped after lower-casing, not before.
    for c in value.nfkd().flat_map(char::to_lowercase) {
        if is_combining_mark(c) || is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            space_pending = !folded.is_empty();
            continue;
        }
        if space_pending {
            folded.push(' ');
            space_pending = false;
        }
        folded.push(fold_d(c));
    }
    Zeroizing::new(folded.nfc().collect())
}

/// Vietnamese đ is its own letter in Unicode, not d plus a mark, so it survives
/// decomposition; people typing without diacritics write d. Ð (Icelandic eth)
/// and Ɖ (African D) look the same in capitals and are typed for Đ by mistake.
fn fold_d(c: char) -> char {
    match c {
        'đ' | 'ð' | 'ɖ' => 'd',
        c => c,
    }
}

/// Controls and zero-width format characters that copy-paste brings along.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{feff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: BlindIndexDomain = BlindIndexDomain::PersonNameOrganisation;
    const ID: BlindIndexDomain = BlindIndexDomain::NationalId;

    fn text(value: &str) -> String {
        normalise(NAME, value).to_string()
    }

    #[test]
    fn vietnamese_names_fold_to_plain_lower_case() {
        assert_eq!(text("Nguyễn Văn  A"), "nguyen van a");
        assert_eq!(text("nguyen van a"), "nguyen van a");
        assert_eq!(text("ĐẶNG THỊ ĐÀO"), "dang thi dao");
        assert_eq!(text("Trần Quốc Tuấn"), "tran quoc tuan");
        assert_eq!(text("Lê Thị Ngọc Ánh"), "le thi ngoc anh");
        assert_eq!(text("Ủy ban nhân dân tỉnh"), "uy ban nhan dan tinh");
    }

    #[test]
    fn precomposed_and_decomposed_input_agree() {
        let precomposed = "Nguy\u{1ec5}n";
        let decomposed = "Nguy\u{0065}\u{0302}\u{0303}n";
        assert_ne!(precomposed, decomposed);
        assert_eq!(text(precomposed), text(decomposed));
        assert_eq!(text(precomposed), "nguyen");
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed_and_invisibles_dropped() {
        assert_eq!(text("  Sở \t Y tế\n"), "so y te");
        assert_eq!(text("Ng\u{200b}uyễn\u{00a0}Văn\u{feff} A"), "nguyen van a");
        assert_eq!(text("   "), "");
    }

    #[test]
    fn look_alike_capitals_and_compatibility_forms_fold() {
        assert_eq!(text("\u{00d0}\u{1ea0}NG"), "dang");
        assert_eq!(text("\u{0189}ANG"), "dang");
        assert_eq!(text("ＮＧＵＹＥＮ"), "nguyen");
        assert_eq!(text("İstanbul"), "istanbul");
    }

    #[test]
    fn national_ids_keep_digits_only() {
        assert_eq!(normalise(ID, " 001-098 012.345 ").as_str(), "001098012345");
        assert_eq!(
            normalise(ID, "００１０９８０１２３４５").as_str(),
            "001098012345"
        );
        assert_eq!(normalise(ID, "CCCD:").as_str(), "");
    }

    #[test]
    fn equal_after_normalisation_means_equal_index() {
        let secret = ServerSecret::from_bytes(&[9; 32]);
        assert_eq!(
            blind_index(&secret, NAME, "Nguyễn Văn  A"),
            blind_index(&secret, NAME, "nguyen van a")
        );
        assert_ne!(
            blind_index(&secret, NAME, "Nguyễn Văn A"),
            blind_index(&secret, NAME, "Nguyễn Văn B")
        );
        assert_eq!(
            blind_index(&secret, ID, "001 098 012 345"),
            blind_index(&secret, ID, "001098012345")
        );
    }

    #[test]
    fn domains_and_secrets_separate_indexes() {
        let secret = ServerSecret::from_bytes(&[9; 32]);
        assert_ne!(
            blind_index(&secret, NAME, "001098012345"),
            blind_index(&secret, ID, "001098012345")
        );
        assert_ne!(
            blind_index(&secret, ID, "001098012345"),
            blind_index(&ServerSecret::from_bytes(&[8; 32]), ID, "001098012345")
        );
    }

    #[test]
    fn a_person_is_indexed_with_their_organisation() {
        let secret = ServerSecret::from_bytes(&[9; 32]);
        let index = |name, organisation| {
            blind_index(&secret, NAME, &person_in_organisation(name, organisation))
        };
        assert_eq!(
            index("Nguyễn Văn A", "Sở Y tế"),
            index("NGUYEN VAN A", "so y te")
        );
        assert_ne!(
            index("Nguyễn Văn A", "Sở Y tế"),
            index("Nguyễn Văn A", "Sở Tài chính")
        );
        assert_ne!(index("A B", "C"), index("A", "B C"));
        assert_ne!(index("A | B", "C"), index("A", "B | C"));
        assert_eq!(
            text(&person_in_organisation("Trần  Văn B", "UBND xã")),
            "tran van b | ubnd xa"
        );
    }
}
