//! Row ids of protection decisions and check-ins, made like every id in the store.

use crate::accounts::id_type;

id_type!(ProtectionDecisionId, "a decision on a protection request");
id_type!(CheckInId, "a reporter's answer to a check-in");
