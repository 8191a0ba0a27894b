import SapuCore
import SapuLabels

/// The human-readable text beside a label's QR code, in the label's language.
public enum LabelText {
    public static func face(_ payload: String, bundle: Bundle, productName: String, defects names: DefectNames,
                            language: Language) -> LabelFace {
        let lines = [
            Message.labelBatch(bundle.batch).text(language),
            Message.labelMaker(bundle.maker).text(language),
            Message.labelDate(bundle.inspected).text(language),
        ]
        switch bundle.result {
        case .pass(let grade):
            return LabelFace(payload: payload, title: productName, bundleID: bundle.id.description, lines: lines,
                             result: Message.labelPass(grade).text(language), defects: nil, failed: false)
        case .fail(let defects):
            return LabelFace(payload: payload, title: productName, bundleID: bundle.id.description, lines: lines,
                             result: Message.labelFail.text(language), defects: names.names(defects).text(language),
                             failed: true)
        }
    }
}
