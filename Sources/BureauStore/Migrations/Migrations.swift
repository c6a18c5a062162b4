import Fluent

/// Every migration in the order it runs. Never edit one that has landed: add the next.
/// Areas keep their own lists (numbered M004–M009 for the Convention clocks, M010–M019 for
/// disposition) so work on one area never renumbers another's.
public enum BureauMigrations {
    public static let all: [any Migration] = registry + ClocksMigrations.all + DispositionMigrations.all + AuditMigrations.all
        + AuthMigrations.all + EnquiryMigrations.all + corrections + BackupMigrations.all

    static let registry: [any Migration] = [
        M001_CreateUsers(),
        M002_CreateRegistry(),
        M003_CreateAudit(),
    ]

    /// Correct and void (issue 8); runs after every area's tables, which it only extends.
    static let corrections: [any Migration] = [
        M020_AddCorrectionsAndVoidings(),
    ]
}

/// Convention clocks: notices outbox and the like (issue 4).
enum ClocksMigrations {
    static let all: [any Migration] = [
        M004_CreateNotices(),
    ]
}

/// Disposition: will statements, risk assessments, consultations, cases, exchanges (issue 5).
enum DispositionMigrations {
    static let all: [any Migration] = [
        M010_CreateDispositionRecords(),
        M011_CreateParties(),
        M012_CreateCases(),
        M013_CreateExchanges(),
        M017_CreateMediaReleases(),
        M018_CreatePlacementClearances(),
    ]
}

/// The Merkle-tree audit log, checkpoints and witnesses (issue 10).
enum AuditMigrations {
    static let all: [any Migration] = [
        M014_CreateAuditTree(),
        M023_IndexAuditFilters(),
    ]
}

/// Sign-in: second factor (issue 9); account administration from the pages (issue 8).
enum AuthMigrations {
    static let all: [any Migration] = [
        M015_AddSecondFactor(),
        M019_AddAccountAdministration(),
    ]
}

/// Tracing: enquiries and their answers (issue 12).
enum EnquiryMigrations {
    static let all: [any Migration] = [
        M016_CreateEnquiries(),
    ]
}

/// Backups and key custody (issue 13).
enum BackupMigrations {
    static let all: [any Migration] = [
        M022_CreateBackupRecords(),
    ]
}
