import ArgumentParser
import SapuCore
import SapuStore

/// `sapu product`: the kinds of brooms.
struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "Add or list products.", subcommands: [Add.self, List.self])

    struct Add: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "Add a product.")
        @Argument(help: "Product code, 0-9 and A-Z.") var code: String
        @Option(help: "Product name.") var name: String
        @Option(name: .customLong("bundle-size"), help: "Brooms per bundle.") var bundleSize: String = "10"
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .product)
            guard let size = Int(bundleSize), size > 0 else { throw .invalidBundleSize(bundleSize) }
            try context.store().addProduct(Product(code: code, name: name.trimmingSpaces(), bundleSize: size))
            if context.json { context.emit(ProductOutput(code: code, name: name, bundleSize: size)) }
            context.say(.added(kind: .product, code: code))
        }
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
