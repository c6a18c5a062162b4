import Foundation

/// One dated entry in a prisoner's timeline.
///
/// Entries are never edited: a correction is a new entry whose `supersedes` names the
/// entry it replaces. Obligations (GC III clocks) are derived from the effective timeline.
public struct TimelineEvent: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var prisonerID: UUID
    public var occurredAt: Date
    public var recordedAt: Date
    public var recordedBy: String
    public var supersedes: UUID?
    public var payload: EventPayload

    public init(id: UUID, prisonerID: UUID, occurredAt: Date, recordedAt: Date, recordedBy: String,
                supersedes: UUID? = nil, payload: EventPayload) {
        self.id = id
        self.prisonerID = prisonerID
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.supersedes = supersedes
        self.payload = payload
    }

    public var kind: EventKind { payload.kind }
}

public enum EventKind: String, Sendable, Codable, CaseIterable {
    case capture
    case custodyMove = "custody_move"
    case medical
    case document
    case effects
    case money
    case interview

    /// Which class of data the entry belongs to; decides who may read it (design.md, security model).
    public var fieldClass: FieldClass {
        switch self {
        case .capture, .custodyMove, .document: return .core
        case .medical: return .health
        case .effects, .money: return .effects
        case .interview: return .interviews
        }
    }
}

/// The content of a timeline entry; the case names the kind.
public enum EventPayload: Sendable, Hashable {
    case capture(Capture)
    case custodyMove(CustodyMove)
    case medical(MedicalEntry)
    case document(HeldDocument)
    case effects(EffectsSeizure)
    case money(MoneySeizure)
    case interview(Interview)

    public var kind: EventKind {
        switch self {
        case .capture: return .capture
        case .custodyMove: return .custodyMove
        case .medical: return .medical
        case .document: return .document
        case .effects: return .effects
        case .money: return .money
        case .interview: return .interview
        }
    }
}

extension EventPayload: Codable {
    private enum CodingKeys: String, CodingKey { case kind, data }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(EventKind.self, forKey: .kind)
        self = try EventPayload.decode(kind: kind, from: container.superDecoder(forKey: .data))
    }

    /// Decodes the data of an entry whose kind is already known (the kind is a column in storage).
    public static func decode(kind: EventKind, from decoder: any Decoder) throws -> EventPayload {
        switch kind {
        case .capture: return .capture(try Capture(from: decoder))
        case .custodyMove: return .custodyMove(try CustodyMove(from: decoder))
        case .medical: return .medical(try MedicalEntry(from: decoder))
        case .document: return .document(try HeldDocument(from: decoder))
        case .effects: return .effects(try EffectsSeizure(from: decoder))
        case .money: return .money(try MoneySeizure(from: decoder))
        case .interview: return .interview(try Interview(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try encodeData(to: container.superEncoder(forKey: .data))
    }

    /// Encodes only the data, without the kind.
    public func encodeData(to encoder: any Encoder) throws {
        switch self {
        case .capture(let value): try value.encode(to: encoder)
        case .custodyMove(let value): try value.encode(to: encoder)
        case .medical(let value): try value.encode(to: encoder)
        case .document(let value): try value.encode(to: encoder)
        case .effects(let value): try value.encode(to: encoder)
        case .money(let value): try value.encode(to: encoder)
        case .interview(let value): try value.encode(to: encoder)
        }
    }
}
