/// The parts of a label payload, named as `SapuError.malformedField` reports them.
public enum LabelField: String, Sendable, CaseIterable {
    case version
    case key
    case product
    case batch
    case serial
    case maker
    case date
    case result
    case defect
    case revision
    case signature

    /// The letter that starts the field's token; the version and key tokens have none.
    public var prefix: Character? {
        switch self {
        case .version, .key, .signature: nil
        case .product: "T"
        case .batch: "B"
        case .serial: "S"
        case .maker: "M"
        case .date: "D"
        case .result: "Q"
        case .defect: "X"
        case .revision: "R"
        }
    }
}
