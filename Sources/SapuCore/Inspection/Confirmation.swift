/// When a change is large enough that a person must confirm it first.
///
/// A mistyped `--count 500` makes 500 bundles, and a mistyped range voids them: front
/// ends ask before such a change (the CLI at a terminal, or `--yes` when its input is not
/// one). Small changes go through without a question.
public enum Confirmation {
    /// More bundles than this in one command need confirming.
    public static let threshold = 20

    /// Whether creating `count` bundles at once needs confirming.
    public static func needed(creating count: Int) -> Bool { count > threshold }

    /// Whether voiding `count` bundles needs confirming; a range (`--batch` with or without
    /// `--from`/`--to`) always does, because one wrong digit there reaches many bundles.
    public static func needed(voiding count: Int, byRange: Bool) -> Bool { count > 0 && (byRange || count > threshold) }
}
