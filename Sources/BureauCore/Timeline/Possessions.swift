/// A document found on the prisoner (Arts. 17–18): his own, false, or somebody else's.
public struct HeldDocument: Sendable, Hashable, Codable {
    public enum Custody: String, Sendable, Codable, CaseIterable {
        /// Art. 17(3): identity documents stay with the prisoner.
        case withPrisoner = "with_prisoner"
        case evidence
        case seized
    }

    public var documentType: String
    public var issuer: String?
    public var number: String?
    /// The name on the document, exactly as printed.
    public var nameShown: String?
    public var authenticity: DocumentAuthenticity
    public var custody: Custody
    /// The identity claim made from this document, if one was recorded.
    public var claimID: String?

    public init(documentType: String, issuer: String? = nil, number: String? = nil, nameShown: String? = nil,
                authenticity: DocumentAuthenticity = .unverified, custody: Custody, claimID: String? = nil) {
        self.documentType = documentType
        self.issuer = issuer
        self.number = number
        self.nameShown = nameShown
        self.authenticity = authenticity
        self.custody = custody
        self.claimID = claimID
    }
}

/// Personal effects inventoried at a search (Art. 18).
public struct EffectsSeizure: Sendable, Hashable, Codable {
    public struct Item: Sendable, Hashable, Codable {
        public enum Disposition: String, Sendable, Codable, CaseIterable {
            case kept, taken, returned
        }

        /// Art. 18(1): only these may be taken from a prisoner.
        public enum Ground: String, Sendable, Codable, CaseIterable {
            case arms
            case horses
            case militaryEquipment = "military_equipment"
            case militaryDocuments = "military_documents"
            /// Art. 18(4): valuables withdrawn for security, against receipt.
            case securityValuables = "security_valuables"
        }

        public var description: String
        public var disposition: Disposition
        public var ground: Ground?

        public init(description: String, disposition: Disposition, ground: Ground? = nil) {
            self.description = description
            self.disposition = disposition
            self.ground = ground
        }
    }

    public var items: [Item]
    public var receiptNumber: String?

    public init(items: [Item], receiptNumber: String? = nil) {
        self.items = items
        self.receiptNumber = receiptNumber
    }
}

/// Money taken by an officer's order, entered in the special register with an itemized receipt (Art. 18(4)).
public struct MoneySeizure: Sendable, Hashable, Codable {
    /// Amount in minor units (kopiyky, cents) so money never passes through floating point.
    public var amountMinor: Int64
    /// ISO 4217.
    public var currency: String
    /// Name, rank and unit of the officer who ordered the seizure and signed the receipt.
    public var officer: String
    public var receiptNumber: String
    public var registerEntry: String?

    public init(amountMinor: Int64, currency: String, officer: String, receiptNumber: String,
                registerEntry: String? = nil) {
        self.amountMinor = amountMinor
        self.currency = currency
        self.officer = officer
        self.receiptNumber = receiptNumber
        self.registerEntry = registerEntry
    }
}
