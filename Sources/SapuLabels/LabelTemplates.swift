import Foundation
import SapuCore

/// The label templates in a directory: one `NAME.json` file per template.
public enum LabelTemplates {
    /// The directory the CLI reads templates from: `$SAPU_LABELS` if set, else `fallback`.
    public static func directory(environment: [String: String], fallback: String) -> String {
        environment["SAPU_LABELS"].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
    }

    /// Every template in the directory, sorted by name; one invalid file fails the lot so
    /// that a typo is noticed when it is made, not when that template is needed.
    public static func all(in directory: String) throws(SapuError) -> [LabelTemplate] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .fileUnreadable(path: directory)
        }
        var templates: [LabelTemplate] = []
        for file in files.sorted() where file.hasSuffix(".json") {
            templates.append(try load(name: String(file.dropLast(5)), in: directory))
        }
        return templates.sorted { $0.name < $1.name }
    }

    /// The template `name` (from `name.json`), validated.
    public static func named(_ name: String, in directory: String) throws(SapuError) -> LabelTemplate {
        guard !name.isEmpty, name.allSatisfy(LabelTemplate.isNameCharacter) else {
            throw .unknownTemplate(name)
        }
        guard FileManager.default.fileExists(atPath: path(of: name, in: directory)) else {
            throw .unknownTemplate(name)
        }
        return try load(name: name, in: directory)
    }

    /// Decodes and validates one template file; the file's name must match the name inside.
    public static func decode(_ data: Data, name: String) throws(SapuError) -> LabelTemplate {
        let template: LabelTemplate
        do {
            template = try JSONDecoder().decode(LabelTemplate.self, from: data)
        } catch let error as DecodingError {
            throw .templateInvalid(name: name, field: field(of: error))
        } catch {
            throw .templateInvalid(name: name, field: "JSON")
        }
        guard template.name == name else { throw .templateInvalid(name: name, field: "name") }
        try template.validate()
        return template
    }

    private static func load(name: String, in directory: String) throws(SapuError) -> LabelTemplate {
        let path = path(of: name, in: directory)
        guard let data = FileManager.default.contents(atPath: path) else { throw .fileUnreadable(path: path) }
        return try decode(data, name: name)
    }

    private static func path(of name: String, in directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name + ".json").path
    }

    /// The dotted path of the field a decoding error is about, such as `qr.version`.
    private static func field(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        let names = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        return names.isEmpty ? "JSON" : names.joined(separator: ".")
    }
}
