/// The quality grade of a bundle that passed.
public enum Grade: String, Sendable, Codable, CaseIterable {
    case a = "A"
    case b = "B"

    public init(code: String) throws(SapuError) {
        guard let grade = Grade(rawValue: code.trimmingSpaces().uppercased()) else {
            throw .invalidGrade(code)
        }
        self = grade
    }
}

/// A QC result: pass with a grade, or fail with one or more defect codes.
public enum QCResult: Sendable, Equatable, Hashable {
    case pass(Grade)
    case fail([String])

    public var passed: Bool {
        if case .pass = self { return true }
        return false
    }

    public var grade: Grade? {
        if case .pass(let grade) = self { return grade }
        return nil
    }

    public var defects: [String] {
        if case .fail(let defects) = self { return defects }
        return []
    }

    /// A compact, stable text form for storage and JSON: `A`, `B` or `FAIL:LOOSE,DAMP`.
    public var code: String {
        switch self {
        case .pass(let grade): grade.rawValue
        case .fail(let defects): "FAIL:" + defects.joined(separator: ",")
        }
    }

    /// Reads the form written by `code`.
    public init?(code: String) {
        if let grade = Grade(rawValue: code) {
            self = .pass(grade)
        } else if code.hasPrefix("FAIL:") {
            let defects = code.dropFirst(5).split(separator: ",").map(String.init)
            guard !defects.isEmpty else { return nil }
            self = .fail(defects)
        } else {
            return nil
        }
    }
}
