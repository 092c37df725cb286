//! A position named with its body ("Chánh Thanh tra" of "Thanh tra tỉnh Thanh Sơn"), as
//! the authority line of a decision names the resolver.
//!
//! Positions are often recorded with their body already in them ("Chánh Thanh tra tỉnh"),
//! and simply appending the body's name then prints it twice ("Chánh Thanh tra tỉnh Thanh
//! tra tỉnh"), which no official would sign. The words the position ends with and the body
//! begins with are therefore written once.

/// `position` followed by as much of `body` as it does not already say:
/// "Chánh Thanh tra" + "Thanh tra tỉnh" → "Chánh Thanh tra tỉnh";
/// "Chánh Thanh tra tỉnh" + "Thanh tra tỉnh" → "Chánh Thanh tra tỉnh";
/// "Chủ tịch" + "Ủy ban nhân dân tỉnh" → "Chủ tịch Ủy ban nhân dân tỉnh".
/// Words compare without regard to case.
pub fn title_with_body(position: &str, body: &str) -> String {
    let position: Vec<&str> = position.split_whitespace().collect();
    let body: Vec<&str> = body.split_whitespace().collect();
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    // The body already stands whole inside the position.
    let contains_body = !body.is_empty()
        && position
            .windows(body.len())
            .any(|window| window.iter().zip(&body).all(|(a, b)| same(a, b)));
    if contains_body {
        return position.join(" ");
    }
    // The longest run of words ending the position that also starts the body.
    let overlap = (1..=position.len().min(body.len()))
        .rev()
        .find(|&k| {
            position[position.len() - k..]
                .iter()
                .zip(&body[..k])
                .all(|(a, b)| same(a, b))
        })
        .unwrap_or(0);
    position
        .iter()
        .chain(&body[overlap..])
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_position_that_names_its_body_is_not_followed_by_the_name_again() {
        assert_eq!(
            title_with_body("Chánh Thanh tra tỉnh", "Thanh tra tỉnh"),
            "Chánh Thanh tra tỉnh"
        );
        assert_eq!(
            title_with_body("Chánh Thanh tra tỉnh Thanh Sơn", "Thanh tra tỉnh Thanh Sơn"),
            "Chánh Thanh tra tỉnh Thanh Sơn"
        );
        assert_eq!(
            title_with_body("Trưởng Ban Nội chính Tỉnh ủy", "Ban Nội chính"),
            "Trưởng Ban Nội chính Tỉnh ủy"
        );
    }

    #[test]
    fn shared_words_are_written_once() {
        assert_eq!(
            title_with_body("Chánh Thanh tra", "Thanh tra tỉnh Thanh Sơn"),
            "Chánh Thanh tra tỉnh Thanh Sơn"
        );
        assert_eq!(
            title_with_body("Chánh thanh tra", "Thanh tra tỉnh"),
            "Chánh thanh tra tỉnh"
        );
    }

    #[test]
    fn a_position_without_its_body_is_followed_by_it() {
        assert_eq!(
            title_with_body("Chủ tịch", "Ủy ban nhân dân tỉnh Thanh Sơn"),
            "Chủ tịch Ủy ban nhân dân tỉnh Thanh Sơn"
        );
        assert_eq!(title_with_body("  Chủ tịch ", ""), "Chủ tịch");
    }
}
