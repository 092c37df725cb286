//! Row ids: 16 random bytes as lowercase hex, the same text on both backends.

use khien_vault::random::random_bytes;

/// Makes a fresh id. Random rather than sequential, so ids leak neither counts
/// nor order when they appear in URLs or audit entries.
pub(crate) fn new_id() -> String {
    hex::encode(random_bytes::<16>())
}

macro_rules! id_type {
    ($name:ident, $what:literal) => {
        #[doc = concat!("The id of ", $what, ".")]
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id read from the database or a URL. Only lowercase hex
            /// of 16 bytes is an id.
            pub fn parse(text: &str) -> Option<Self> {
                (text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
                    .then(|| Self(text.to_owned()))
            }

            pub(crate) fn new() -> Self {
                Self($crate::accounts::new_id())
            }

            pub(crate) fn from_column(text: String) -> Self {
                Self(text)
            }

            /// The id as stored.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

// The tripwire's ids are made the same way.
pub(crate) use id_type;

id_type!(UnitId, "a unit");
id_type!(UserId, "a staff user");
