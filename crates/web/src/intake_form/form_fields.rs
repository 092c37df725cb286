//! The text fields of a submitted form, in the order they came.

/// Name–value pairs as the browser sent them; repeated names keep their order,
/// which is how rows (accused persons, co-signatories) are read back.
#[derive(Default)]
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    /// Adds a field.
    pub fn push(&mut self, name: String, value: String) {
        self.0.push((name, value));
    }

    /// The first value of a field, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
            .unwrap_or_default()
    }

    /// Every value of a repeated field, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(field, _)| field == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// Whether a field was sent at all (a pressed submit button, a ticked box).
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(field, _)| field == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_fields_keep_their_order() {
        let mut fields = FormFields::default();
        fields.push("a".into(), "1".into());
        fields.push("b".into(), "x".into());
        fields.push("a".into(), "2".into());
        assert_eq!(fields.get("a"), "1");
        assert_eq!(fields.all("a"), vec!["1", "2"]);
        assert_eq!(fields.get("missing"), "");
        assert!(fields.has("b"));
        assert!(!fields.has("c"));
    }
}
