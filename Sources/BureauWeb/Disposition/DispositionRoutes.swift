import Vapor

/// Routes of lawful disposition (issue 5): will statements, risk assessments, consultations,
/// disposition cases and exchanges.
func dispositionRoutes(_ app: Application) throws {}

extension OpenAPIDocument {
    /// API operations of disposition, added to the OpenAPI document.
    static let dispositionOperations: [Operation] = []
}
