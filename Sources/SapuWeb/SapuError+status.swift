import HTTPTypes
import SapuCore

extension SapuError {
    /// The HTTP status a refusal is answered with: the client's mistake (4xx) or Sapu's (5xx).
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .loginFailed, .sessionExpired: .unauthorized
        case .loginThrottled: .tooManyRequests
        case .notAllowed, .formTokenInvalid: .forbidden
        case .uploadTooLarge, .imageFileTooLarge, .imageTooLarge, .fileTooLarge: .contentTooLarge
        case .unknown, .unknownBundle, .unknownShipment, .unknownTemplate, .downloadMissing, .verificationUnknown: .notFound
        case .duplicate, .illegalMove, .moveRefused, .shipmentWrongStatus, .shipmentNotOpen, .shipmentAlreadyClosed,
             .labelAlreadyCurrent, .bundleInOtherShipment, .lastAdmin:
            .conflict
        case .databaseBusy, .databaseInUse: .serviceUnavailable
        case .storageFailure, .unexpectedStorageError, .databaseDamaged, .databaseUnwritable, .renderFailed, .fontMissing,
             .noCurrentKey, .keyMissing, .keyUnreadable, .keyFilePermissions, .signingKeyNotRegistered, .fileUnwritable:
            .internalServerError
        default: .badRequest
        }
    }
}
