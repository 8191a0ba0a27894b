import SapuCore
import Testing

@Suite struct CrockfordTests {
    @Test func encodesLikeRFC4648Base32WithCrockfordsAlphabetAndNoPadding() {
        // Vectors from Python's base64.b32encode, padding removed, alphabet translated.
        #expect(Crockford.encode([]) == "")
        #expect(Crockford.encode([0xFF]) == "ZW")
        #expect(Crockford.encode(Array("foobar".utf8)) == "CSQPYRK1E8")
        #expect(Crockford.encode(Array("Hello, Sapu!".utf8)) == "91JPRV3F5GG56RBGEMGG")
    }

    @Test func roundTripsEveryLengthUpToSeventyBytes() {
        var generator = SystemRandomNumberGenerator()
        for count in 0...70 {
            let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let text = Crockford.encode(bytes)
            #expect(text.count == Crockford.encodedLength(byteCount: count))
            #expect(Crockford.decode(text) == bytes)
        }
    }

    @Test func writesASignatureIn103CharactersAndAKeyIn52() {
        #expect(Crockford.encode([UInt8](repeating: 0xA5, count: 64)).count == 103)
        #expect(Crockford.encode([UInt8](repeating: 0x5A, count: 32)).count == 52)
    }

    @Test func readsLowerCase() {
        #expect(Crockford.decode("csqpyrk1e8") == Array("foobar".utf8))
    }

    @Test(arguments: ["O", "I", "L", "U"])
    func refusesTheLettersCrockfordWouldAlias(letter: String) {
        // "CSQPYRK1E8" with its "1" or a digit replaced by a look-alike.
        #expect(Crockford.decode("CSQPYRK" + letter + "E8") == nil)
        #expect(Crockford.decode("CSQPYRK" + letter.lowercased() + "E8") == nil)
    }

    @Test func refusesPaddingHyphensAndSpaces() {
        #expect(Crockford.decode("CSQPYRK1E8======") == nil)
        #expect(Crockford.decode("CSQP-YRK1-E8") == nil)
        #expect(Crockford.decode("CSQPY RK1E8") == nil)
        #expect(Crockford.decode("CSQPYRK1É8") == nil)
    }

    @Test func refusesNonZeroUnusedBitsInTheLastCharacter() {
        #expect(Crockford.decode("ZW") == [0xFF])
        #expect(Crockford.decode("ZZ") == nil)
        #expect(Crockford.decode("ZX") == nil)
    }

    @Test func refusesLengthsThatNoByteCountProduces() {
        #expect(Crockford.decode("Z") == nil)
        #expect(Crockford.decode("ZZZ") == nil)
        #expect(Crockford.decode("ZZZZZZ") == nil)
    }

    @Test func everySingleCharacterChangeOfASignatureChangesItsBytesOrIsRefused() {
        let bytes = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let text = Array(Crockford.encode(bytes))
        for position in text.indices {
            for symbol in Crockford.alphabet where symbol != text[position] {
                var changed = text
                changed[position] = symbol
                let decoded = Crockford.decode(String(changed))
                #expect(decoded == nil || decoded != bytes, "position \(position) -> \(symbol)")
            }
        }
    }
}
