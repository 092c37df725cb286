//! How many of a unit's custodians must agree before an identity opens (k).

use crate::intake::FieldErrors;

/// The most custodians one identity key can be split among (share ids are bytes).
pub const MAX_CUSTODIANS: u32 = 255;

/// A unit's custodian threshold, as an administrator may set it.
///
/// Never 1 unless the unit has exactly one custodian and the administrator
/// explicitly accepts that this one person alone can open every identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustodianThreshold {
    k: u8,
    single_custodian_accepted: bool,
}

impl CustodianThreshold {
    /// Checks a wanted threshold against the unit's current number of enabled
    /// custodians; errors name `threshold` or `accept_single_custodian`.
    pub fn parse(
        wanted: i64,
        accept_single_custodian: bool,
        custodians: usize,
    ) -> Result<CustodianThreshold, FieldErrors> {
        if !(1..=i64::from(MAX_CUSTODIANS)).contains(&wanted) {
            return Err(FieldErrors::single(
                "threshold",
                format!("Số người giữ khóa cần đồng ý phải từ 1 đến {MAX_CUSTODIANS}."),
                format!("The number of custodians who must agree is 1 to {MAX_CUSTODIANS}."),
            ));
        }
        if wanted == 1 {
            if custodians != 1 {
                return Err(FieldErrors::single(
                    "threshold",
                    "Chỉ được để một người giữ khóa tự mở danh tính khi đơn vị có đúng một người giữ khóa.",
                    "A single custodian may open identities alone only when the unit has exactly one custodian.",
                ));
            }
            if !accept_single_custodian {
                return Err(FieldErrors::single(
                    "accept_single_custodian",
                    "Hãy xác nhận rằng bạn chấp nhận để một người giữ khóa tự mở danh tính người tố cáo.",
                    "Confirm that you accept one custodian alone opening reporters' identities.",
                ));
            }
        }
        Ok(CustodianThreshold {
            k: u8::try_from(wanted).expect("checked above"),
            single_custodian_accepted: wanted == 1,
        })
    }

    /// A threshold read back from storage: k and whether k = 1 was accepted.
    /// `None` if the stored pair breaks the rule (k = 1 without acceptance).
    pub fn from_stored(k: i64, single_custodian_accepted: bool) -> Option<CustodianThreshold> {
        let k = u8::try_from(k).ok().filter(|k| *k >= 1)?;
        (k > 1 || single_custodian_accepted).then_some(CustodianThreshold {
            k,
            single_custodian_accepted: k == 1,
        })
    }

    /// k.
    pub fn get(self) -> usize {
        usize::from(self.k)
    }

    /// Whether an administrator accepted a single custodian (k = 1).
    pub fn single_custodian_accepted(self) -> bool {
        self.single_custodian_accepted
    }

    /// The k to split a new case's identity key with, given the unit's
    /// custodians now: an accepted k = 1 holds only while there is exactly one
    /// custodian; with more, `default` applies again.
    pub fn wanted_for(self, custodians: usize, default: usize) -> usize {
        if self.k == 1 && custodians != 1 {
            default
        } else {
            self.get()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_or_more_is_always_allowed() {
        let k = CustodianThreshold::parse(3, false, 5).unwrap();
        assert_eq!(k.get(), 3);
        assert!(!k.single_custodian_accepted());
        assert_eq!(k.wanted_for(5, 2), 3);
        // More than there are custodians is allowed: intake lowers it and records that.
        assert_eq!(CustodianThreshold::parse(4, false, 2).unwrap().get(), 4);
    }

    #[test]
    fn one_needs_a_single_custodian_and_an_explicit_acceptance() {
        assert_eq!(
            CustodianThreshold::parse(1, true, 2)
                .err()
                .unwrap()
                .fields(),
            ["threshold"]
        );
        assert_eq!(
            CustodianThreshold::parse(1, false, 1)
                .err()
                .unwrap()
                .fields(),
            ["accept_single_custodian"]
        );
        let one = CustodianThreshold::parse(1, true, 1).unwrap();
        assert!(one.single_custodian_accepted());
        assert_eq!(one.wanted_for(1, 2), 1);
        assert_eq!(
            one.wanted_for(3, 2),
            2,
            "a second custodian ends the exception"
        );
    }

    #[test]
    fn out_of_range_values_are_refused() {
        for k in [0, -1, 256] {
            assert_eq!(
                CustodianThreshold::parse(k, true, 1)
                    .err()
                    .unwrap()
                    .fields(),
                ["threshold"]
            );
        }
    }

    #[test]
    fn stored_values_must_keep_the_rule() {
        assert_eq!(CustodianThreshold::from_stored(2, false).unwrap().get(), 2);
        assert!(CustodianThreshold::from_stored(1, false).is_none());
        assert!(CustodianThreshold::from_stored(1, true).is_some());
        assert!(CustodianThreshold::from_stored(0, true).is_none());
    }
}
