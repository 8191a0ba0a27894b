import ArgumentParser
import SapuCore
import SapuStore

/// `sapu product`: the kinds of brooms.
struct ProductCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "product", abstract: Message.helpProduct.helpText, subcommands: [Add.self, Change.self, List.self]) }

    struct Add: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpProductAdd.helpText) }
        @Argument(help: Message.helpProductNewCode.help) var code: String
        @Option(help: Message.helpProductName.help) var name: String
        @Option(name: .customLong("bundle-size"), help: Message.helpProductBundleSize.help) var bundleSize: String = "10"
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
        static var configuration: CommandConfiguration { CommandConfiguration(
            commandName: "set", abstract: Message.helpProductSet.helpText) }
        @Argument(help: Message.helpProductCode.help) var code: String
        @Option(help: Message.helpProductNewName.help) var name: String?
        @Option(name: .customLong("bundle-size"), help: Message.helpProductNewBundleSize.help) var bundleSize: String?
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
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpProductList.helpText) }
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
