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
    /// Not an IANA time zone name that this machine knows.
    case unknownTimeZone(String)
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
    /// An option value that is none of the option's words (`OptionWord`); `words` are all of them.
    case unknownOptionWord(option: String, value: String, words: [Message])
    /// Option values of one command in both languages, e.g. `--mode terima` with `--by product`.
    case mixedOptionLanguages(indonesian: String, english: String)
    case gradeRequired
    case invalidGrade(String)
    case incompleteScan

    // Bundles and the lifecycle
    case unknownBundle(String)
    /// A typed bundle id that means a bundle but is not written the way the label prints it.
    case nonCanonicalBundleID(typed: String, canonical: String)
    case illegalMove(bundle: String, move: Move, state: BundleState, reason: MoveRefusal)
    /// `sapu inspect` with neither bundle ids nor `--batch` and `--maker`.
    case inspectNeedsBundles
    /// `sapu inspect` with bundle ids and an option that only describes new bundles (`--maker`, `--batch`, `--count`).
    case optionForNewBundlesOnly(String)
    /// More new bundles than `Confirmation.threshold` and nobody at a terminal to confirm (no `--yes`).
    case inspectNeedsConfirmation(count: Int)
    /// A void of many bundles or of a range, and nobody at a terminal to confirm (no `--yes`).
    case voidNeedsConfirmation(count: Int)
    /// The user answered something other than yes.
    case notConfirmed
    /// `sapu bundle void` without bundle ids or `--batch`, or with both.
    case voidNeedsBundles
    /// `--from` or `--to` without `--batch`.
    case serialRangeNeedsBatch
    case reversedSerialRange(from: Int, to: Int)
    /// A bundle of a void cannot be voided; `others` are the further bundles refused. Nothing was voided.
    case voidRefused(bundle: String, state: BundleState, reason: MoveRefusal, others: [String])
    /// Packing or unpacking a bundle that is packed in another shipment than the station's.
    case bundleInOtherShipment(bundle: String, move: Move, shipment: String)
    /// A typed id that is no bundle on record but reads as one once O/0 and I/L/1 are swapped.
    case typedBundleIDResembles(typed: String, suggestion: String)

    // Scanning
    case emptyScan
    /// A control code of the scanning station where a bundle's label or id was asked for.
    case notABundle
    case noCodeInImage(String)
    case scanTooLong(Int)
    case notUTF8
    case supersededLabel(scanned: Int, current: Int)
    /// The bundle was voided: its label is refused at every station.
    case voidedLabel
    /// At the partner: an older label of a bundle not yet counted; its current label accepts it.
    case partnerOldLabel(scanned: Int, current: Int)
    /// At the partner: an older label of a bundle already recorded by its current (or a newer) label.
    case partnerOldLabelAfterCurrent(scanned: Int, current: Int)
    /// At the partner: an older label of a bundle counted from its typed id.
    case partnerOldLabelAfterTyped(scanned: Int, current: Int)
    case labelOutdated(String)
    case keyboardSwapsYAndZ
    case labelDisagrees(String)
    case shipmentRequired
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
    /// A station switched to packing by a control code before any shipment was scanned.
    case packingNeedsShipmentCode
    /// A shipment control code names a shipment this database does not have.
    case packingShipmentUnknown(String)
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
    /// The manifest is signed with a key the partner's key file lacks (e.g. after a rotation).
    case manifestUnknownKey(path: String, site: String, keyID: String)
    /// The manifest's signature is genuine, but by another site or key than the manifest names.
    case manifestSignerMismatch(path: String, claimed: String, signedBy: String)
    case stateFromOtherManifest(String)
    /// A line of the verification state file other than a torn last one cannot be read.
    case stateFileDamaged(path: String, line: Int)
    case receiptUnreadable(String)
    /// `sapu verify --finish` on a PC without the partner's own site: the report was shown, the receipt not signed.
    case receiptNeedsOwnSite(database: String)
    case receiptTampered(String)
    case receiptForOtherShipment(receipt: String, shipment: String)
    /// `reconcile --shipment` named one shipment, the receipt answers another.
    case receiptNotForShipment(receipt: String, shipment: String)
    /// A directory (or anything but a file) has the name one of the shipment's documents needs.
    case documentPathBlocked(path: String)
    /// The shipment's documents are not all written yet (a closing in progress or interrupted).
    case shipmentDocumentsPending(String)
    /// Closed before, with its documents in another directory.
    case shipmentAlreadyClosed(id: String, directory: String)
    /// `shipment ship` on a shipment still open: closing writes the manifest first.
    case shipmentNotClosedYet(String)
    /// `shipment documents` on a shipment still open: it has no documents yet.
    case shipmentHasNoDocumentsYet(String)
    /// A shipment closed before Sapu kept the documents' bytes.
    case shipmentDocumentsNotKept(String)
    /// The kept manifest's SHA-256 is not the one recorded at closing: the database was altered.
    case shipmentDocumentsAltered(String)
    /// A receipt whose format an older Sapu wrote (it cannot tell typed ids from verified labels).
    case receiptFormerFormat(path: String, format: String)
    case receiptSignerNotPartner(path: String, signer: String)
    /// Signed by this site itself: a manifest or another of its own files given as a receipt.
    case receiptSignedByThisSite(path: String, site: String)
    /// No signature file beside a manifest or receipt (none was named): the wrong file was given, or its `.sig` was not copied.
    case signatureMissing(document: String, signature: String)
    case receiptNotSignedByPartnerKey(path: String, partner: String, keyID: String, fingerprint: String)
    case receiptKeyNotRegistered(partner: String, keyID: String)
    case receiptKeyRetired(partner: String, keyID: String)
    case receiptFromOtherPartner(signer: String, shipment: String, partner: String)
    case receiptReceiverDisagrees(path: String, receiver: String, signer: String)
    case receiptKeyDisagrees(path: String, named: String, signed: String)
    case receiptShipperDisagrees(path: String, shipper: String, site: String)
    case receiptListsInconsistent(String)
    case receiptNamesOtherBundle(bundle: String, shipment: String)
    /// An older (or equally old) receipt than the one already applied to the shipment.
    case receiptNotNewer(finished: String, applied: String)
    /// A shipment opened before partners were registered: reconcile must name its partner.
    case shipmentHasNoPartner(String)
    /// `--partner-key` is gone: a receipt's key comes only from the partner registry.
    case partnerKeyOptionRemoved

    // Partners
    case partnerRequired
    case partnerAmbiguous([String])
    case partnerIsOwnSite(String)
    case partnerNameRequired
    case partnerHasNoActiveKey(String)
    case partnerKeyFileEmpty(path: String)
    case partnerKeyWrongSite(path: String, site: String, partner: String)
    case partnerKeyIsOwn(keyID: String, fingerprint: String)
    case partnerKeyTaken(keyID: String, fingerprint: String, partner: String)
    case partnerKeyConflict(partner: String, keyID: String, fingerprint: String)
    case partnerKeyUnknown(partner: String, keyID: String)
    /// A key whose fingerprint is not the one the partner confirmed.
    case partnerFingerprintMismatch(partner: String, keyID: String, fingerprint: String)

    // Reports
    case reversedRange(from: CalendarDate, to: CalendarDate)
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
    /// SQLite's check found damage: nothing is written until a backup is restored.
    case databaseDamaged(path: String)
    /// `PRAGMA user_version` holds a number Sapu never writes (e.g. -1).
    case schemaVersionInvalid(path: String, found: Int)
    /// The version number is older than the tables the file already holds.
    case schemaVersionBehindTables(path: String, found: Int)
    /// An older schema that cannot be upgraded because the file or its directory is read-only.
    case olderSchemaReadOnly(path: String, found: Int, known: Int)
    /// Another process has the database open (restore needs it to itself).
    case databaseInUse(path: String, process: Int)
    case backupIsLiveDatabase(path: String)
    /// The copy just made failed SQLite's integrity check.
    case backupDamaged(path: String)
    case restoreDamaged(path: String)
    case restoreOtherSite(path: String, site: String, expected: String)
    /// `sapu doctor` found problems (each already printed on its own line).
    case checksFailed(Int)
    /// A lifecycle refusal that reached the store boundary without its bundle.
    case moveRefused(MoveRefusal)
    /// Anything else the database layer threw: said in words, never by its type name.
    case unexpectedStorageError

    // Keys
    case keyMissing(path: String)
    case keyUnreadable(path: String)
    /// A private key line where a public key was expected (`holdsPrivate`), or the reverse.
    case keyFileWrongKind(path: String, holdsPrivate: Bool)
    case keyFileExists(path: String)
    /// The private key file does not hold the key the database registers as current.
    case signingKeyNotRegistered(path: String, keyID: String)
    /// The private key file can be read or written by group or others (as ssh refuses it).
    case keyFilePermissions(path: String)
    /// The private key file holds another site's key.
    case keyFileOtherSite(path: String, found: String, site: String)
    /// The private key file holds a key the database does not know and a rotation did not leave.
    case keyFileUnknownKey(path: String, keyID: String)
    /// The database registers no current signing key.
    case noCurrentKey

    // Label payload
    case notSapuLabel
    case unknownPayloadVersion(String)
    case unknownKey(site: String, keyID: String)
    /// At the site's own station: a label names a key of this site that its database never registered.
    case labelKeyNotIssued(site: String, keyID: String)
    /// At the site's own station: a label of another site's batch, which it holds no key to check.
    case labelOfOtherSite(site: String)
    case badSignature
    case malformedField(String)
    case outsideAlphabet(String)

    // Label templates and images
    case bundlesOrBatch
    case nothingToLabel(String)
    case labelChangedWhilePrinting
    /// Bundles named without `--again` that already have a current label.
    case labelAlreadyCurrent([String])
    /// Bundles named with `--again` that have no current label to write again.
    case nothingToReprint([String])
    /// `--batch` with `--again`, and no bundle of the batch has a current label.
    case batchNothingToReprint(String)
    /// The bundle's next label would need a revision a label cannot carry.
    case labelRevisionsUsedUp(bundle: String)
    case unknownTemplate(String)
    case templateInvalid(name: String, field: String)
    /// Several impossible fields in one template, each named.
    case templateFieldsInvalid(name: String, fields: [String])
    case qrDoesNotFit(template: String, neededDots: Int, availableDots: Int)
    case payloadTooLong(template: String, version: Int)
    case imageUnreadable(path: String)
    /// An image declaring more pixels than a photo of labels needs, refused before decoding.
    case imageTooLarge(path: String, width: Int, height: Int, limit: Int)
    /// An image file larger than any photo Sapu reads, refused before reading it.
    case imageFileTooLarge(path: String, limit: Int)
    /// A JPEG whose compressed data ends early (a photo cut short in copying) or is corrupt.
    case imageDamaged(path: String)
    case fontMissing(path: String)
    case skipOutOfRange(skip: Int, slots: Int)
    /// A calibration shift beyond what any printer needs (`LabelOffset.limitMM`).
    case labelOffsetOutOfRange(value: Double, limitMM: Double)
    /// `--offset-x`/`--offset-y` given something that is not a number of millimetres.
    case labelOffsetNotANumber(option: String, value: String)
    /// A calibration shift that would push a label's code or text off the printable part of its sticker.
    case labelOffsetTooLarge(template: String, xMM: Double, yMM: Double)
    /// The shift stored for a template in the database is not a number within ±`LabelOffset.limitMM`
    /// (the database was changed by hand or by another program).
    case storedLabelOffsetInvalid(template: String)
    /// The shift stored for a template no longer leaves its labels whole: the template was
    /// changed after the shift was stored.
    case storedLabelOffsetDoesNotFit(template: String, xMM: Double, yMM: Double)
    /// `--skip` given for output that has no sheet positions.
    case skipNeedsSheet
    case renderFailed(String)
    /// ZPL or TSPL asked for a sheet template, which an office printer prints as pages.
    case languageNeedsThermal(template: String, language: String)
    /// `--language` without a printer to send to.
    case printerLanguageWithoutPrinter
    /// `--format` or `--out` (files) together with `--printer` (a job).
    case filesOptionWithPrinter(option: String)

    // Printing through CUPS
    /// The `lp` or `lpstat` command is not installed.
    case printingToolMissing(String)
    /// The CUPS scheduler cannot be reached.
    case cupsNotRunning
    case printerUnknown(String)
    /// The queue is disabled (`cupsdisable`): a job would wait there instead of printing.
    case printerStopped(String)
    /// The queue refuses new jobs (`cupsreject`).
    case printerNotAccepting(String)
    /// `lp` or `lpstat` gave no answer in time.
    case printerTimedOut(String, seconds: Int)
    /// `lp` failed for a reason Sapu does not recognise; `status` is its exit status.
    case printJobRefused(printer: String, status: Int32)
    /// `lpstat` could not list the queues for a reason Sapu does not recognise; `status` is its exit status.
    case printerListFailed(status: Int32)

    // Users and the web app (docs/web.md)
    /// A password shorter than `minimum` characters (or longer than `maximum`).
    case passwordLength(minimum: Int, maximum: Int)
    /// The password typed twice was not the same twice.
    case passwordsDiffer
    /// No password came: `--password-stdin` with nothing on stdin, or no terminal to ask at.
    case passwordNotGiven
    /// A log-in with an unknown user, a disabled one or a wrong password: which, is not said.
    case loginFailed
    /// Too many wrong passwords for this user in a row: the next try is accepted after `seconds`.
    case loginThrottled(seconds: Int)
    /// Disabling (or demoting) the last active admin would leave nobody to manage users.
    case lastAdmin(String)
    /// The session cookie is missing, unknown or past its lifetime.
    case sessionExpired
    /// The user's role may not do this; `role` is the user's role word.
    case notAllowed(role: String)
    /// A form posted without the token its page carried, or from another site.
    case formTokenInvalid
    /// An upload or form over `limitMiB`.
    case uploadTooLarge(limitMiB: Int)
    /// A posted body that is no form: multipart cut before its end or a part naming no field, JSON that is no object.
    case formUnreadable
    /// A form field that is required and missing or empty; `field` is its label in the user's words.
    case formFieldMissing(field: Message)
    /// `--listen` is not `HOST:PORT` with a port from 0 (any free port) to 65535.
    case listenAddressInvalid(String)
    /// The server could not listen on `address` (in use, not this machine's, not allowed).
    case listenFailed(address: String)
    /// A download that is not there: never written, removed, or a name that cannot be one of Sapu's files.
    case downloadMissing(String)
    /// No verification of that id on this server (never started, or a made-up id).
    case verificationUnknown(String)

    // Files
    case fileUnreadable(path: String)
    /// A manifest, receipt, signature or key file larger than any Sapu writes, or not a plain file.
    case fileTooLarge(path: String, limitMiB: Int)
    case fileUnwritable(path: String)
    /// A file name made from data holds something other than letters, digits, `.`, `_` and `-`.
    case unsafeFileName(String)

    // The hub (docs/hub.md)
    /// A log batch that is not one, or whose entries are out of order.
    case malformedLogBatch
    /// Anything the hub or a sync refused or could not do: its own list, its own messages.
    case hub(HubProblem)
}

/// The kinds of codes a user types; each has its own name in messages.
public enum CodeKind: String, Sendable, Equatable, CaseIterable {
    case site, product, maker, batch, defect, grade, inspector, station, key, partner
    /// Someone who logs in to `sapu serve` (`sapu user add`).
    case user
    /// Whoever scans, voids or ships (`--operator`): a warehouse clerk is not an inspector.
    case `operator`
}
