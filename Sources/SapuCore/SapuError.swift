/// Everything that can go wrong in a way the user can act on.
///
/// The CLI prints `message.text(language)`; no case carries SQL or a stack trace.
public enum SapuError: Error, Sendable, Equatable {
    // Codes and registry
    case invalidCode(kind: CodeKind, value: String)
    case emptyCode(kind: CodeKind)
    case codeTooLong(kind: CodeKind, value: String, limit: Int)
    case unknown(kind: CodeKind, value: String)
    case duplicate(kind: CodeKind, value: String)
    case inactiveMaker(String)
    case invalidCount(String)
    case invalidDate(String)
    case invalidBundleSize(String)
    case defectsRequired
    case tooManyDefects(limit: Int)
    case invalidLanguage(String)
    case gradeRequired
    case invalidGrade(String)
    case incompleteScan

    // Bundles and the lifecycle
    case unknownBundle(String)
    case unknownState(String)
    case illegalMove(bundle: String, move: Move, state: BundleState, reason: MoveRefusal)

    // Scanning
    case emptyScan
    case noCodeInImage(String)
    case scanTooLong(Int)
    case notUTF8
    case supersededLabel(scanned: Int, current: Int)
    case labelOutdated(String)
    case keyboardSwapsYAndZ
    case labelDisagrees(String)
    case shipmentRequired
    case unknownMode(String)
    /// A control code without the site's tag: typed by hand, or from an old sheet.
    case controlCodeUntagged(current: ScanMode)
    /// A control code whose tag this site did not make: another site's sheet, or altered.
    case controlCodeNotThisSite(current: ScanMode)
    /// A destructive mode asked for by a control code, which never selects one.
    case controlCodeCannotSelect(mode: ScanMode, current: ScanMode)
    /// A station started with `--mode check` asked to switch to a mode that writes.
    case checkStationStaysReadOnly(mode: ScanMode)
    /// The station's shipment was closed (or is otherwise not open) while it was packing.
    case packingShipmentNotOpen(id: String, status: ShipmentStatus)
    /// Scans that were answered as refused because the database could not save them.
    case scansNotSaved(count: Int)

    // Shipments
    case unknownShipment(String)
    case shipmentNotOpen(id: String, status: ShipmentStatus)
    case shipmentWrongStatus(id: String, status: ShipmentStatus, action: String)
    case shipmentEmpty(String)
    case shipmentHoldsUnfit(id: String, bundle: String)
    case consigneeRequired
    case manifestMismatch(bundle: String, field: String, manifest: String, label: String)
    case manifestUnreadable(String)
    case manifestTampered(String)
    case stateFromOtherManifest(String)
    case receiptUnreadable(String)
    case receiptTampered(String)
    case receiptForOtherShipment(receipt: String, shipment: String)

    // Reports
    case reversedRange(from: CalendarDate, to: CalendarDate)
    case unknownGrouping(String)
    case unknownFormat(String)
    /// The history generator only fills a database that has no bundles yet.
    case databaseNotEmpty(path: String)

    // Database
    case databaseMissing(path: String)
    case notSapuDatabase(path: String)
    case newerSchema(path: String, found: Int, known: Int)
    case alreadyInitialised(path: String)
    case databaseBusy
    case databaseUnwritable(path: String)
    case storageFailure(String)

    // Keys
    case keyMissing(path: String)
    case keyUnreadable(path: String)
    case keyFileExists(path: String)
    /// The private key file does not hold the key the database registers as current.
    case signingKeyNotRegistered(path: String)

    // Label payload
    case notSapuLabel
    case unknownPayloadVersion(String)
    case unknownKey(String)
    case badSignature
    case malformedField(String)
    case outsideAlphabet(String)

    // Label templates and images
    case bundlesOrBatch
    case nothingToLabel(String)
    case labelChangedWhilePrinting
    case unknownTemplate(String)
    case templateInvalid(name: String, field: String)
    case qrDoesNotFit(template: String, neededDots: Int, availableDots: Int)
    case payloadTooLong(template: String, version: Int)
    case imageUnreadable(path: String)
    /// An image declaring more pixels than a photo of labels needs, refused before decoding.
    case imageTooLarge(path: String, width: Int, height: Int, limit: Int)
    /// An image file larger than any photo Sapu reads, refused before reading it.
    case imageFileTooLarge(path: String, limit: Int)
    case fontMissing(path: String)
    case skipOutOfRange(skip: Int, slots: Int)
    case renderFailed(String)

    // Files
    case fileUnreadable(path: String)
    case fileUnwritable(path: String)
}

/// The kinds of codes a user types; each has its own name in messages.
public enum CodeKind: String, Sendable, Equatable, CaseIterable {
    case site, product, maker, batch, defect, grade, inspector, station, key
}
