import SapuCore
import SapuLabels

/// The human-readable text beside a label's QR code, in the label's language.
public enum LabelText {
    /// The face of `bundle`'s label: product, bundle id, batch, maker, date, the workshop
    /// (`site`'s name, or its code where the name does not fit) with the bundle's content,
    /// and the result: the grade as a big letter, or TIDAK LULUS with the defects by name.
    public static func face(_ payload: String, bundle: Bundle, productName: String, bundleSize: Int?, site: Site,
                            defects names: DefectNames, language: Language) -> LabelFace {
        let lines = [
            Message.labelBatch(bundle.batch).text(language),
            Message.labelMaker(bundle.maker).text(language),
            Message.labelDate(bundle.inspected).text(language),
        ]
        let workshop = [site.name, site.code].filter { !$0.isEmpty }
        let content = bundleSize.map { Message.labelContent($0).text(language) }
        // The batch line may be left off a crowded label: the bundle id begins with it.
        switch bundle.result {
        case .pass(let grade):
            return LabelFace(payload: payload, title: productName, bundleID: bundle.id.description, lines: lines,
                             droppableLines: 1, workshop: workshop, content: content,
                             result: Message.labelPassed.text(language), grade: grade.rawValue, failed: false)
        case .fail(let defects):
            return LabelFace(payload: payload, title: productName, bundleID: bundle.id.description, lines: lines,
                             droppableLines: 1, workshop: workshop, content: content,
                             result: Message.labelFail.text(language), defects: names.names(defects).text(language),
                             failed: true)
        }
    }
}
