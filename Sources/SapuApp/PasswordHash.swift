import Crypto
import CryptoExtras
import Foundation
import SapuCore

/// Passwords as scrypt hashes (swift-crypto's CryptoExtras): `scrypt$N$r$p$SALT$HASH`, salt and
/// hash in base64 (docs/web.md, "Passwords"). Never a home-made scheme, never the password.
enum PasswordHash {
    /// 2^15 rounds, block size 8: about 32 MiB and a tenth of a second per check on the site's PC,
    /// which makes guessing slow and a log-in quick.
    static let rounds = 1 << 15
    static let blockSize = 8
    static let parallelism = 1
    static let saltBytes = 16
    static let hashBytes = 32

    static func make(_ password: String) throws(SapuError) -> String {
        var salt = [UInt8](repeating: 0, count: saltBytes)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let hash = try derive(password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return ["scrypt", String(rounds), String(blockSize), String(parallelism),
                Data(salt).base64EncodedString(), Data(hash).base64EncodedString()].joined(separator: "$")
    }

    /// Whether `password` hashes to `stored`; a stored text that is not a hash of ours matches nothing.
    static func matches(_ password: String, _ stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "scrypt",
              let rounds = Int(parts[1]), let blockSize = Int(parts[2]), let parallelism = Int(parts[3]),
              // Bounds a hand-edited row cannot push past: no check takes more than 128 MiB.
              rounds > 1, rounds <= 1 << 17, rounds & (rounds - 1) == 0, (1...16).contains(blockSize), (1...4).contains(parallelism),
              let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]), expected.count == hashBytes,
              let hash = try? derive(password, salt: Array(salt), rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        else { return false }
        // Every byte is compared, so the time taken says nothing about where they differ.
        return zip(hash, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A hash of a password nobody has, so that an unknown user takes as long as a known one.
    static let decoy: String = (try? make("decoy-password-nobody-has")) ?? ""

    private static func derive(_ password: String, salt: [UInt8], rounds: Int, blockSize: Int, parallelism: Int) throws(SapuError) -> [UInt8] {
        do {
            let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: hashBytes,
                                               rounds: rounds, blockSize: blockSize, parallelism: parallelism,
                                               maxMemory: 256 * 1024 * 1024)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .storageFailure(String(describing: error))
        }
    }
}
