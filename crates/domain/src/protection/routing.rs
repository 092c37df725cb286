//! Which body decides on which part of a protection request (LTC Art. 49):
//! the proposal shown beside the request.

use super::{CompetentBody, ProtectedInterest};

/// One body's share of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutedBody {
    /// The body.
    pub body: CompetentBody,
    /// The interests it decides on.
    pub interests: Vec<ProtectedInterest>,
    /// Interests it decides on only when the person's job is within its own
    /// management (the resolving body and a job, LTC Art. 49); otherwise they
    /// are the staff-management body's alone.
    pub if_within_own_management: Vec<ProtectedInterest>,
}

/// The bodies that decide on `interests`, in [`CompetentBody::ALL`] order,
/// each with the interests that fall to it. Every interest falls to at least
/// one body; a job falls to two (the resolving body if it manages the person,
/// and the staff-management body).
pub fn route_request(interests: &[ProtectedInterest]) -> Vec<RoutedBody> {
    let mut routed: Vec<RoutedBody> = Vec::new();
    let mut add = |body: CompetentBody, interest: ProtectedInterest, conditional: bool| {
        let index = match routed.iter().position(|r| r.body == body) {
            Some(index) => index,
            None => {
                routed.push(RoutedBody {
                    body,
                    interests: Vec::new(),
                    if_within_own_management: Vec::new(),
                });
                routed.len() - 1
            }
        };
        let list = if conditional {
            &mut routed[index].if_within_own_management
        } else {
            &mut routed[index].interests
        };
        if !list.contains(&interest) {
            list.push(interest);
        }
    };
    for interest in ProtectedInterest::ALL {
        if !interests.contains(&interest) {
            continue;
        }
        match interest {
            ProtectedInterest::Confidentiality => {
                add(CompetentBody::ResolvingUnit, interest, false);
            }
            ProtectedInterest::Job => {
                add(CompetentBody::ResolvingUnit, interest, true);
                add(CompetentBody::StaffManagement, interest, false);
            }
            ProtectedInterest::Life
            | ProtectedInterest::Health
            | ProtectedInterest::Property
            | ProtectedInterest::Honour => add(CompetentBody::Police, interest, false),
        }
    }
    routed.sort_by_key(|r| r.body);
    routed
}

/// Whether the police decide on any part of the request.
pub fn police_decide(routed: &[RoutedBody]) -> bool {
    routed.iter().any(|r| r.body == CompetentBody::Police)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CompetentBody::*;
    use ProtectedInterest::*;

    /// (body, interests, interests only within its own management).
    type Share = (
        CompetentBody,
        Vec<ProtectedInterest>,
        Vec<ProtectedInterest>,
    );

    fn bodies(interests: &[ProtectedInterest]) -> Vec<Share> {
        route_request(interests)
            .into_iter()
            .map(|r| (r.body, r.interests, r.if_within_own_management))
            .collect()
    }

    #[test]
    fn the_routing_table_of_art_49() {
        let table: Vec<(&[ProtectedInterest], Vec<Share>)> = vec![
            (
                &[Confidentiality],
                vec![(ResolvingUnit, vec![Confidentiality], vec![])],
            ),
            (
                &[Job],
                vec![
                    (ResolvingUnit, vec![], vec![Job]),
                    (StaffManagement, vec![Job], vec![]),
                ],
            ),
            (&[Life], vec![(Police, vec![Life], vec![])]),
            (&[Health], vec![(Police, vec![Health], vec![])]),
            (&[Property], vec![(Police, vec![Property], vec![])]),
            (&[Honour], vec![(Police, vec![Honour], vec![])]),
            (
                &[Honour, Job, Confidentiality, Life],
                vec![
                    (ResolvingUnit, vec![Confidentiality], vec![Job]),
                    (Police, vec![Life, Honour], vec![]),
                    (StaffManagement, vec![Job], vec![]),
                ],
            ),
            (&[], vec![]),
        ];
        for (interests, expected) in table {
            assert_eq!(bodies(interests), expected, "{interests:?}");
        }
    }

    #[test]
    fn every_interest_reaches_a_body() {
        for interest in ProtectedInterest::ALL {
            let routed = route_request(&[interest]);
            assert!(
                routed.iter().any(|r| r.interests.contains(&interest)),
                "{interest:?}"
            );
        }
        assert!(police_decide(&route_request(&[Property])));
        assert!(!police_decide(&route_request(&[Job, Confidentiality])));
    }
}
