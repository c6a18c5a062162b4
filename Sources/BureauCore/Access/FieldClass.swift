/// Classes of registry data with different readers (gc3.md §5: minimisation, field-level access).
///
/// Every field a response, page, document or error can carry belongs to one class; who reads which
/// class is `AccessPolicy.readableClasses(of:)`, and what belongs to which class is `DataClasses`.
public enum FieldClass: String, Sendable, Codable, CaseIterable {
    /// Art. 17 identity, capture, custody, documents.
    case core
    /// Wounds, medical entries, medical-repatriation eligibility (Arts. 30, 110; Annex I).
    case health
    /// The content of interviews (who interviewed him and when is core).
    case interviews
    /// Will statements and asylum wishes: the most restricted.
    case will
    /// Non-refoulement risk and Art. 12 assessments: findings about what awaits him at home or on the way.
    /// A risk documented "in PRK" tells a reader he fears going home, so it is read by those who read
    /// his will and decide on it (legal officer, approver), not by the officers who negotiate exchanges.
    case risk
    case effects
}
