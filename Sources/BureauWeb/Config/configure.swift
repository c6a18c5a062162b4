import BureauCore
import BureauStore
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import SQLKit
import Vapor

/// Wires databases, templates, middleware and routes. Shared by `serve`, the CLI and the tests.
public func configure(_ app: Application, config: BureauConfig, clock: BureauCore.Clock = .system) async throws {
    // The audit writer (`WriteGate`) gets a pool of its own: its group transactions never hold a connection
    // that a request's reads are waiting for. Requests read through the default pool on their own event loop.
    switch config.database {
    case .sqliteMemory, .sqliteFile:
        let storage: SQLiteConfiguration.Storage
        if case .sqliteFile(let path) = config.database {
            // Created 0600 before SQLite opens it; SQLite gives its journal files the same mode.
            try PrivateFile.create(atPath: path)
            storage = .file(path: path)
        } else {
            // One name for both pools, so they open the same (temporary) database.
            storage = .memory(identifier: UUID().uuidString)
        }
        app.databases.use(.sqlite(SQLiteConfiguration(storage: storage)), as: .sqlite)
        app.databases.use(.sqlite(SQLiteConfiguration(storage: storage)), as: .auditWriter, isDefault: false)
        // WAL: readers never wait for the writer nor it for them; the mode is stored in the file. The writer
        // sets synchronous=NORMAL and a busy timeout on its connection (see WriteGate).
        try await (app.db(.sqlite) as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
    case .postgres(let url):
        try app.databases.use(.postgres(url: url, maxConnectionsPerEventLoop: 4), as: .psql)
        try app.databases.use(.postgres(url: url, maxConnectionsPerEventLoop: 1), as: .auditWriter, isDefault: false)
    }
    app.migrations.add(BureauMigrations.all)

    let keyURL = config.dataDirectory.appendingPathComponent("bureau-field.key")
    let cipher = try FieldCipher.loadOrCreate(at: keyURL)
    // Convention clocks: optional `obligation-policy.json` beside the database (docs/obligations.md).
    let policy = try ObligationPolicyFile.load(in: config.dataDirectory)
    let context = StoreContext(db: app.db, gate: WriteGate(database: app.db(.auditWriter)), clock: clock, cipher: cipher,
                               policy: policy)
    app.bureau = BureauServices(config: config, context: context, catalog: try Catalog.loadBundled(),
                                dummyPasswordHash: try Bcrypt.hash(Tokens.make(), cost: config.bcryptCost))

    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "256kb"
    app.passwords.use(.bcrypt(cost: config.bcryptCost))

    ContentConfiguration.global.use(encoder: JSONCoders.encoder, for: .json)
    ContentConfiguration.global.use(decoder: JSONCoders.decoder, for: .json)

    app.directory.viewsDirectory = Resources.views
    app.views.use(.leaf)
    // The templates ship as a package resource, which SwiftPM places under `.build/`; LeafKit's
    // default limits refuse any path with a hidden component, so keep only the sandbox check.
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                  sandboxDirectory: Resources.views, viewDirectory: Resources.views))
    app.leaf.tags["t"] = TranslateTag(catalog: app.bureau.catalog)
    app.leaf.tags["country"] = PlaceNameTag(kind: .country)
    app.leaf.tags["language"] = PlaceNameTag(kind: .language)

    app.middleware = Middlewares()
    app.middleware.use(BureauErrorMiddleware(environment: app.environment))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(APIContractMiddleware())
    app.middleware.use(SessionMiddleware())
    app.middleware.use(SecondFactorGate())

    try routes(app)
}

extension DatabaseID {
    /// The audit writer's own pool over the same database (see `configure`).
    static let auditWriter = DatabaseID(string: "audit-writer")
}

enum Resources {
    /// The Views folder shipped as a package resource.
    static var views: String {
        Bundle.module.bundleURL.appendingPathComponent("Resources/Views/").path + "/"
    }

    static var locales: URL {
        Bundle.module.bundleURL.appendingPathComponent("Resources/Locales")
    }
}
