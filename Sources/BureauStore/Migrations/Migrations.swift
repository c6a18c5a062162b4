import Fluent

/// Every migration in the order it runs. Never edit one that has landed: add the next.
public enum BureauMigrations {
    public static let all: [any Migration] = [
        M001_CreateUsers(),
        M002_CreateRegistry(),
        M003_CreateAudit(),
    ]
}
