/// A small TOML reader (the parts config, theme and key-map files use): tables, arrays of tables,
/// dotted and quoted keys, basic/literal/multi-line strings, integers, floats, booleans, arrays and
/// inline tables. Dates and times are rejected. Every value keeps its line.
struct TOMLParser {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var root = TOMLTable()
    /// The header path of the current table (empty = root).
    private var current: [String] = []
    /// Header paths already defined with `[...]`, and those made by dotted keys, to refuse redefinition.
    private var definedTables: Set<[String]> = []
    private var arrayTables: Set<[String]> = []
    /// Paths of inline tables, which later headers or dotted keys may not extend.
    private var inlineTables: Set<[String]> = []

    init(text: String, file: String) {
        self.scalars = Array(text.unicodeScalars)
        self.file = file
    }

    private func error(_ message: String, line: Int? = nil) -> TOMLError {
        TOMLError(file: file, line: line ?? self.line, message: message)
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1 }
        index += 1
    }

    private mutating func skipSpaces() {
        while let scalar = peek, scalar == " " || scalar == "\t" { advance() }
    }

    private mutating func skipComment() throws {
        guard peek == "#" else { return }
        while let scalar = peek, scalar != "\n" {
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\r" {
                throw error("control character in a comment")
            }
            advance()
        }
    }

    /// Spaces, a comment, then a newline or the end.
    private mutating func expectLineEnd() throws {
        skipSpaces()
        try skipComment()
        if peek == "\r" && peek(1) == "\n" { advance() }
        guard let scalar = peek else { return }
        guard scalar == "\n" else { throw error("unexpected '\(scalar)' after the value") }
        advance()
    }

    /// White space, newlines and comments (between array elements).
    private mutating func skipBlank() throws {
        while true {
            skipSpaces()
            try skipComment()
            guard let scalar = peek, scalar == "\n" || scalar == "\r" else { return }
            advance()
        }
    }

    mutating func parse() throws -> TOMLTable {
        while true {
            try skipBlank()
            guard let scalar = peek else { break }
            if scalar == "[" {
                try parseHeader()
            } else {
                let keyLine = line
                let path = try parseKeyPath()
                skipSpaces()
                guard peek == "=" else { throw error("expected '=' after the key") }
                advance()
                skipSpaces()
                let value = try parseValue()
                try insert(value, at: current, key: path, line: keyLine)
                try expectLineEnd()
            }
        }
        return root
    }

    // MARK: Headers and insertion

    private mutating func parseHeader() throws {
        let headerLine = line
        advance()
        let isArray = peek == "["
        if isArray { advance() }
        skipSpaces()
        let path = try parseKeyPath()
        skipSpaces()
        guard peek == "]" else { throw error("expected ']' to close the table header") }
        advance()
        if isArray {
            guard peek == "]" else { throw error("expected ']]' to close the array-of-tables header") }
            advance()
        }
        try expectLineEnd()
        if isArray {
            try appendArrayTable(at: path, line: headerLine)
        } else {
            if definedTables.contains(path) {
                throw error("table [\(path.joined(separator: "."))] is defined twice", line: headerLine)
            }
            definedTables.insert(path)
            try withTable(at: path, line: headerLine) { table in
                table.line = headerLine
            }
        }
        current = path
    }

    /// Runs `body` on the table at `path` (descending into the last element of arrays of tables).
    private mutating func withTable(at path: [String], line: Int, _ body: (inout TOMLTable) throws -> Void) throws {
        var table = root
        try TOMLParser.descend(
            &table, path[...], [], line: line, file: file, inlineTables: inlineTables, arrayTables: arrayTables, body)
        root = table
    }

    private static func descend(
        _ table: inout TOMLTable, _ rest: ArraySlice<String>, _ walked: [String], line: Int, file: String,
        inlineTables: Set<[String]>, arrayTables: Set<[String]>, _ body: (inout TOMLTable) throws -> Void
    ) throws {
        guard let key = rest.first else {
            try body(&table)
            return
        }
        let here = walked + [key]
        func fail(_ message: String) -> TOMLError { TOMLError(file: file, line: line, message: message) }
        guard var existing = table[key] else {
            var child = TOMLTable(line: line)
            try descend(
                &child, rest.dropFirst(), here, line: line, file: file, inlineTables: inlineTables,
                arrayTables: arrayTables, body)
            table[key] = TOMLValue(.table(child), line: line)
            return
        }
        switch existing.content {
        case .table(var child):
            if inlineTables.contains(here) {
                throw fail("inline table \(here.joined(separator: ".")) cannot be extended")
            }
            try descend(
                &child, rest.dropFirst(), here, line: line, file: file, inlineTables: inlineTables,
                arrayTables: arrayTables, body)
            existing.content = .table(child)
            table[key] = existing
        case .array(var elements) where arrayTables.contains(here):
            guard var last = elements.last?.table else { throw fail("bad array of tables") }
            try descend(
                &last, rest.dropFirst(), here, line: line, file: file, inlineTables: inlineTables,
                arrayTables: arrayTables, body)
            elements[elements.count - 1].content = .table(last)
            existing.content = .array(elements)
            table[key] = existing
        case .string, .integer, .float, .boolean, .array:
            throw fail("key \(here.joined(separator: ".")) already holds a \(existing.typeName)")
        }
    }

    private mutating func appendArrayTable(at path: [String], line: Int) throws {
        guard let last = path.last else { throw error("empty header", line: line) }
        let parent = Array(path.dropLast())
        let isKnownArray = arrayTables.contains(path)
        let arrayTablePath = path
        let file = self.file
        try withTable(at: parent, line: line) { table in
            if let existing = table[last] {
                guard isKnownArray, var elements = existing.array else {
                    throw TOMLError(
                        file: file, line: line,
                        message: "key \(arrayTablePath.joined(separator: ".")) is not an array of tables")
                }
                elements.append(TOMLValue(.table(TOMLTable(line: line)), line: line))
                table[last] = TOMLValue(.array(elements), line: existing.line)
            } else {
                table[last] = TOMLValue(.array([TOMLValue(.table(TOMLTable(line: line)), line: line)]), line: line)
            }
        }
        arrayTables.insert(path)
    }

    private mutating func insert(_ value: TOMLValue, at tablePath: [String], key: [String], line: Int) throws {
        guard let last = key.last else { throw error("empty key", line: line) }
        let parents = Array(key.dropLast())
        for depth in parents.indices {
            let implicit = tablePath + parents[...depth]
            if definedTables.contains(implicit) && !tablePath.starts(with: implicit) {
                throw error("table \(implicit.joined(separator: ".")) is already defined", line: line)
            }
        }
        let fullKey = (tablePath + key).joined(separator: ".")
        let file = self.file
        try withTable(at: tablePath + parents, line: line) { table in
            if table[last] != nil {
                throw TOMLError(file: file, line: line, message: "duplicate key \(fullKey)")
            }
            table[last] = value
        }
        if value.table != nil { inlineTables.insert(tablePath + key) }
    }

    // MARK: Keys

    private mutating func parseKeyPath() throws -> [String] {
        var path: [String] = []
        while true {
            skipSpaces()
            path.append(try parseSimpleKey())
            skipSpaces()
            guard peek == "." else { return path }
            advance()
        }
    }

    private mutating func parseSimpleKey() throws -> String {
        guard let scalar = peek else { throw error("expected a key") }
        if scalar == "\"" {
            if peek(1) == "\"" && peek(2) == "\"" { throw error("a key cannot be a multi-line string") }
            return try parseBasicString()
        }
        if scalar == "'" {
            if peek(1) == "'" && peek(2) == "'" { throw error("a key cannot be a multi-line string") }
            return try parseLiteralString()
        }
        var key = ""
        while let next = peek, TOMLParser.isBareKeyScalar(next) {
            key.unicodeScalars.append(next)
            advance()
        }
        guard !key.isEmpty else { throw error("expected a key, found '\(TOMLParser.describe(scalar))'") }
        return key
    }

    private static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        scalar.value < 0x20 || scalar.value == 0x7F
            ? "U+" + String(scalar.value, radix: 16, uppercase: true) : String(scalar)
    }

    // MARK: Values

    private mutating func parseValue() throws -> TOMLValue {
        let valueLine = line
        guard let scalar = peek else { throw error("expected a value") }
        switch scalar {
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" {
                return TOMLValue(.string(try parseMultilineBasicString()), line: valueLine)
            }
            return TOMLValue(.string(try parseBasicString()), line: valueLine)
        case "'":
            if peek(1) == "'" && peek(2) == "'" {
                return TOMLValue(.string(try parseMultilineLiteralString()), line: valueLine)
            }
            return TOMLValue(.string(try parseLiteralString()), line: valueLine)
        case "[":
            return TOMLValue(.array(try parseArray()), line: valueLine)
        case "{":
            var value = TOMLValue(.table(try parseInlineTable()), line: valueLine)
            value.line = valueLine
            return value
        default:
            return try parseBareValue(line: valueLine)
        }
    }

    private mutating func parseBareValue(line valueLine: Int) throws -> TOMLValue {
        var token = ""
        while let scalar = peek, !" \t\n\r,]}#".unicodeScalars.contains(scalar) {
            token.unicodeScalars.append(scalar)
            advance()
        }
        if token == "true" { return TOMLValue(.boolean(true), line: valueLine) }
        if token == "false" { return TOMLValue(.boolean(false), line: valueLine) }
        if token.isEmpty { throw error("expected a value", line: valueLine) }
        if let integer = TOMLParser.integer(token) { return TOMLValue(.integer(integer), line: valueLine) }
        if let float = TOMLParser.float(token) { return TOMLValue(.float(float), line: valueLine) }
        if token.contains("-") && token.first?.isNumber == true || token.contains(":") {
            throw error("dates and times are not supported ('\(token)')", line: valueLine)
        }
        throw error("invalid value '\(token)' (strings need quotes)", line: valueLine)
    }

    private static func digitsValid(_ text: Substring, allowed: (Character) -> Bool) -> Bool {
        guard let first = text.first, let last = text.last, first != "_", last != "_" else { return false }
        var previousUnderscore = false
        for character in text {
            if character == "_" {
                if previousUnderscore { return false }
                previousUnderscore = true
            } else {
                guard allowed(character) else { return false }
                previousUnderscore = false
            }
        }
        return true
    }

    static func integer(_ token: String) -> Int? {
        var text = Substring(token)
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where text.hasPrefix(prefix) {
            let body = text.dropFirst(2)
            guard digitsValid(body, allowed: { $0.isHexDigit && Int(String($0), radix: radix) != nil }) else {
                return nil
            }
            return Int(body.replacingAll("_"), radix: radix)
        }
        var sign = 1
        if text.first == "+" || text.first == "-" {
            sign = text.first == "-" ? -1 : 1
            text = text.dropFirst()
        }
        guard digitsValid(text, allowed: { $0.isASCII && $0.isNumber }) else { return nil }
        if text.count > 1 && text.first == "0" { return nil }
        guard let magnitude = Int(text.replacingAll("_")) else { return nil }
        return sign * magnitude
    }

    static func float(_ token: String) -> Double? {
        switch token {
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        guard token.contains(".") || token.contains("e") || token.contains("E") else { return nil }
        let plain = token.replacingAll("_")
        guard !token.contains("__"), !token.hasPrefix("."), !token.hasSuffix("."), !token.contains("._"),
            !token.contains("_.")
        else { return nil }
        return Double(plain)
    }

    private mutating func parseBasicString() throws -> String {
        let startLine = line
        advance()
        var out = ""
        while true {
            guard let scalar = peek else { throw error("unterminated string", line: startLine) }
            if scalar == "\n" { throw error("newline in a single-line string", line: startLine) }
            advance()
            if scalar == "\"" { return out }
            if scalar == "\\" {
                try parseEscape(into: &out)
            } else {
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
                    throw error("control character in a string (use an escape)")
                }
                out.unicodeScalars.append(scalar)
            }
        }
    }

    private mutating func parseEscape(into out: inout String) throws {
        guard let scalar = peek else { throw error("unterminated escape") }
        advance()
        switch scalar {
        case "n": out += "\n"
        case "t": out += "\t"
        case "r": out += "\r"
        case "b": out.unicodeScalars.append("\u{8}")
        case "f": out.unicodeScalars.append("\u{C}")
        case "e": out.unicodeScalars.append("\u{1B}")
        case "\"": out += "\""
        case "\\": out += "\\"
        case "u", "U":
            let count = scalar == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<count {
                guard let digit = peek, digit.properties.isASCIIHexDigit else {
                    throw error("\\\(scalar) needs \(count) hex digits")
                }
                hex.unicodeScalars.append(digit)
                advance()
            }
            guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else {
                throw error("\\\(scalar)\(hex) is not a Unicode scalar")
            }
            out.unicodeScalars.append(decoded)
        default:
            throw error("unknown escape \\\(TOMLParser.describe(scalar))")
        }
    }

    private mutating func parseLiteralString() throws -> String {
        let startLine = line
        advance()
        var out = ""
        while true {
            guard let scalar = peek else { throw error("unterminated string", line: startLine) }
            if scalar == "\n" { throw error("newline in a single-line string", line: startLine) }
            advance()
            if scalar == "'" { return out }
            out.unicodeScalars.append(scalar)
        }
    }

    private mutating func skipFirstNewline() {
        if peek == "\n" {
            advance()
        } else if peek == "\r" && peek(1) == "\n" {
            advance()
            advance()
        }
    }

    private mutating func parseMultilineBasicString() throws -> String {
        let startLine = line
        for _ in 0..<3 { advance() }
        skipFirstNewline()
        var out = ""
        while true {
            guard let scalar = peek else { throw error("unterminated multi-line string", line: startLine) }
            if scalar == "\"" && peek(1) == "\"" && peek(2) == "\"" {
                for _ in 0..<3 { advance() }
                while peek == "\"" {
                    out += "\""
                    advance()
                }
                return out
            }
            advance()
            if scalar == "\\" {
                var probe = index
                while probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" { probe += 1 }
                if probe < scalars.count, scalars[probe] == "\n" || scalars[probe] == "\r" {
                    while let next = peek, next == " " || next == "\t" || next == "\n" || next == "\r" { advance() }
                    continue
                }
                try parseEscape(into: &out)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    private mutating func parseMultilineLiteralString() throws -> String {
        let startLine = line
        for _ in 0..<3 { advance() }
        skipFirstNewline()
        var out = ""
        while true {
            guard let scalar = peek else { throw error("unterminated multi-line string", line: startLine) }
            if scalar == "'" && peek(1) == "'" && peek(2) == "'" {
                for _ in 0..<3 { advance() }
                while peek == "'" {
                    out += "'"
                    advance()
                }
                return out
            }
            advance()
            out.unicodeScalars.append(scalar)
        }
    }

    private mutating func parseArray() throws -> [TOMLValue] {
        let startLine = line
        advance()
        var elements: [TOMLValue] = []
        while true {
            try skipBlank()
            guard let scalar = peek else { throw error("unterminated array", line: startLine) }
            if scalar == "]" {
                advance()
                return elements
            }
            elements.append(try parseValue())
            try skipBlank()
            if peek == nil { throw error("unterminated array", line: startLine) }
            if peek == "," {
                advance()
            } else if peek != "]" {
                throw error("expected ',' or ']' in the array")
            }
        }
    }

    private mutating func parseInlineTable() throws -> TOMLTable {
        let startLine = line
        advance()
        var table = TOMLTable(line: startLine)
        skipSpaces()
        if peek == "}" {
            advance()
            return table
        }
        while true {
            skipSpaces()
            let keyLine = line
            let path = try parseKeyPath()
            skipSpaces()
            guard peek == "=" else { throw error("expected '=' in the inline table") }
            advance()
            skipSpaces()
            let value = try parseValue()
            try TOMLParser.set(value, at: path[...], in: &table, file: file, line: keyLine)
            skipSpaces()
            guard let next = peek else { throw error("unterminated inline table", line: startLine) }
            advance()
            if next == "}" { return table }
            guard next == "," else { throw error("expected ',' or '}' in the inline table") }
        }
    }

    private static func set(
        _ value: TOMLValue, at path: ArraySlice<String>, in table: inout TOMLTable, file: String, line: Int
    ) throws {
        guard let key = path.first else { return }
        if path.count == 1 {
            guard table[key] == nil else { throw TOMLError(file: file, line: line, message: "duplicate key \(key)") }
            table[key] = value
            return
        }
        var child = table[key]?.table ?? TOMLTable(line: line)
        if let existing = table[key], existing.table == nil {
            throw TOMLError(file: file, line: line, message: "key \(key) already holds a \(existing.typeName)")
        }
        try set(value, at: path.dropFirst(), in: &child, file: file, line: line)
        table[key] = TOMLValue(.table(child), line: line)
    }
}

extension Substring {
    /// The text with every occurrence of `character` removed.
    fileprivate func replacingAll(_ character: Character) -> String {
        String(filter { $0 != character })
    }
}

extension String {
    /// The text with every occurrence of `character` removed.
    fileprivate func replacingAll(_ character: Character) -> String {
        String(filter { $0 != character })
    }
}
