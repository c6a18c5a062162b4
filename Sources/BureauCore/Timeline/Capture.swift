import Foundation

/// The moment the person fell into the detaining power's hands; the Convention's clocks start here.
public struct Capture: Sendable, Hashable, Codable {
    public var place: String
    /// "lat,lon" when known.
    public var coordinates: String?
    /// Our unit that made the capture.
    public var capturingUnit: String?
    /// The unit he was serving with when taken, as observed at capture.
    public var unitAtCapture: String?
    public var circumstances: String?
    /// Wounds at capture, as observed; the medical record holds the diagnosis.
    public var wounds: [String]

    public init(place: String, coordinates: String? = nil, capturingUnit: String? = nil,
                unitAtCapture: String? = nil, circumstances: String? = nil, wounds: [String] = []) {
        self.place = place
        self.coordinates = coordinates
        self.capturingUnit = capturingUnit
        self.unitAtCapture = unitAtCapture
        self.circumstances = circumstances
        self.wounds = wounds
    }

    private enum CodingKeys: String, CodingKey {
        case place, coordinates, capturingUnit, unitAtCapture, circumstances, wounds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        place = try container.decode(String.self, forKey: .place)
        coordinates = try container.decodeIfPresent(String.self, forKey: .coordinates)
        capturingUnit = try container.decodeIfPresent(String.self, forKey: .capturingUnit)
        unitAtCapture = try container.decodeIfPresent(String.self, forKey: .unitAtCapture)
        circumstances = try container.decodeIfPresent(String.self, forKey: .circumstances)
        // No wounds is the common case; the key may be left out.
        wounds = try container.decodeIfPresent([String].self, forKey: .wounds) ?? []
    }
}

/// Arrival in a place of custody; the previous stay ends here.
public struct CustodyMove: Sendable, Hashable, Codable {
    public enum FacilityType: String, Sendable, Codable, CaseIterable {
        case transit, camp, hospital, penal
    }

    public var facility: String
    public var facilityType: FacilityType
    /// The section or compound within the facility (Art. 22(3) groups are kept by section).
    public var section: String?
    /// IANA time zone of the facility, for showing its deadlines in local time.
    public var timeZone: String?
    public var reason: String?
    /// When he left this facility, if the leaving is known before the next arrival is recorded.
    public var leftAt: Date?

    public init(facility: String, facilityType: FacilityType, timeZone: String? = nil,
                reason: String? = nil, leftAt: Date? = nil, section: String? = nil) {
        self.facility = facility
        self.facilityType = facilityType
        self.section = section
        self.timeZone = timeZone
        self.reason = reason
        self.leftAt = leftAt
    }
}
