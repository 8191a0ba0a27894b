import ArgumentParser
import SapuCore
import SapuStore

/// `sapu product`: the kinds of brooms.
struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "Add, change or list products.", subcommands: [Add.self, Change.self, List.self])

    struct Add: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "Add a product.")
        @Argument(help: "Product code, 0-9 and A-Z.") var code: String
        @Option(help: "Product name.") var name: String
        @Option(name: .customLong("bundle-size"), help: "Brooms per bundle, 1 to 1000.") var bundleSize: String = "10"
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .product)
            let size = try ProductCommand.bundleSize(bundleSize)
            let product = Product(code: code, name: name, bundleSize: size)
            try context.store().addProduct(product)
            if context.json { context.emit(ProductOutput(code: code, name: name.trimmingSpaces(), bundleSize: size)) }
            context.say(.added(kind: .product, code: code))
        }
    }

    struct Change: SapuCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Change a product's name or bundle size (manifests already written keep theirs).")
        @Argument(help: "Product code.") var code: String
        @Option(help: "New product name.") var name: String?
        @Option(name: .customLong("bundle-size"), help: "New number of brooms per bundle, 1 to 1000.") var bundleSize: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .product)
            let size = try bundleSize.map { (text) throws(SapuError) in try ProductCommand.bundleSize(text) }
            let product = try context.store().updateProduct(code, name: name, bundleSize: size)
            if context.json { context.emit(ProductOutput(code: product.code, name: product.name, bundleSize: product.bundleSize)) }
            context.say(.productChanged(code: product.code, name: product.name, bundleSize: product.bundleSize))
        }
    }

    /// A typed bundle size: digits only, within `Product.bundleSizes`.
    static func bundleSize(_ text: String) throws(SapuError) -> Int {
        let digits = text.trimmingSpaces()
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let size = Int(digits),
              Product.bundleSizes.contains(size) else { throw .invalidBundleSize(text) }
        return size
    }

    struct List: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "List products.")
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let products = try context.store().products()
            if context.json {
                context.emit(products.map { ProductOutput(code: $0.code, name: $0.name, bundleSize: $0.bundleSize) })
            } else {
                context.table([.columnCode, .columnName, .columnBundleSize],
                              products.map { [$0.code, $0.name, String($0.bundleSize)] })
            }
        }
    }
}

struct ProductOutput: Encodable {
    var code: String
    var name: String
    var bundleSize: Int
}
