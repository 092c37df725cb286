//! Row ids of the tripwire, made like every id in the store.

use crate::accounts::id_type;

id_type!(AlertId, "an alert");
id_type!(HrActionId, "a recorded HR decision");
id_type!(
    ProtectedIdNumberId,
    "a protected person's indexed ID number"
);
