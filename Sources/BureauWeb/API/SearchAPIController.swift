import BureauCore
import BureauStore
import Vapor

/// `GET /api/v1/search?name=…[&dob=…][&top=…]`: tracing search across scripts.
struct SearchAPIController {
    struct HitDTO: Content {
        var prisoner: PrisonerSummaryDTO
        var claimID: UUID
        /// The claim's name as written, which matched.
        var matchedName: String
        var score: Double
        var explanation: String
    }

    func search(_ request: Request) async throws -> [HitDTO] {
        let user = try request.requireUser()
        let (name, dob, top) = try Self.parse(request)
        let results = try await request.bureau.registry.search(name: name, dateOfBirth: dob, top: top,
                                                               by: user.principal, purpose: request.statedPurpose)
        return results.map {
            HitDTO(prisoner: PrisonerSummaryDTO($0.summary), claimID: $0.hit.claimID, matchedName: $0.hit.name,
                   score: ($0.hit.score * 1000).rounded() / 1000, explanation: $0.hit.explanation)
        }
    }

    static func parse(_ request: Request) throws -> (String, PartialDate?, Int) {
        guard let name = (try? request.query.get(String.self, at: "name"))?.trimmedOrNil else {
            throw DomainError.invalid("name", "give the name to search for", code: "required")
        }
        var dob: PartialDate?
        if let text = (try? request.query.get(String.self, at: "dob"))?.trimmedOrNil {
            guard let parsed = PartialDate(iso: text) else {
                throw DomainError.invalid("dob", "expected YYYY, YYYY-MM or YYYY-MM-DD", code: "invalid_date")
            }
            dob = parsed
        }
        let top = try PrisonerListQuery.number(request, "top", default: 20, range: 1...100)
        return (name, dob, top)
    }
}
