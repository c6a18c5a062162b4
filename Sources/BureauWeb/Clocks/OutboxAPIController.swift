import BureauCore
import BureauStore
import Vapor

/// `/api/v1/outbox`: the notices owed to the CTA and the Protecting Power (Arts. 122–123).
struct OutboxAPIController {
    /// `GET /api/v1/outbox?status=pending|sent|acknowledged`.
    func list(_ request: Request) async throws -> [OutboundNoticeDTO] {
        let user = try request.requireUser()
        var status: OutboundNotice.Status?
        if let raw = (try? request.query.get(String.self, at: "status"))?.trimmedOrNil {
            guard let parsed = OutboundNotice.Status(rawValue: raw) else {
                throw DomainError.invalid("status", "use pending, sent or acknowledged", code: "invalid_value")
            }
            status = parsed
        }
        return try await request.outbox.list(status: status, by: user.principal).map(OutboundNoticeDTO.init)
    }

    /// `POST /api/v1/outbox/{id}/sent`: sent by another channel than a signed batch (a note, the ICRC portal).
    func sent(_ request: Request) async throws -> OutboundNoticeDTO {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(NoticeSentInput.self, from: request)
        let notice = try await request.outbox.markSent(try request.noticeID(), channel: input.channel,
                                                       reference: input.reference, by: user.principal)
        return OutboundNoticeDTO(notice)
    }

    /// `POST /api/v1/outbox/{id}/acknowledgement`: the recipient's reference.
    func acknowledge(_ request: Request) async throws -> OutboundNoticeDTO {
        let user = try request.requireUser()
        let input = try StrictJSON.decode(NoticeAcknowledgementInput.self, from: request)
        let notice = try await request.outbox.acknowledge(try request.noticeID(), reference: input.reference,
                                                          receivedAt: input.receivedAt, by: user.principal)
        return OutboundNoticeDTO(notice)
    }

    /// `GET /api/v1/outbox/public-key`: the key batches are signed with, for recipients to pin.
    func publicKey(_ request: Request) async throws -> PublicKeyDTO {
        let signer = try OutboxSigner.loadOrCreate(in: request.bureau.config.dataDirectory)
        return PublicKeyDTO(algorithm: "Ed25519", publicKey: signer.publicKeyBase64)
    }
}

extension Request {
    func noticeID() throws -> UUID {
        guard let text = parameters.get("id"), let id = UUID(uuidString: text) else {
            throw DomainError(.notFound, code: "notice_not_found", "no notice with that id")
        }
        return id
    }
}
