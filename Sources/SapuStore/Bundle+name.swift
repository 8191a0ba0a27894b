import SapuCore

/// The broom bundle, not Foundation's resource bundle.
typealias Bundle = SapuCore.Bundle
