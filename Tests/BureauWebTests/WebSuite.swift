import Testing

/// All tests that run Bureau against a database. Serialized: on PostgreSQL they share one
/// database, which each test resets.
@Suite(.serialized) struct WebSuite {}
