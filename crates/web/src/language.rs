//! The page language: Vietnamese first, English second.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

/// A language the pages are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Language {
    /// Tiếng Việt, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Language {
    /// The `lang` attribute of the page.
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }

    /// What a link or redirect adds to keep this language: `?lang=en` or nothing.
    pub fn query(self) -> &'static str {
        match self {
            Language::Vi => "",
            Language::En => "?lang=en",
        }
    }

    /// Picks a text by language.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Language::Vi => vi,
            Language::En => en,
        }
    }
}

/// The language is chosen by `?lang=en` on the link, so the switch works without
/// JavaScript or cookies and a shared link keeps its language.
impl<S: Send + Sync> FromRequestParts<S> for Language {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        let english = query.split('&').any(|pair| pair == "lang=en");
        Ok(if english { Language::En } else { Language::Vi })
    }
}
