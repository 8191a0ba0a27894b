import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SapuCore

/// The answers a handler gives besides a page: JSON, a redirect, a download.
enum Reply {
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// After a form: 303, so a reload does not post it again.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A file to save, under a name made of safe characters only.
    static func download(_ bytes: [UInt8], name: String, type: String) -> Response {
        let safe = String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-_".unicodeScalars.contains($0)) })
        return Response(status: .ok, headers: [
            .contentType: type,
            .contentDisposition: "attachment; filename=\"\(safe.isEmpty ? "sapu" : safe)\"",
        ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A refusal as the API gives it: `{"error": "..."}` in the user's language.
    static func apiError(_ error: SapuError, language: Language) -> Response {
        json(["error": error.message.text(language)], status: error.httpStatus)
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
