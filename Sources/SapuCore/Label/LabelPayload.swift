/// What a label's QR code says about one bundle, before it is signed.
///
/// Every value of this type can be written as a `SAPU1` payload: the initialiser
/// upper-cases the codes and refuses what the format cannot carry.
public struct LabelPayload: Sendable, Equatable {
    /// The id of the site key that signs the label (`K1`); it rotates, the site stays.
    public let keyID: String
    /// The product code (`LIDI`).
    public let product: String
    /// The batch code (`PWT251121A`); it names the site whose key must have signed the label.
    public let batch: String
    /// The bundle's serial within the batch.
    public let serial: Int
    /// The maker's pseudonymous code (`M042`); never the maker's name.
    public let maker: String
    /// The day of the QC inspection.
    public let inspected: CalendarDate
    /// Pass with a grade, or fail with the defect codes in the order they were recorded.
    public let result: QCResult
    /// 1 for the first label of the bundle, one more for each reprint with changed content.
    public let revision: Int

    /// Serials a label can carry: up to seven digits, as a typed bundle id.
    public static let serials = 1...9_999_999
    /// Revisions a label can carry.
    public static let revisions = 1...999
    /// The most defect codes one label carries, so the longest payload still fits a
    /// version 10 QR symbol at error-correction level Q.
    public static let maximumDefects = 4

    /// Checks and upper-cases the fields.
    ///
    /// Throws the code errors of `Code.normalise`, `defectsRequired` for a fail without
    /// defects, and `malformedField` for a batch code that names no site (see
    /// `Batch.site(ofCode:)`), or a serial, revision or defect count the label cannot carry.
    public init(
        keyID: String, product: String, batch: String, serial: Int, maker: String,
        inspected: CalendarDate, result: QCResult, revision: Int = 1
    ) throws(SapuError) {
        let keyID = try Code.normalise(keyID, as: .key)
        let product = try Code.normalise(product, as: .product)
        let batch = try Code.normalise(batch, as: .batch)
        let maker = try Code.normalise(maker, as: .maker)
        guard Batch.site(ofCode: batch) != nil else { throw .malformedField(LabelField.batch.rawValue) }
        guard Self.serials.contains(serial) else { throw .malformedField(LabelField.serial.rawValue) }
        guard Self.revisions.contains(revision) else { throw .malformedField(LabelField.revision.rawValue) }
        var checked = result
        if case .fail(let defects) = result {
            guard !defects.isEmpty else { throw .defectsRequired }
            guard defects.count <= Self.maximumDefects else {
                throw .malformedField(LabelField.defect.rawValue)
            }
            var codes: [String] = []
            for defect in defects {
                codes.append(try Code.normalise(defect, as: .defect))
            }
            checked = .fail(codes)
        }
        self.init(checked: keyID, product: product, batch: batch, serial: serial, maker: maker,
                  inspected: inspected, result: checked, revision: revision)
    }

    /// For fields already checked, by the initialiser above or by the parser.
    init(
        checked keyID: String, product: String, batch: String, serial: Int, maker: String,
        inspected: CalendarDate, result: QCResult, revision: Int
    ) {
        self.keyID = keyID
        self.product = product
        self.batch = batch
        self.serial = serial
        self.maker = maker
        self.inspected = inspected
        self.result = result
        self.revision = revision
    }

    /// The site whose key must have signed the label: the site its batch belongs to.
    public var site: String {
        // Every payload's batch was checked by the initialiser or the parser.
        Batch.site(ofCode: batch) ?? ""
    }

    /// The bundle the label belongs to: `PWT251121A-0042`.
    public var bundleID: BundleID { BundleID(batch: batch, serial: serial) }
}
