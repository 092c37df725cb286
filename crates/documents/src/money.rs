//! Sums of money as Vietnamese write them: "125.000.000 đồng" in documents,
//! "125.000.000 đ" on screens (a dot as the thousands separator).

/// The digits of `amount` grouped by thousands with dots: "45.000.000".
pub fn grouped(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// An amount as a screen shows it: "45.000.000 đ".
pub fn dong(amount: u64) -> String {
    format!("{} đ", grouped(amount))
}

/// An amount as a document writes it: "45.000.000 đồng".
pub(crate) fn vnd(amount: u64) -> String {
    format!("{} đồng", grouped(amount))
}

#[cfg(test)]
mod tests {
    use super::{dong, grouped, vnd};

    #[test]
    fn groups_thousands_with_dots() {
        assert_eq!(vnd(0), "0 đồng");
        assert_eq!(vnd(999), "999 đồng");
        assert_eq!(vnd(1_000), "1.000 đồng");
        assert_eq!(vnd(125_000_000), "125.000.000 đồng");
        assert_eq!(vnd(1_234_567_890), "1.234.567.890 đồng");
        assert_eq!(grouped(12_345), "12.345");
        assert_eq!(dong(45_000_000), "45.000.000 đ");
        assert_eq!(dong(7), "7 đ");
    }
}
