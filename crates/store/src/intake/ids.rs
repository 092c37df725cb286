//! Row ids of intake: 16 random bytes as lowercase hex, like every id in the store.

use std::fmt;

use khien_vault::random::random_bytes;

macro_rules! intake_id {
    ($name:ident, $what:literal) => {
        #[doc = concat!("The id of ", $what, ".")]
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id from a URL or a form. Only lowercase hex of 16 bytes is an id.
            pub fn parse(text: &str) -> Option<Self> {
                (text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
                    .then(|| Self(text.to_owned()))
            }

            /// A fresh random id. Random rather than sequential, so ids leak
            /// neither how many cases there are nor their order.
            pub(crate) fn new() -> Self {
                Self(hex::encode(random_bytes::<16>()))
            }

            pub(crate) fn from_column(text: String) -> Self {
                Self(text)
            }

            /// The id as stored.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

intake_id!(CaseId, "a case");
intake_id!(MessageId, "a message in a case");
intake_id!(NotificationId, "a staff notification");
intake_id!(AttachmentId, "an attachment");
intake_id!(IdentityRequestId, "a request to see a reporter's identity");
