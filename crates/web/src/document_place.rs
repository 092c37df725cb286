//! What an issuing unit's documents take from the unit itself: the place of the date line
//! and the numbering system of its letterhead (state or party).

use khien_documents::{DocumentNumber, NumberingSystem};
use khien_store::accounts::Unit;

use crate::AppState;

/// The words after which a unit's name gives the place it sits in ("Thanh tra tỉnh Thanh
/// Sơn" sits in Thanh Sơn). Longest first, so "thành phố" is not read as something else.
const PLACE_MARKERS: [&str; 6] = ["thành phố ", "tỉnh ", "huyện ", "thị xã ", "xã ", "phường "];

/// The place name of the date line ("Thanh Sơn, ngày …"), never the body's own name
/// when a place can be found: the configured `document_place`, else the place the unit's
/// or its superior's name says it sits in. Only a unit whose name names no place falls
/// back to its name, so that a document can still be produced.
pub fn place_of(state: &AppState, unit: &Unit, superior: Option<&Unit>) -> String {
    if let Some(place) = state.document_place.as_deref() {
        return place.to_owned();
    }
    std::iter::once(unit)
        .chain(superior)
        .find_map(|body| place_in_name(body.name.as_str()))
        .unwrap_or_else(|| unit.name.as_str().to_owned())
}

/// "Thanh Sơn" of "Thanh tra tỉnh Thanh Sơn"; none for "Ban Nội chính Tỉnh ủy".
fn place_in_name(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    PLACE_MARKERS.iter().find_map(|marker| {
        // Only at a word's start: "xã " must not match inside "thị xã ".
        let at = lower
            .match_indices(marker)
            .map(|(at, _)| at)
            .find(|&at| at == 0 || lower[..at].ends_with(' '))?;
        let place = name.get(at + marker.len()..)?.trim();
        // A place name is capitalised; "tỉnh ủy" is a body, not a place.
        place
            .chars()
            .next()
            .filter(|first| first.is_uppercase())
            .map(|_| place.to_owned())
    })
}

/// `number` as `unit` prints it: a party body (Tỉnh ủy, Ủy ban Kiểm tra, Ban Nội chính)
/// numbers in the party's system under its party abbreviation, a state body in the state
/// system under its code. The abbreviation is the unit's code until units carry a setting
/// of their own.
pub fn numbering_of(unit: &Unit, number: DocumentNumber) -> DocumentNumber {
    let system = if unit.kind.is_party_body() {
        NumberingSystem::Party
    } else {
        NumberingSystem::State
    };
    DocumentNumber {
        issuer_symbol: unit.code.as_str().to_owned(),
        ..number
    }
    .in_system(system)
}

#[cfg(test)]
mod tests {
    use super::place_in_name;

    #[test]
    fn the_place_is_read_from_the_name_not_the_name_itself() {
        assert_eq!(
            place_in_name("Thanh tra tỉnh Thanh Sơn").as_deref(),
            Some("Thanh Sơn")
        );
        assert_eq!(
            place_in_name("Ủy ban nhân dân thành phố Việt Trì").as_deref(),
            Some("Việt Trì")
        );
        assert_eq!(
            place_in_name("Ủy ban nhân dân thị xã Phú Thọ").as_deref(),
            Some("Phú Thọ")
        );
        assert_eq!(place_in_name("Ban Nội chính Tỉnh ủy"), None);
        assert_eq!(place_in_name("Đơn vị TTT"), None);
    }
}
