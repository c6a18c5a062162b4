import Foundation

/// A strict RFC 8259 reading of a request body before it is decoded: a key given twice (which
/// value counts would depend on the parser), a trailing comma, and nesting deeper than any Bureau
/// request are refused, naming where.
struct JSONSyntax {
    struct Fault: Error {
        var code: String
        var message: String
        var field: String?
    }

    static let maxDepth = 32

    private let bytes: [UInt8]
    private var index = 0

    private init(_ data: Data) {
        bytes = Array(data)
    }

    static func check(_ data: Data) throws(Fault) {
        var reader = JSONSyntax(data)
        reader.skipSpace()
        try reader.value(path: "", depth: 0)
        reader.skipSpace()
        if reader.index < reader.bytes.count { throw reader.malformed() }
    }

    private func malformed() -> Fault {
        Fault(code: "malformed_json", message: "the body is not valid JSON (at byte \(index + 1))", field: nil)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func value(path: String, depth: Int) throws(Fault) {
        if depth > Self.maxDepth {
            throw Fault(code: "too_deep", message: "the body nests deeper than \(Self.maxDepth) levels", field: path.isEmpty ? nil : path)
        }
        switch peek() {
        case UInt8(ascii: "{"): try object(path: path, depth: depth)
        case UInt8(ascii: "["): try array(path: path, depth: depth)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    private mutating func object(path: String, depth: Int) throws(Fault) {
        index += 1
        var keys = Set<String>()
        skipSpace()
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else {
                if peek() == UInt8(ascii: "}") {
                    throw Fault(code: "trailing_comma", message: "a comma before } is not JSON", field: path.isEmpty ? nil : path)
                }
                throw malformed()
            }
            let key = try string()
            let child = path.isEmpty ? key : "\(path).\(key)"
            if !keys.insert(key).inserted {
                throw Fault(code: "duplicate_key", message: "the key is given twice", field: child)
            }
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw malformed() }
            index += 1
            skipSpace()
            // No request field of Bureau is nullable: an absent field is left out, not sent as null.
            if peek() == UInt8(ascii: "n") {
                throw Fault(code: "null_value", message: "leave the field out instead of sending null", field: child)
            }
            try value(path: child, depth: depth + 1)
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return
            default: throw malformed()
            }
        }
    }

    private mutating func array(path: String, depth: Int) throws(Fault) {
        index += 1
        skipSpace()
        if peek() == UInt8(ascii: "]") { index += 1; return }
        var position = 0
        while true {
            skipSpace()
            if peek() == UInt8(ascii: "]") {
                throw Fault(code: "trailing_comma", message: "a comma before ] is not JSON", field: path.isEmpty ? nil : path)
            }
            try value(path: "\(path)[\(position)]", depth: depth + 1)
            position += 1
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return
            default: throw malformed()
            }
        }
    }

    /// Reads a string and returns its decoded text, so `"a"` and `"\u0061"` are the same key.
    private mutating func string() throws(Fault) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() throws(Fault) {
            if raw.isEmpty { return }
            guard let text = String(validating: raw, as: UTF8.self) else { throw malformed() }
            scalars.append(contentsOf: text.unicodeScalars)
            raw.removeAll()
        }
        while let byte = peek() {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                try flush()
                // No text of Bureau may hold NUL (PostgreSQL cannot store it, C tools cut at it).
                if scalars.contains("\u{0}") {
                    throw Fault(code: "control_characters", message: "text must not contain the NUL character", field: nil)
                }
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush()
                guard let escape = peek() else { throw malformed() }
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var unit = try hex4()
                    if (0xD800...0xDBFF).contains(unit), peek() == UInt8(ascii: "\\"),
                       index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw malformed() }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    // A lone surrogate is kept out of the key set as the replacement character.
                    scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                default: throw malformed()
                }
            default:
                if byte < 0x20 { throw malformed() }
                raw.append(byte)
            }
        }
        throw malformed()
    }

    private mutating func hex4() throws(Fault) -> UInt32 {
        guard index + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw malformed()
        }
        index += 4
        return value
    }

    private mutating func literal(_ word: String) throws(Fault) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw malformed()
        }
        index += expected.count
    }

    private mutating func number() throws(Fault) {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), (0x30...0x39).contains(first) else { throw malformed() }
        if first == 0x30 { index += 1 } else { digits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw malformed() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw malformed() }
        }
        if index == start { throw malformed() }
    }

    @discardableResult
    private mutating func digits() -> Int {
        var count = 0
        while let byte = peek(), (0x30...0x39).contains(byte) { index += 1; count += 1 }
        return count
    }
}
