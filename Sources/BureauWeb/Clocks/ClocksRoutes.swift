import Vapor

/// Routes of the Convention clocks (issue 4): obligations, capture card, notifications outbox.
func clocksRoutes(_ app: Application) throws {}

extension OpenAPIDocument {
    /// API operations of the Convention clocks, added to the OpenAPI document.
    static let clocksOperations: [Operation] = []
}
