import BureauCore
import BureauStore
import Vapor

/// `/exchanges/{id}/counterpart-list.csv`: the counterpart's list as imported, with who each line was
/// confirmed to be, for the officers who negotiate on paper. The names come from the other side,
/// so every cell goes through `CSVText`: a name written as `=HYPERLINK(…)` opens as text.
struct ExchangeListExport {
    func counterpartList(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let file = try await request.bureau.disposition.exchangeFile(try request.uuidParameter(code: "exchange_not_found"),
                                                                     by: user.principal)
        let catalog = request.bureau.catalog
        let language = request.language
        let negotiation = file.negotiation
        let reviews = Dictionary(negotiation.matchReviews.map { ($0.entryID, $0) }, uniquingKeysWith: { a, _ in a })
        var text = CSVText.row(["exchange.line", "exchange.name", "field.dateOfBirth", "exchange.category", "exchange.confirmed",
                                "exchange.reviewedBy"].map { catalog.text($0, language) })
        for entry in negotiation.counterpartList {
            let review = reviews[entry.id]
            let confirmed = review?.confirmedPrisonerID.map { file.names[$0] ?? "" } ?? ""
            text += CSVText.row([String(entry.line), entry.name, entry.dateOfBirth ?? "",
                                 catalog.text("category.\(entry.category.rawValue)", language), confirmed,
                                 review?.confirmedBy ?? ""])
        }
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: "attachment; filename=\"exchange-\(negotiation.counterpart)-counterpart-list.csv\"")
        return response
    }
}
