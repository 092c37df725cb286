//! The people and bodies a document names, other than the denouncer.
//!
//! The denouncer has no type here on purpose: only the notice addressed to the denouncer
//! ([`crate::NonAcceptanceNotice`]) may name them, and it carries its own addressee type,
//! so that no other form can be handed an identity by mistake (LTC Art. 56).

/// How a person is addressed: "ông" (Mr) or "bà" (Ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Honorific {
    Ong,
    Ba,
}

impl Honorific {
    /// Inside a sentence: "ông", "bà".
    pub fn lower(self) -> &'static str {
        match self {
            Self::Ong => "ông",
            Self::Ba => "bà",
        }
    }

    /// At the start of a line: "Ông", "Bà".
    pub fn capitalised(self) -> &'static str {
        match self {
            Self::Ong => "Ông",
            Self::Ba => "Bà",
        }
    }
}

/// An official named in a document: the person denounced, a verifier, a person to be
/// disciplined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Official {
    pub honorific: Honorific,
    pub name: String,
    /// Position and workplace as the document should state them, e.g. "Trưởng phòng Kinh
    /// tế, Ủy ban nhân dân xã Thanh Sơn".
    pub position: String,
}

impl Official {
    /// "ông Trần Văn Bình, Trưởng phòng Kinh tế, Ủy ban nhân dân xã Thanh Sơn".
    pub fn describe(&self) -> String {
        if self.position.trim().is_empty() {
            format!("{} {}", self.honorific.lower(), self.name)
        } else {
            format!(
                "{} {}, {}",
                self.honorific.lower(),
                self.name,
                self.position
            )
        }
    }

    /// The same at the start of a line: "Ông Trần Văn Bình, …".
    pub(crate) fn describe_at_line_start(&self) -> String {
        let rest = self.describe();
        let rest = rest.strip_prefix(self.honorific.lower()).unwrap_or(&rest);
        format!("{}{rest}", self.honorific.capitalised())
    }

    pub(crate) fn is_complete(&self) -> bool {
        !self.name.trim().is_empty()
    }
}

/// Who is denounced: an official, or a body itself (LTC Art. 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accused {
    Official(Official),
    /// An agency or organisation, e.g. "Ban quản lý dự án xã Thanh Sơn".
    Body(String),
}

impl Accused {
    /// As it follows "đối với": "ông Trần Văn Bình, Trưởng phòng …" or the body's name.
    pub fn describe(&self) -> String {
        match self {
            Self::Official(official) => official.describe(),
            Self::Body(name) => name.clone(),
        }
    }

    pub(crate) fn is_complete(&self) -> bool {
        match self {
            Self::Official(official) => official.is_complete(),
            Self::Body(name) => !name.trim().is_empty(),
        }
    }
}
