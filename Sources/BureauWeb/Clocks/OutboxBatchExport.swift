import BureauCore
import BureauStore
import Foundation
import NIOConcurrencyHelpers

/// The one way a signed batch is made, for `bureau outbox export`, the outbox page's download and
/// the API: the same bytes, the same notices marked sent, the same audit entry.
enum OutboxBatchExport {
    struct Made {
        var file: Data
        var result: NoticeOutbox.ExportResult
    }

    /// Exports every pending notice. `write` gets the signed file before the transaction commits (the
    /// CLI writes its file there, so a failed write marks nothing sent).
    static func export(_ services: BureauServices, by principal: Principal,
                       write: @escaping @Sendable (Data) throws -> Void = { _ in }) async throws -> Made {
        let signer = try OutboxSigner.loadOrCreate(in: services.config.dataDirectory)
        let file = NIOLockedValueBox(Data())
        let result = try await NoticeOutbox(context: services.context).export(by: principal, signer: signer) { data in
            try write(data)
            file.withLockedValue { $0 = data }
        }
        return Made(file: file.withLockedValue { $0 }, result: result)
    }

    /// The file name a download gets: the batch's own id.
    static func fileName(_ result: NoticeOutbox.ExportResult) -> String {
        "bureau-outbox-\(result.batchID).json"
    }
}
