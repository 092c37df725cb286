//! Joining legal citations into one basis.

/// Joins Vietnamese citations with "; ", as in "Điều 30 Luật Tố cáo 2018; khoản 2
/// Điều 34 Luật Tố cáo 2018": a clause or point ("Khoản", "Điểm", "Đoạn") that
/// continues the list starts in lower case, as Vietnamese legal text writes it;
/// "Điều", "Luật", "Nghị định" keep their capital.
pub fn join_vi(parts: &[&str]) -> String {
    let mut joined = String::new();
    for (index, part) in parts.iter().enumerate() {
        if index == 0 {
            joined.push_str(part);
            continue;
        }
        joined.push_str("; ");
        match ["Khoản ", "Điểm ", "Đoạn "]
            .into_iter()
            .find(|word| part.starts_with(word))
        {
            Some(word) => {
                joined.push_str(&word.to_lowercase());
                joined.push_str(&part[word.len()..]);
            }
            None => joined.push_str(part),
        }
    }
    joined
}

/// `text` with its first letter in upper case, for a citation that opens a basis.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_continuing_clause_is_in_lower_case_and_an_article_keeps_its_capital() {
        assert_eq!(
            join_vi(&[
                "Điều 30 Luật Tố cáo 2018",
                "Khoản 2 Điều 34 Luật Tố cáo 2018"
            ]),
            "Điều 30 Luật Tố cáo 2018; khoản 2 Điều 34 Luật Tố cáo 2018"
        );
        assert_eq!(
            join_vi(&[
                "Khoản 1 Điều 24 Luật Tố cáo 2018",
                "Điều 14 Thông tư 05/2021/TT-TTCP"
            ]),
            "Khoản 1 Điều 24 Luật Tố cáo 2018; Điều 14 Thông tư 05/2021/TT-TTCP"
        );
        assert_eq!(
            capitalised("đoạn 2 khoản 1 Điều 12"),
            "Đoạn 2 khoản 1 Điều 12"
        );
        assert_eq!(capitalised(""), "");
    }
}
