import Foundation

/// Every column sealed with the field cipher, and the associated data each value is bound to. A new sealed
/// field must be added here, or `bureau keys rotate-field` would leave it under a key that is then deleted.
public struct SealedColumn: Sendable {
    public var table: String
    public var column: String
    /// The associated data `FieldCipher.seal` was given for the row with this id.
    public var context: @Sendable (UUID) -> String

    public var name: String { "\(table).\(column)" }

    public static let all: [SealedColumn] = [
        // Interview content (EventStorage): the event id.
        SealedColumn(table: EventModel.schema, column: "sealed", context: { $0.uuidString }),
        // Will statements (DispositionStore.willRow): the statement id.
        SealedColumn(table: WillStatementsTable.schema, column: "sealed", context: { $0.uuidString }),
        // Art. 22(3) consents and override reasons (PlacementStore.row): the clearance id.
        SealedColumn(table: PlacementClearancesTable.schema, column: "sealed", context: { $0.uuidString }),
        // TOTP secrets (UserStore+SecondFactor): `totp:` and the account id.
        SealedColumn(table: UserModel.schema, column: "totp_secret", context: { UserStore.sealContext($0) }),
    ]
}
