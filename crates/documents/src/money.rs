//! Sums of money as Vietnamese documents write them: "125.000.000 đồng" (dot as the
//! thousands separator, the currency in words).

pub(crate) fn vnd(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 5);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out.push_str(" đồng");
    out
}

#[cfg(test)]
mod tests {
    use super::vnd;

    #[test]
    fn groups_thousands_with_dots() {
        assert_eq!(vnd(0), "0 đồng");
        assert_eq!(vnd(999), "999 đồng");
        assert_eq!(vnd(1_000), "1.000 đồng");
        assert_eq!(vnd(125_000_000), "125.000.000 đồng");
        assert_eq!(vnd(1_234_567_890), "1.234.567.890 đồng");
    }
}
