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
    /// A number given on the command line (or in a file) outside what Sapu accepts.
    case numberOutOfRange(option: String, value: String, range: ClosedRange<Int>)
    /// A product's bundle size in the database is outside `Product.bundleSizes` (written before it was checked).
    case storedBundleSizeOutOfRange(product: String, size: Int)
    /// A sum or product of stored numbers would not fit: a stored number is out of range.
    case totalTooLarge
    /// The batch cannot take that many more bundles: serials end at the label's limit.
    case batchFull(batch: String, remaining: Int)
    /// Every running shipment number of the year is taken.
    case shipmentNumbersUsedUp(year: Int)
    /// Free text (a name, an address) with a character a terminal would act on.
    case controlCharacterInText(field: TextField, value: String)
    case textTooLong(field: TextField, limit: Int)
    case emptyText(field: TextField)
    case defectsRequired
    case tooManyDefects(limit: Int)
    case invalidLanguage(String)
    case gradeRequired
    case invalidGrade(String)
    case incompleteScan

    // Bundles and the lifecycle
    case unknownBundle(String)
    /// A typed bundle id that means a bundle but is not written the way the label prints it.
    case nonCanonicalBundleID(typed: String, canonical: String)
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
    /// The bundle's next label would need a revision a label cannot carry.
    case labelRevisionsUsedUp(bundle: String)
    case unknownTemplate(String)
    case templateInvalid(name: String, field: String)
    case qrDoesNotFit(template: String, neededDots: Int, availableDots: Int)
    case payloadTooLong(template: String, version: Int)
    case imageUnreadable(path: String)
    case fontMissing(path: String)
    case skipOutOfRange(skip: Int, slots: Int)
    /// `--skip` given for output that has no sheet positions.
    case skipNeedsSheet
    case renderFailed(String)

    // Files
    case fileUnreadable(path: String)
    case fileUnwritable(path: String)
    /// A file name made from data holds something other than letters, digits, `.`, `_` and `-`.
    case unsafeFileName(String)
}

/// The kinds of codes a user types; each has its own name in messages.
public enum CodeKind: String, Sendable, Equatable, CaseIterable {
    case site, product, maker, batch, defect, grade, inspector, station, key
}
