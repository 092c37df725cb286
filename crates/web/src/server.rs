//! The router and the server loop.
//!
//! Every route is listed once, in [`routes`]; the router is built from that list and
//! the authorisation-matrix test reads the same list, so a route cannot be added
//! without the test noticing that it has no row.

use std::future::Future;
use std::net::SocketAddr;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{MethodRouter, get, post, put};
use tokio::net::TcpListener;

use crate::{
    AppState, api, console, health, oversight, pages, portal, reporting, request_log,
    security_headers, server_metrics, static_assets,
};

/// Every route: its path and its handlers.
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        // Public portal and operations.
        ("/", get(pages::home::show)),
        ("/healthz", get(health::healthz)),
        ("/readyz", get(health::readyz)),
        ("/static/{*path}", get(static_assets::serve)),
        ("/favicon.ico", get(static_assets::favicon)),
        ("/legal", get(pages::legal::show)),
        ("/report/new", get(portal::report::show)),
        (
            "/report",
            post(portal::report::submit_form).layer(upload_limit()),
        ),
        ("/report/proof", post(portal::proof::download)),
        (
            "/follow-up",
            get(portal::follow_up::show_login).post(portal::follow_up::submit_login),
        ),
        ("/follow-up/case", get(portal::follow_up::show_case)),
        (
            "/follow-up/messages",
            post(portal::follow_up::add_message).layer(upload_limit()),
        ),
        (
            "/follow-up/attachments/{id}",
            get(portal::follow_up::attachment),
        ),
        (
            "/follow-up/protection",
            post(portal::protection::request_protection),
        ),
        (
            "/follow-up/retaliation",
            post(portal::protection::report_retaliation),
        ),
        ("/follow-up/check-ins", post(portal::check_ins::answer)),
        ("/follow-up/leave", post(portal::follow_up::leave)),
        (
            "/follow-up/rewards/{id}/response",
            post(portal::rewards::answer),
        ),
        ("/retaliation/new", get(portal::retaliation::show)),
        ("/retaliation", post(portal::retaliation::submit)),
        ("/published", get(portal::published::show)),
        // Staff console.
        (
            "/staff/login",
            get(console::login::show).post(console::login::submit),
        ),
        ("/staff/logout", post(console::login::logout)),
        ("/staff", get(console::home::show)),
        ("/staff/inbox", get(console::cases::inbox)),
        ("/staff/cases/{id}", get(console::cases::show)),
        (
            "/staff/cases/{id}/actions",
            post(console::case_actions::record),
        ),
        (
            "/staff/cases/{id}/messages",
            post(console::cases::reply).layer(upload_limit()),
        ),
        (
            "/staff/cases/{id}/attachments/{attachment_id}",
            get(console::cases::attachment),
        ),
        (
            "/staff/cases/{id}/documents",
            post(console::case_documents::issue),
        ),
        (
            "/staff/cases/{id}/documents/{doc_id}",
            get(console::case_documents::download),
        ),
        (
            "/staff/cases/{id}/identity",
            get(console::case_identity::show).post(console::case_identity::submit),
        ),
        (
            "/staff/identity-requests",
            get(console::identity_requests::show),
        ),
        (
            "/staff/identity-requests/{id}/approve",
            post(console::identity_requests::approve),
        ),
        (
            "/staff/identity-requests/{id}/refuse",
            post(console::identity_requests::refuse),
        ),
        (
            "/staff/identity-reshares",
            post(console::identity_requests::reshare),
        ),
        (
            "/staff/intake",
            get(console::intake::show)
                .post(console::intake::submit_form)
                .layer(upload_limit()),
        ),
        (
            "/staff/hr-actions",
            get(console::hr_actions::show).post(console::hr_actions::submit),
        ),
        ("/staff/alerts", get(console::alerts::show)),
        ("/staff/oversight", get(oversight::console::show)),
        ("/staff/reports", get(reporting::console::show)),
        (
            "/staff/reports/submissions",
            post(reporting::console::submit),
        ),
        (
            "/staff/reports/{period}/document",
            get(reporting::console::document),
        ),
        ("/staff/protection", get(console::protection_board::show)),
        (
            "/staff/cases/{id}/protection",
            get(console::case_protection_page::show),
        ),
        (
            "/staff/cases/{id}/protection/requests",
            post(console::protection_forms::record),
        ),
        (
            "/staff/cases/{id}/protection/file",
            get(console::protection_forms::file),
        ),
        (
            "/staff/protection-requests/{id}/actions",
            post(console::protection_forms::act),
        ),
        (
            "/staff/alerts/{id}/acknowledge",
            post(console::alerts::acknowledge),
        ),
        ("/staff/alerts/{id}/review", post(console::alerts::review)),
        (
            "/staff/retaliation-cases",
            get(console::retaliation_cases::show),
        ),
        (
            "/staff/cases/{id}/accused-unit",
            post(console::case_outcomes::name_accused),
        ),
        (
            "/staff/cases/{id}/false-report-review/decision",
            post(console::case_outcomes::decide_review),
        ),
        (
            "/staff/cases/{id}/false-report-review/handling",
            post(console::case_outcomes::recommend),
        ),
        (
            "/staff/cases/{id}/rewards",
            post(console::case_outcomes::propose),
        ),
        (
            "/staff/rewards/{id}/decision",
            post(console::case_outcomes::decide_reward_form),
        ),
        (
            "/staff/account/password",
            get(console::password::show).post(console::password::submit),
        ),
        (
            "/staff/profile/id-number",
            get(console::id_number::show).post(console::id_number::submit),
        ),
        (
            "/staff/recover",
            get(console::recover::show).post(console::recover::submit),
        ),
        (
            "/staff/admin/units",
            get(console::admin_units::show).post(console::admin_units::add),
        ),
        (
            "/staff/admin/users",
            get(console::admin_users::show).post(console::admin_users::add),
        ),
        (
            "/staff/admin/users/{username}/disable",
            post(console::admin_users::disable),
        ),
        (
            "/staff/admin/users/{username}/enable",
            post(console::admin_users::enable),
        ),
        (
            "/staff/admin/users/{username}/reset",
            post(console::admin_users::reset),
        ),
        // JSON API.
        ("/api/v1/openapi.json", get(api::openapi::serve)),
        ("/api/v1/auth/login", post(api::auth::login)),
        ("/api/v1/auth/logout", post(api::auth::logout)),
        ("/api/v1/auth/me", get(api::auth::me)),
        ("/api/v1/auth/password", post(api::auth::change_password)),
        ("/api/v1/auth/recover", post(api::auth::recover)),
        (
            "/api/v1/me/id-number",
            put(api::staff_identity::put_id_number),
        ),
        ("/api/v1/units", get(api::units::list).post(api::units::add)),
        (
            "/api/v1/reports",
            post(api::reports::create).layer(upload_limit()),
        ),
        (
            "/api/v1/intake",
            post(api::reports::intake).layer(upload_limit()),
        ),
        (
            "/api/v1/whistleblower/session",
            post(api::whistleblower::session),
        ),
        (
            "/api/v1/whistleblower/report",
            get(api::whistleblower::report),
        ),
        (
            "/api/v1/whistleblower/messages",
            post(api::whistleblower::add_message).layer(upload_limit()),
        ),
        (
            "/api/v1/whistleblower/protection-requests",
            post(api::whistleblower::request_protection),
        ),
        (
            "/api/v1/whistleblower/retaliation-reports",
            post(api::whistleblower::report_retaliation),
        ),
        (
            "/api/v1/whistleblower/attachments/{id}",
            get(api::whistleblower::attachment),
        ),
        (
            "/api/v1/whistleblower/rewards/{id}/response",
            post(api::rewards::answer),
        ),
        (
            "/api/v1/retaliation-reports",
            post(api::retaliation::report),
        ),
        ("/api/v1/retaliation-cases", get(api::retaliation::list)),
        ("/api/v1/published", get(api::published::list)),
        ("/api/v1/cases", get(api::cases::list)),
        ("/api/v1/cases/{id}", get(api::cases::show)),
        ("/api/v1/cases/{id}/actions", post(api::cases::act)),
        (
            "/api/v1/cases/{id}/linked-cases",
            get(api::retaliation::linked),
        ),
        (
            "/api/v1/cases/{id}/accused-unit",
            post(api::retaliation::name_accused),
        ),
        (
            "/api/v1/cases/{id}/false-report-review",
            get(api::false_reports::show),
        ),
        (
            "/api/v1/cases/{id}/false-report-review/decision",
            post(api::false_reports::decide),
        ),
        (
            "/api/v1/cases/{id}/false-report-review/handling",
            post(api::false_reports::recommend),
        ),
        (
            "/api/v1/cases/{id}/rewards",
            get(api::rewards::list).post(api::rewards::propose),
        ),
        ("/api/v1/rewards/{id}/decision", post(api::rewards::decide)),
        ("/api/v1/notifications", get(api::notifications::list)),
        (
            "/api/v1/notifications/{id}/read",
            post(api::notifications::mark_read),
        ),
        ("/api/v1/me/email", put(api::notifications::set_email)),
        (
            "/api/v1/cases/{id}/messages",
            post(api::cases::add_message).layer(upload_limit()),
        ),
        (
            "/api/v1/cases/{id}/attachments/{attachment_id}",
            get(api::cases::attachment),
        ),
        (
            "/api/v1/cases/{id}/documents",
            get(api::case_documents::list).post(api::case_documents::issue),
        ),
        (
            "/api/v1/cases/{id}/documents/{doc_id}",
            get(api::case_documents::download),
        ),
        (
            "/api/v1/whistleblower/check-ins",
            post(api::whistleblower_check_ins::answer),
        ),
        ("/api/v1/protection-requests", get(api::protection::board)),
        ("/api/v1/cases/{id}/protection", get(api::protection::show)),
        (
            "/api/v1/cases/{id}/protection-requests",
            post(api::protection::record),
        ),
        (
            "/api/v1/cases/{id}/protection-file",
            get(api::protection::file),
        ),
        (
            "/api/v1/protection-requests/{id}/confirmation",
            post(api::protection::confirmation),
        ),
        (
            "/api/v1/protection-requests/{id}/assessment",
            post(api::protection::assessment),
        ),
        (
            "/api/v1/protection-requests/{id}/decision",
            post(api::protection::decision),
        ),
        (
            "/api/v1/protection-requests/{id}/end",
            post(api::protection::end),
        ),
        ("/api/v1/hr-actions", post(api::hr_actions::create)),
        ("/api/v1/alerts", get(api::alerts::list)),
        ("/api/v1/oversight/overdue", get(oversight::api::overdue)),
        (
            "/api/v1/reports/indicators",
            get(reporting::api::indicators),
        ),
        (
            "/api/v1/reports/submissions",
            get(reporting::api::submissions).post(reporting::api::submit),
        ),
        (
            "/api/v1/reports/{period}/document",
            get(reporting::api::document),
        ),
        (
            "/api/v1/alerts/{id}/acknowledge",
            post(api::alerts::acknowledge),
        ),
        ("/api/v1/alerts/{id}/review", post(api::alerts::review)),
        (
            "/api/v1/cases/{id}/routing",
            get(api::case_routing::routing),
        ),
        ("/api/v1/cases/{id}/linked", get(api::case_routing::linked)),
        (
            "/api/v1/cases/{id}/identity-requests",
            post(api::identity_requests::create),
        ),
        (
            "/api/v1/cases/{id}/identity",
            get(api::identity_requests::open),
        ),
        (
            "/api/v1/identity-requests",
            get(api::identity_requests::list),
        ),
        (
            "/api/v1/identity-requests/{id}/approve",
            post(api::identity_requests::approve),
        ),
        (
            "/api/v1/identity-requests/{id}/refuse",
            post(api::identity_requests::refuse),
        ),
        (
            "/api/v1/identity-reshares",
            get(api::identity_custody::pending_reshares).post(api::identity_custody::contribute),
        ),
        (
            "/api/v1/units/{code}/identity-threshold",
            post(api::identity_custody::set_threshold),
        ),
        ("/api/v1/users", get(api::users::list).post(api::users::add)),
        // Who oversees whom (issue 12): each oversight body's jurisdiction.
        (
            "/api/v1/units/{code}/jurisdiction",
            get(oversight::jurisdiction_api::show).put(oversight::jurisdiction_api::set),
        ),
        (
            "/staff/admin/units/{code}/jurisdiction",
            post(oversight::jurisdiction_console::set),
        ),
        (
            "/api/v1/users/{username}/disable",
            post(api::users::disable),
        ),
        ("/api/v1/users/{username}/enable", post(api::users::enable)),
        ("/api/v1/users/{username}/reset", post(api::users::reset)),
    ]
}

/// Upload routes stream files into encrypted blobs and enforce the per-file and
/// file-count limits themselves, so the body-size limit (2 MB by default) is off.
fn upload_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::disable()
}

/// The paths of every route, for tests that must cover them all.
pub fn route_paths() -> Vec<&'static str> {
    routes().into_iter().map(|(path, _)| path).collect()
}

/// Every route of the application, with the security headers and request logging.
pub fn router(state: AppState) -> Router {
    let mut router = Router::new();
    for (path, method_router) in routes() {
        router = router.route(path, method_router);
    }
    router
        .fallback(pages::not_found::show)
        .layer(axum::middleware::from_fn(security_headers::add))
        .layer(axum::middleware::from_fn(server_metrics::record_request))
        .layer(request_log::layer())
        .with_state(state)
}

/// Serves until `shutdown` completes, then lets requests in flight finish. The
/// peer address reaches only the staff-login throttle, in memory (see
/// `login_throttle`); it is never logged or stored.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
