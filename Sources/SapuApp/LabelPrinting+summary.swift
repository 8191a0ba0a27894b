import SapuCore

extension LabelPrinting.Selection {
    /// The bundles as typed (ids), or a batch code: one or the other.
    public init(typedBundles bundles: [String], batch: String?) throws(SapuError) {
        if let batch {
            guard bundles.isEmpty else { throw .bundlesOrBatch }
            self = .batch(try Code.normalise(batch, as: .batch))
        } else {
            var ids: [BundleID] = []
            for text in bundles { ids.append(try BundleID.parse(typed: text)) }
            self = .bundles(ids)
        }
    }
}

extension LabelPrinting.Outcome {
    /// What a run did, in the inspector's words: how many labels were written or printed,
    /// and the bundles of a batch passed over. Every front end says the same.
    public func summary(_ selection: LabelPrinting.Selection, again: Bool) -> [Message] {
        let skipped = self.skipped.count
        if case .batch(let code) = selection, written.isEmpty {
            return [.labelsAllCurrent(count: skipped, batch: code)]
        }
        let sameRevision = written.count { $0.sameRevision }
        var lines: [Message] = []
        if let printer, let job {
            lines.append(.labelsPrinted(count: written.count, sameRevision: sameRevision, printer: printer, job: job,
                                        template: template, language: format.rawValue))
        } else {
            lines.append(.labelsWritten(count: written.count, sameRevision: sameRevision, template: template,
                                        format: format.rawValue))
        }
        if case .batch(let code) = selection, skipped > 0 {
            lines.append(again ? .labelsSkippedNotCurrent(count: skipped, batch: code) : .labelsSkippedCurrent(count: skipped, batch: code))
        }
        return lines
    }
}
