import BureauCore
import Foundation
import NameMatching

/// Proposes registry prisoners for an enquiry through the live name index: every spelling the
/// enquirer gave is searched across scripts with the date of birth, service number and unit as
/// evidence, and the father's name (Annex IV B item 4) weighs in after. The best claim of each
/// prisoner counts; the reasons are kept as data so each page can say them in its language.
struct EnquiryMatcher: Sendable {
    let live: LiveNameIndex
    static let matcher = NameMatcher()
    /// Candidates under this score are not shown at all.
    static let floor = 0.5

    func candidates(for person: PersonSought, top: Int = 5) -> [EnquiryCandidate] {
        let evidence = MatchEvidence(dateOfBirth: person.dateOfBirth?.description, serviceNumber: person.serviceNumber,
                                     unit: person.unit)
        var best: [UUID: EnquiryCandidate] = [:]
        for name in person.names.compactMap(\.trimmedOrNil) {
            for hit in live.search(name, evidence: evidence, top: top) {
                let candidate = Self.candidate(hit, query: name, fatherName: person.fatherName)
                if candidate.score >= Self.floor, candidate.score > (best[hit.prisonerID]?.score ?? -1) {
                    best[hit.prisonerID] = candidate
                }
            }
        }
        return best.values.sorted { ($0.score, $1.prisonerID.uuidString) > ($1.score, $0.prisonerID.uuidString) }
            .prefix(top).map { $0 }
    }

    /// Scores one new claim against a standing enquiry (the reverse direction: a registration that may
    /// be the man sought). Nil under `threshold`.
    static func score(_ claim: IdentityClaim, unit: String?, against person: PersonSought,
                      threshold: Double) -> EnquiryCandidate? {
        let query = MatchEvidence(dateOfBirth: person.dateOfBirth?.description, serviceNumber: person.serviceNumber,
                                  unit: person.unit)
        let facts = MatchEvidence(dateOfBirth: claim.dateOfBirth?.description, serviceNumber: claim.serviceNumber, unit: unit)
        let candidateName = matcher.normalizer.normalize(claim.displayName)
        var best: EnquiryCandidate?
        for name in person.names.compactMap(\.trimmedOrNil) {
            let score = matcher.score(matcher.normalizer.normalize(name), candidateName, queryEvidence: query,
                                      candidateEvidence: facts)
            let hit = LiveNameIndex.Hit(prisonerID: claim.prisonerID, claimID: claim.id, name: claim.displayName,
                                        score: score.score, explanation: score.explanationText,
                                        alignments: score.explanation, notes: score.evidenceNotes,
                                        fatherName: claim.fatherName)
            let scored = Self.candidate(hit, query: name, fatherName: person.fatherName)
            if scored.score >= threshold, scored.score > (best?.score ?? -1) { best = scored }
        }
        return best
    }

    static func candidate(_ hit: LiveNameIndex.Hit, query: String, fatherName: String?) -> EnquiryCandidate {
        var score = hit.score
        var reasons = hit.alignments.map(reason)
        reasons += hit.notes.map(note)
        var explanation = hit.explanation
        if let sought = fatherName?.trimmedOrNil, let recorded = hit.fatherName?.trimmedOrNil {
            let similarity = matcher.score(sought, recorded).score
            if similarity >= NameMatcher.threshold {
                score = min(1, score + 0.05)
                reasons.append(MatchReason(code: "same_father", query: sought, candidate: recorded, similarity: similarity))
                explanation += "; same father's name"
            } else {
                score = max(0, score - 0.1)
                reasons.append(MatchReason(code: "father_differs", query: sought, candidate: recorded, similarity: similarity))
                explanation += "; father's name differs"
            }
        }
        return EnquiryCandidate(prisonerID: hit.prisonerID, claimID: hit.claimID, matchedName: hit.name, queryName: query,
                                score: (score * 1000).rounded() / 1000, reasons: reasons, explanation: explanation)
    }

    static func reason(_ alignment: TokenAlignment) -> MatchReason {
        let code: String
        switch alignment.kind {
        case .exact: code = "exact"
        case .transliteration: code = "transliteration"
        case .spelling: code = "spelling"
        case .nameVariant: code = "name_variant"
        case .romanization: code = "romanization"
        case .fuzzy: code = "fuzzy"
        case .initial: code = "initial"
        case .unmatchedQuery: code = "only_in_query"
        case .unmatchedCandidate: code = "only_in_candidate"
        }
        return MatchReason(code: code, role: "\(alignment.role)", query: alignment.query, candidate: alignment.candidate,
                           similarity: (alignment.similarity * 100).rounded() / 100)
    }

    /// The evidence notes of `MatchEvidence` and the matcher, as codes.
    static func note(_ text: String) -> MatchReason {
        if text.hasPrefix("date of birth differs") { return MatchReason(code: "dob_differs") }
        switch text {
        case "same date of birth": return MatchReason(code: "same_dob")
        case "birth month differs": return MatchReason(code: "birth_month_differs")
        case "same year of birth": return MatchReason(code: "same_birth_year")
        case "same service number": return MatchReason(code: "same_service_number")
        case "service number differs": return MatchReason(code: "service_number_differs")
        case "same unit": return MatchReason(code: "same_unit")
        case "common surname (weaker evidence)": return MatchReason(code: "common_surname")
        default: return MatchReason(code: "other", query: text)
        }
    }
}
