/// Which page form reaches each write operation of the API: officers do every step in the browser,
/// never with API tools. `PageFormTableTests` fails when a write in `OpenAPIDocument` has no row
/// here, or a row names a page route that is not registered.
///
/// `page` is the page route that receives the form (`POST /prisoners/:id/article12-assessments`);
/// `form` is where the officer finds the form. A row whose `page` is nil is a gap still to build.
enum PageFormTable {
    struct Row {
        var method: String
        var path: String
        var page: (method: String, path: String)?
        var form: String?
    }

    static let rows: [Row] = [
        Row(method: "post", path: "/api/v1/session", page: ("POST", "/login"), form: "/login"),
        Row(method: "delete", path: "/api/v1/session", page: ("POST", "/logout"), form: "every page: Sign out"),
        Row(method: "post", path: "/api/v1/prisoners", page: ("POST", "/prisoners"), form: "/prisoners/new"),
        Row(method: "post", path: "/api/v1/prisoners/{id}/claims", page: ("POST", "/prisoners/:id/claims"),
            form: "/prisoners/:id/claims/new"),
        Row(method: "post", path: "/api/v1/prisoners/{id}/events", page: ("POST", "/prisoners/:id/events"),
            form: "/prisoners/:id/events/new"),
        Row(method: "post", path: "/api/v1/users", page: ("POST", "/users"), form: "/users"),
        Row(method: "post", path: "/api/v1/audit/checkpoints", page: ("POST", "/audit/checkpoints"),
            form: "/audit/checkpoints"),
        Row(method: "post", path: "/api/v1/prisoners/{id}/will-statements", page: ("POST", "/prisoners/:id/will-statements"),
            form: "/prisoners/:id/will-statements/new"),
        Row(method: "post", path: "/api/v1/prisoners/{id}/risk-assessments", page: ("POST", "/prisoners/:id/risk-assessments"),
            form: "/prisoners/:id/risk-assessments/new"),
        Row(method: "post", path: "/api/v1/prisoners/{id}/article12-assessments",
            page: ("POST", "/prisoners/:id/article12-assessments"), form: "/prisoners/:id/article12-assessments/new"),
        Row(method: "post", path: "/api/v1/prisoners/{id}/medical-eligibility", page: ("POST", "/prisoners/:id/medical-eligibility"),
            form: "/prisoners/:id/medical-eligibility/new"),
        Row(method: "put", path: "/api/v1/prisoners/{id}/exit-checklist", page: ("POST", "/prisoners/:id/exit-checklist"),
            form: "/prisoners/:id/exit-checklist/edit"),
        Row(method: "post", path: "/api/v1/parties", page: ("POST", "/prisoners/:id/parties"), form: "/prisoners/:id/parties/new"),
        Row(method: "post", path: "/api/v1/consultations", page: ("POST", "/prisoners/:id/consultations"),
            form: "/prisoners/:id/consultations/new"),
        Row(method: "post", path: "/api/v1/cases", page: ("POST", "/prisoners/:id/cases"), form: "/prisoners/:id/cases/new"),
        Row(method: "post", path: "/api/v1/cases/{id}/transitions", page: ("POST", "/cases/:id/transitions"), form: "/cases/:id"),
        Row(method: "post", path: "/api/v1/cases/{id}/overrides", page: ("POST", "/cases/:id/overrides"),
            form: "/cases/:id, beside the failing guard"),
        Row(method: "post", path: "/api/v1/cases/{id}/overrides/confirm", page: ("POST", "/cases/:id/overrides/confirm"),
            form: "/cases/:id, beside the guard awaiting confirmation"),
        Row(method: "post", path: "/api/v1/exchanges", page: ("POST", "/exchanges"), form: "/exchanges"),
        Row(method: "post", path: "/api/v1/exchanges/{id}/our-list", page: ("POST", "/exchanges/:id/our-list"),
            form: "/exchanges/:id, beside each proposed prisoner"),
        Row(method: "post", path: "/api/v1/exchanges/{id}/counterpart-list", page: ("POST", "/exchanges/:id/counterpart-list"),
            form: "/exchanges/:id"),
        Row(method: "post", path: "/api/v1/exchanges/{id}/reconciliation", page: ("POST", "/exchanges/:id/reconciliation"),
            form: "/exchanges/:id"),
        Row(method: "post", path: "/api/v1/exchanges/{id}/matches", page: ("POST", "/exchanges/:id/matches"), form: "/exchanges/:id"),
        Row(method: "post", path: "/api/v1/outbox/{id}/sent", page: ("POST", "/outbox/:id/sent"), form: "/outbox"),
        Row(method: "post", path: "/api/v1/outbox/{id}/acknowledgement", page: ("POST", "/outbox/:id/acknowledgement"),
            form: "/outbox"),
        Row(method: "post", path: "/api/v1/enquiries", page: ("POST", "/enquiries"), form: "/enquiries/new"),
        Row(method: "post", path: "/api/v1/enquiries/{id}/outcome", page: ("POST", "/enquiries/:id/outcome"), form: "/enquiries/:id"),
        Row(method: "post", path: "/api/v1/enquiries/{id}/confirm", page: ("POST", "/enquiries/:id/confirm"), form: "/enquiries/:id"),
        Row(method: "post", path: "/api/v1/enquiries/{id}/answer", page: ("POST", "/enquiries/:id/answer"), form: "/enquiries/:id"),
        Row(method: "post", path: "/api/v1/enquiries/{id}/match", page: ("POST", "/enquiries/:id/match"), form: "/enquiries/:id"),
        Row(method: "post", path: "/api/v1/enquiries/{id}/rule-out", page: ("POST", "/enquiries/:id/rule-out"),
            form: "/enquiries/:id, beside each candidate"),
        Row(method: "post", path: "/api/v1/enquiries/{id}/assign", page: ("POST", "/enquiries/:id/assign"), form: "/enquiries/:id"),
        Row(method: "post", path: "/api/v1/enquiry-lists", page: ("POST", "/enquiry-lists"), form: "/enquiry-lists/new"),
        Row(method: "post", path: "/api/v1/prisoners/{id}/media-releases", page: ("POST", "/prisoners/:id/media-releases"),
            form: "/prisoners/:id/media-releases/new"),
        Row(method: "post", path: "/api/v1/media-releases/{id}/assessment", page: ("POST", "/media-releases/:id/assessment"),
            form: "/prisoners/:id, beside the request"),
        Row(method: "post", path: "/api/v1/media-releases/{id}/decision", page: ("POST", "/media-releases/:id/decision"),
            form: "/prisoners/:id, beside the assessed request"),
        Row(method: "post", path: "/api/v1/prisoners/{id}/media-breaches", page: ("POST", "/prisoners/:id/media-breaches"),
            form: "/prisoners/:id"),
        Row(method: "post", path: "/api/v1/media-breaches/{id}/close", page: ("POST", "/media-breaches/:id/close"),
            form: "/prisoners/:id, beside the open breach"),
    ]
}
