import Foundation
import SapuCore

/// The label templates: built into the binary from `labels/`, with the files of one
/// directory as additions and overrides (docs/label-templates.md).
public enum LabelTemplates {
    /// The directory whose templates add to and override the built-in ones: `$SAPU_LABELS`
    /// if set, else `labels` in the working directory when there is one, else none.
    public static func overrideDirectory(environment: [String: String]) -> String? {
        if let set = environment["SAPU_LABELS"], !set.isEmpty { return set }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: "labels", isDirectory: &isDirectory) && isDirectory.boolValue
            ? "labels" : nil
    }

    /// Every template: the built-in ones, replaced or joined by those in `overrides`, sorted
    /// by name. One invalid file fails the lot, so that a typo is noticed when it is made.
    public static func all(overrides directory: String?) throws(SapuError) -> [LabelTemplate] {
        var byName: [String: LabelTemplate] = [:]
        for (name, json) in builtIn { byName[name] = try decode(Data(json.utf8), name: name) }
        if let directory {
            for template in try all(in: directory) { byName[template.name] = template }
        }
        return byName.values.sorted { $0.name < $1.name }
    }

    /// The template `name`: the file `name.json` in `overrides` if there is one, else the built-in one.
    public static func named(_ name: String, overrides directory: String?) throws(SapuError) -> LabelTemplate {
        guard !name.isEmpty, name.allSatisfy(LabelTemplate.isNameCharacter) else {
            throw .unknownTemplate(name)
        }
        if let directory, FileManager.default.fileExists(atPath: path(of: name, in: directory)) {
            return try load(name: name, in: directory)
        }
        guard let json = builtIn.first(where: { $0.name == name })?.json else { throw .unknownTemplate(name) }
        return try decode(Data(json.utf8), name: name)
    }

    /// Every template in the directory, sorted by name; one invalid file fails the lot.
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

    /// The template `name` (from `name.json` in the directory), validated.
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
        // Bounded like every input: a template is a few hundred bytes, never a pipe or a device.
        let bytes: [UInt8]
        do throws(BoundedFile.Refusal) {
            bytes = try BoundedFile.read(path, limit: maximumFileMiB << 20)
        } catch {
            switch error {
            case .unreadable: throw .fileUnreadable(path: path)
            case .tooLarge: throw .fileTooLarge(path: path, limitMiB: maximumFileMiB)
            }
        }
        return try decode(Data(bytes), name: name)
    }

    /// The largest template file read.
    static let maximumFileMiB = 1

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
