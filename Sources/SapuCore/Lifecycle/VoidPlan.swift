/// What a void does to the bundles it names: which it voids and which were voided before.
public struct VoidPlan: Sendable, Equatable {
    /// Bundles that get a `void` event, in the order they were named.
    public var toVoid: [BundleID]
    /// Bundles already voided: a repeat, left as they are (no new event).
    public var alreadyVoided: [BundleID]

    public init(toVoid: [BundleID], alreadyVoided: [BundleID]) {
        self.toVoid = toVoid
        self.alreadyVoided = alreadyVoided
    }
}
