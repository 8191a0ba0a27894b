import Foundation
import SapuCore
import SapuLabels
import Testing

@Suite("Label templates")
struct LabelTemplateTests {
    /// A valid thermal template as JSON, to be broken one field at a time.
    static var thermal: [String: Any] { [
        "name": "test", "description": "a test label", "kind": "thermal", "dpi": 203,
        "label": ["widthMM": 60.0, "heightMM": 40.0],
        "qr": ["version": 10, "level": "Q", "moduleDots": 4, "quietZone": 4],
    ] }

    static var sheet: [String: Any] { [
        "name": "test", "description": "a test sheet", "kind": "sheet", "dpi": 300,
        "label": ["widthMM": 70.0, "heightMM": 37.0],
        "qr": ["version": 10, "level": "Q", "moduleDots": 5, "quietZone": 4],
        "sheet": ["pageWidthMM": 210.0, "pageHeightMM": 297.0, "columns": 3, "rows": 8,
                  "originXMM": 0.0, "originYMM": 0.5, "pitchXMM": 70.0, "pitchYMM": 37.0],
    ] }

    /// A JSON literal such as `0`, `-50.5` or `"X"` as a JSONSerialization value.
    static func value(_ literal: String) -> Any {
        try! JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed)
    }

    static func decode(_ object: [String: Any]) throws(SapuError) -> LabelTemplate {
        let data = try! JSONSerialization.data(withJSONObject: object)
        return try LabelTemplates.decode(data, name: "test")
    }

    static func changing(_ object: [String: Any], _ path: [String], to value: Any?) -> [String: Any] {
        var copy = object
        if path.count == 1 {
            copy[path[0]] = value
        } else {
            copy[path[0]] = changing(object[path[0]] as! [String: Any], Array(path.dropFirst()), to: value)
        }
        return copy
    }

    @Test func theRepositoryHoldsTheFourStandardTemplates() throws {
        let templates = try LabelTemplates.all(in: Fixtures.labelsDirectory)
        #expect(templates.map(\.name) == Fixtures.templateNames)
    }

    @Test func templateNumbersAreTheDocumentedOnes() throws {
        let small = try Fixtures.template("thermal-50x30")
        #expect((small.widthDots, small.heightDots) == (400, 240))
        #expect((small.qr.version, small.qr.level, small.qr.moduleDots) == (8, .M, 4))
        #expect(small.qrSideDots == 228)

        let large = try Fixtures.template("thermal-60x40")
        #expect((large.widthDots, large.heightDots) == (480, 320))
        #expect(large.qrSideDots == 260)

        let sheet = try Fixtures.template("a4-3x8")
        #expect(sheet.slotsPerPage == 24)
        #expect((sheet.widthDots, sheet.heightDots) == (827, 437))
        #expect(sheet.qrSideDots == 325)

        let stickers = try Fixtures.template("a4-3x7")
        #expect(stickers.slotsPerPage == 21)
        #expect(stickers.sheet?.pitchXMM == 66.0)
    }

    @Test func anUnknownNameIsRefused() {
        #expect(throws: SapuError.unknownTemplate("a5-2x2")) {
            try LabelTemplates.named("a5-2x2", in: Fixtures.labelsDirectory)
        }
        #expect(throws: SapuError.unknownTemplate("../labels/a4-3x8")) {
            try LabelTemplates.named("../labels/a4-3x8", in: Fixtures.labelsDirectory)
        }
    }

    @Test func theValidSamplesAreAccepted() throws {
        #expect(try Self.decode(Self.thermal).qr.version == 10)
        #expect(try Self.decode(Self.sheet).slotsPerPage == 24)
    }

    @Test func theLevelDefaultsToQAndTheMarginTo1_5mm() throws {
        let template = try Self.decode(Self.changing(Self.changing(Self.thermal, ["qr", "level"], to: nil),
                                                     ["marginMM"], to: nil))
        #expect(template.qr.level == .Q)
        #expect(template.marginMM == 1.5)
    }

    @Test("a missing field is named", arguments: [
        ["dpi"], ["kind"], ["label", "heightMM"], ["qr", "version"], ["qr", "moduleDots"], ["qr", "quietZone"],
    ])
    func aMissingFieldIsNamed(path: [String]) {
        #expect(throws: SapuError.templateInvalid(name: "test", field: path.joined(separator: "."))) {
            try Self.decode(Self.changing(Self.thermal, path, to: nil))
        }
    }

    @Test func aSheetWithoutItsGridIsRefused() {
        #expect(throws: SapuError.templateInvalid(name: "test", field: "sheet")) {
            try Self.decode(Self.changing(Self.sheet, ["sheet"], to: nil))
        }
        #expect(throws: SapuError.templateInvalid(name: "test", field: "sheet.rows")) {
            try Self.decode(Self.changing(Self.sheet, ["sheet", "rows"], to: nil))
        }
    }

    @Test("an impossible value is named", arguments: [
        (["dpi"], "0", "dpi"),
        (["dpi"], "5000", "dpi"),
        (["dpi"], "\"203\"", "dpi"),
        (["label", "widthMM"], "-50", "label.widthMM"),
        (["label", "heightMM"], "0", "label.heightMM"),
        (["qr", "version"], "41", "qr.version"),
        (["qr", "version"], "0", "qr.version"),
        (["qr", "quietZone"], "3", "qr.quietZone"),
        (["qr", "moduleDots"], "3", "qr.moduleDots"),
        (["qr", "moduleDots"], "4.5", "qr.moduleDots"),
        (["qr", "level"], "\"X\"", "qr.level"),
        (["kind"], "\"inkjet\"", "kind"),
        (["name"], "\"other\"", "name"),
        (["marginMM"], "-1", "marginMM"),
    ])
    func anImpossibleValueIsNamed(path: [String], literal: String, field: String) {
        #expect(throws: SapuError.templateInvalid(name: "test", field: field)) {
            try Self.decode(Self.changing(Self.thermal, path, to: Self.value(literal)))
        }
    }

    @Test("an impossible sheet is named", arguments: [
        ("columns", "4", "sheet.columns"),
        ("rows", "9", "sheet.rows"),
        ("columns", "0", "sheet.columns"),
        ("pitchXMM", "60", "sheet.pitchXMM"),
        ("originYMM", "-2", "sheet.originYMM"),
        ("pageWidthMM", "0", "sheet.pageWidthMM"),
    ])
    func anImpossibleSheetIsNamed(key: String, literal: String, field: String) {
        #expect(throws: SapuError.templateInvalid(name: "test", field: field)) {
            try Self.decode(Self.changing(Self.sheet, ["sheet", key], to: Self.value(literal)))
        }
    }

    @Test func everyBadFieldIsNamedOnItsOwnLine() {
        var broken = Self.changing(Self.sheet, ["dpi"], to: 50)
        broken = Self.changing(broken, ["sheet", "pitchYMM"], to: 10.0)
        broken = Self.changing(broken, ["sheet", "unprintableMM"], to: -1.0)
        let fields = ["dpi", "sheet.unprintableMM", "sheet.pitchYMM"]
        #expect(throws: SapuError.templateFieldsInvalid(name: "test", fields: fields)) { try Self.decode(broken) }
        let message = SapuError.templateFieldsInvalid(name: "test", fields: fields).message.text(.en)
        #expect(message.split(separator: "\n").map(String.init) == fields.map {
            "template test: value \"\($0)\" is missing or impossible"
        })
    }

    @Test func theUnprintableMarginDefaultsTo4mmAndMustLeaveRoomOnEverySticker() throws {
        #expect(try Self.decode(Self.sheet).sheet?.unprintableMM == 4)
        let roomy = Self.changing(Self.sheet, ["sheet", "unprintableMM"], to: 0.0)
        #expect(try Self.decode(roomy).sheet?.unprintableMM == 0)
        // 12 mm from every edge leaves the stickers of the outer columns too narrow for code and text.
        #expect(throws: SapuError.templateInvalid(name: "test", field: "sheet.unprintableMM")) {
            try Self.decode(Self.changing(Self.sheet, ["sheet", "unprintableMM"], to: 12.0))
        }
    }

    @Test func aQRCodeTallerThanTheLabelIsRefusedWithTheNumbers() {
        // Version 10 with 5 dots per module: (57 + 8) × 5 = 325 dots; 40 mm is 320 dots.
        #expect(throws: SapuError.qrDoesNotFit(template: "test", neededDots: 325, availableDots: 320)) {
            try Self.decode(Self.changing(Self.thermal, ["qr", "moduleDots"], to: 5))
        }
    }

    @Test func aQRCodeLeavingNoRoomForTextIsRefusedWithTheNumbers() {
        // 40 mm wide is 320 dots; 12 for the margin and 120 for the text leave 188.
        let narrow = Self.changing(Self.thermal, ["label", "widthMM"], to: 40.0)
        #expect(throws: SapuError.qrDoesNotFit(template: "test", neededDots: 260, availableDots: 188)) {
            try Self.decode(narrow)
        }
    }

    @Test func brokenJSONIsRefused() {
        #expect(throws: SapuError.templateInvalid(name: "test", field: "JSON")) {
            try LabelTemplates.decode(Data("{ \"name\": ".utf8), name: "test")
        }
    }

    @Test func oneBrokenFileInTheDirectoryIsReported() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try Data(contentsOf: URL(fileURLWithPath: Fixtures.labelsDirectory + "/a4-3x8.json"))
        try good.write(to: directory.appendingPathComponent("a4-3x8.json"))
        let broken = Self.changing(Self.changing(Self.thermal, ["name"], to: "bad"), ["qr", "quietZone"], to: 2)
        try JSONSerialization.data(withJSONObject: broken).write(to: directory.appendingPathComponent("bad.json"))
        #expect(throws: SapuError.templateInvalid(name: "bad", field: "qr.quietZone")) {
            try LabelTemplates.all(in: directory.path)
        }
        #expect(try LabelTemplates.named("a4-3x8", in: directory.path).name == "a4-3x8")
    }

    @Test func theOverrideDirectoryComesFromTheEnvironmentWhenSet() {
        #expect(LabelTemplates.overrideDirectory(environment: ["SAPU_LABELS": "/srv/labels"]) == "/srv/labels")
    }

    @Test func builtInTemplatesMatchTheLabelsDirectory() throws {
        // labels/ is the editable copy; Scripts/embed-templates.sh must have been run after each change.
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.labelsDirectory)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(LabelTemplates.builtIn.map(\.name).sorted() == files.map { String($0.dropLast(5)) },
                "run Scripts/embed-templates.sh")
        for (name, json) in LabelTemplates.builtIn {
            let file = try String(contentsOfFile: Fixtures.labelsDirectory + "/" + name + ".json", encoding: .utf8)
            #expect(json == file, "\(name).json differs from the built-in copy: run Scripts/embed-templates.sh")
        }
    }

    @Test func builtInTemplatesAreFoundWithoutAnyDirectory() throws {
        let templates = try LabelTemplates.all(overrides: nil)
        #expect(templates.map(\.name) == Fixtures.templateNames)
        #expect(try LabelTemplates.named("thermal-50x30", overrides: nil) == LabelTemplates.named("thermal-50x30", in: Fixtures.labelsDirectory))
    }

    @Test func aDirectoryAddsAndOverridesBuiltInTemplates() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let changed = Self.changing(Self.changing(Self.thermal, ["name"], to: "thermal-50x30"), ["description"], to: "ours")
        try JSONSerialization.data(withJSONObject: changed).write(to: directory.appendingPathComponent("thermal-50x30.json"))
        let added = Self.changing(Self.thermal, ["name"], to: "roll-extra")
        try JSONSerialization.data(withJSONObject: added).write(to: directory.appendingPathComponent("roll-extra.json"))
        let templates = try LabelTemplates.all(overrides: directory.path)
        #expect(templates.map(\.name) == (Fixtures.templateNames + ["roll-extra"]).sorted())
        #expect(try LabelTemplates.named("thermal-50x30", overrides: directory.path).description == "ours")
        #expect(try LabelTemplates.named("a4-3x8", overrides: directory.path).name == "a4-3x8")
        #expect(throws: SapuError.unknownTemplate("none")) { try LabelTemplates.named("none", overrides: directory.path) }
    }
}
