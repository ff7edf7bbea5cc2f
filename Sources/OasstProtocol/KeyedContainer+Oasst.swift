import Foundation

extension KeyedEncodingContainer {
    /// Writes a UUID in lower case, as the backend does.
    mutating func encodeUUID(_ value: UUID, forKey key: Key) throws {
        try encode(UUIDText.lowercased(value), forKey: key)
    }

    /// Writes a lower-case UUID, or an explicit `null`.
    mutating func encodeUUIDOrNull(_ value: UUID?, forKey key: Key) throws {
        if let value { try encodeUUID(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Writes the value, or an explicit `null` (fields the backend always sends).
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Writes a date as backend text, or an explicit `null`.
    mutating func encodeDateOrNull(_ value: Date?, forKey key: Key) throws {
        if let value { try encode(OasstDate.format(value), forKey: key) } else { try encodeNil(forKey: key) }
    }
}

extension KeyedDecodingContainer {
    /// Reads a UUID with `UUIDText` (much cheaper than `decode(UUID.self, …)`).
    func decodeUUID(forKey key: Key) throws -> UUID {
        let text = try decode(String.self, forKey: key)
        guard let uuid = UUIDText.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "not a UUID: \(text.prefix(64))")
        }
        return uuid
    }

    /// Reads a UUID, or nil when the key is absent or null.
    func decodeUUIDIfPresent(forKey key: Key) throws -> UUID? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeUUID(forKey: key)
    }

    /// Reads backend date text (null or absent gives `nil`), whatever the decoder's date strategy.
    func decodeDateIfPresent(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = OasstDate.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "not an ISO 8601 date: \(text.prefix(64))")
        }
        return date
    }
}
