//! The target must be this machine. The driver exists to measure a server we run,
//! not to flood someone else's, so any host other than `127.0.0.1`, `localhost` or
//! `::1` is refused before a single request is sent.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use reqwest::Url;
use url::Host;

/// Why a `--url` was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum TargetError {
    /// Not a URL at all.
    Unparsable(String),
    /// Not `http` (the driver speaks plain HTTP only: loopback needs no TLS).
    Scheme(String),
    /// A host that is not the loopback interface.
    NotLoopback(String),
    /// User name, password, query or fragment: nothing a base URL should carry.
    Extra(&'static str),
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetError::Unparsable(detail) => write!(f, "--url is not a URL: {detail}"),
            TargetError::Scheme(scheme) => write!(
                f,
                "--url must start with http:// (got {scheme}://); the driver speaks plain HTTP to a local server only"
            ),
            TargetError::NotLoopback(host) => write!(
                f,
                "--url host {host} is not this machine: khien-load only drives a server on \
                 127.0.0.1, localhost or [::1]"
            ),
            TargetError::Extra(what) => write!(f, "--url must not carry a {what}"),
        }
    }
}

impl std::error::Error for TargetError {}

/// A checked base URL on the loopback interface.
#[derive(Debug, Clone)]
pub struct LoopbackTarget {
    base: Url,
}

impl LoopbackTarget {
    /// Parses `text` and accepts it only if its host is 127.0.0.1, localhost or ::1.
    pub fn parse(text: &str) -> Result<LoopbackTarget, TargetError> {
        let url = Url::parse(text).map_err(|error| TargetError::Unparsable(error.to_string()))?;
        if url.scheme() != "http" {
            return Err(TargetError::Scheme(url.scheme().to_owned()));
        }
        let loopback = match url.host() {
            Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
            Some(Host::Ipv4(address)) => address == Ipv4Addr::LOCALHOST,
            Some(Host::Ipv6(address)) => address == Ipv6Addr::LOCALHOST,
            None => false,
        };
        if !loopback {
            let host = url.host_str().unwrap_or("(none)").to_owned();
            return Err(TargetError::NotLoopback(host));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(TargetError::Extra("user name or password"));
        }
        if url.query().is_some() {
            return Err(TargetError::Extra("query"));
        }
        if url.fragment().is_some() {
            return Err(TargetError::Extra("fragment"));
        }
        Ok(LoopbackTarget { base: url })
    }

    /// The absolute URL of `path` (which starts with `/`) on the target.
    pub fn endpoint(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.set_path(path);
        url
    }

    /// Whether the host is written as 127.0.0.1 (so IPv4 source addresses can
    /// reach it).
    pub fn is_ipv4(&self) -> bool {
        matches!(self.base.host(), Some(Host::Ipv4(_)))
    }

    /// The base URL as given (normalised).
    pub fn as_str(&self) -> &str {
        self.base.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_loopback_names_are_accepted() {
        for url in [
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/",
            "http://localhost:8080",
            "http://LOCALHOST",
            "http://[::1]:8080",
            "http://[0:0:0:0:0:0:0:1]:9000/",
        ] {
            assert!(LoopbackTarget::parse(url).is_ok(), "{url} was refused");
        }
    }

    #[test]
    fn any_other_host_is_refused_naming_it() {
        for (url, host) in [
            ("http://10.0.0.7:8080", "10.0.0.7"),
            ("http://0.0.0.0:8080", "0.0.0.0"),
            ("http://127.0.0.2:8080", "127.0.0.2"),
            ("http://192.168.1.1", "192.168.1.1"),
            ("http://example.org", "example.org"),
            ("http://localhost.example.org:8080", "localhost.example.org"),
            ("http://127.0.0.1.nip.io:8080", "127.0.0.1.nip.io"),
            ("http://[::2]:8080", "[::2]"),
            ("http://[::ffff:127.0.0.1]:8080", "[::ffff:7f00:1]"),
        ] {
            let refused = LoopbackTarget::parse(url).unwrap_err();
            assert_eq!(refused, TargetError::NotLoopback(host.into()), "{url}");
            assert!(
                refused.to_string().contains("is not this machine"),
                "{refused}"
            );
        }
    }

    #[test]
    fn a_host_hidden_behind_user_info_is_the_host_that_counts() {
        // `http://localhost@evil.example/` goes to evil.example.
        let refused = LoopbackTarget::parse("http://localhost@evil.example/").unwrap_err();
        assert_eq!(refused, TargetError::NotLoopback("evil.example".into()));
        let refused = LoopbackTarget::parse("http://someone@127.0.0.1:8080/").unwrap_err();
        assert_eq!(refused, TargetError::Extra("user name or password"));
    }

    #[test]
    fn other_schemes_and_non_urls_are_refused() {
        assert_eq!(
            LoopbackTarget::parse("https://127.0.0.1:8443").unwrap_err(),
            TargetError::Scheme("https".into())
        );
        assert!(matches!(
            LoopbackTarget::parse("127.0.0.1:8080").unwrap_err(),
            TargetError::Scheme(_) | TargetError::Unparsable(_)
        ));
        assert!(matches!(
            LoopbackTarget::parse("not a url").unwrap_err(),
            TargetError::Unparsable(_)
        ));
        assert!(matches!(
            LoopbackTarget::parse("file:///etc/passwd").unwrap_err(),
            TargetError::Scheme(_)
        ));
    }

    #[test]
    fn endpoints_replace_the_path() {
        let target = LoopbackTarget::parse("http://127.0.0.1:8080/anything").unwrap();
        assert_eq!(
            target.endpoint("/api/v1/reports").as_str(),
            "http://127.0.0.1:8080/api/v1/reports"
        );
    }
}
