//! Tests of the case file: every transition, every rejection, the deadline scenarios of
//! issue 6, JSON storage, and random histories.

mod deadline_scenarios;
mod forwarding_outside;
mod histories;
mod json_storage;
mod publication_on_time;
mod random_histories;
mod rejections;
mod transitions;
