import BureauCore
import BureauStore
import Fluent
import Vapor

/// The application's long-lived services, built once in `configure`.
public struct BureauServices: Sendable {
    public let config: BureauConfig
    public let context: StoreContext
    public let registry: RegistryStore
    public let users: UserStore
    public let catalog: Catalog
    /// Failed sign-ins under names no account has, so they lock exactly like real ones.
    let unknownNames: UnknownNameLockout
    /// A bcrypt hash of a random password, checked when the username is unknown so the answer takes
    /// as long as for a real account.
    let dummyPasswordHash: String

    init(config: BureauConfig, context: StoreContext, catalog: Catalog, dummyPasswordHash: String,
         unknownNames: UnknownNameLockout = UnknownNameLockout()) {
        self.unknownNames = unknownNames
        self.config = config
        self.context = context
        self.registry = RegistryStore(context: context)
        self.users = UserStore(context: context)
        self.catalog = catalog
        self.dummyPasswordHash = dummyPasswordHash
    }
}

extension BureauServices {
    func reading(through db: any Database) -> BureauServices {
        BureauServices(config: config, context: context.reading(through: db), catalog: catalog,
                       dummyPasswordHash: dummyPasswordHash, unknownNames: unknownNames)
    }
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = BureauServices
    }

    public var bureau: BureauServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                fatalError("configure(_:config:) was not called before the services were used")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    /// The services reading through the database on this request's event loop (see `StoreContext.reading`).
    public var bureau: BureauServices { application.bureau.reading(through: db) }
}
