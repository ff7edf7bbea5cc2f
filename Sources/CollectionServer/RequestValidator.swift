import Foundation
import OasstProtocol

/// Schema validation of request bodies, answering 422 with FastAPI-shaped `detail` entries before any protocol
/// check runs (as the backend's pydantic models do), then decoding into the `OasstProtocol` types.
enum RequestValidator {
    /// Whether a content type names JSON in any letter case (compared as bytes: Foundation's lower-casing and
    /// substring search ran for every request with a body; so did two array copies after that).
    static func mentionsJSON(_ contentType: String) -> Bool {
        var contentType = contentType
        return contentType.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            for start in 0...(bytes.count - 4)
            where bytes[start] | 0x20 == UInt8(ascii: "j") && bytes[start + 1] | 0x20 == UInt8(ascii: "s")
                && bytes[start + 2] | 0x20 == UInt8(ascii: "o") && bytes[start + 3] | 0x20 == UInt8(ascii: "n")
            {
                return true
            }
            return false
        }
    }

    /// Parses a body as JSON; a non-JSON content type or malformed JSON is a 422.
    static func json(_ data: Data, contentType: String?) throws -> JSONValue? {
        if let contentType, !mentionsJSON(contentType) {
            throw ServerError.invalid(
                ["body"], "unsupported content type '\(contentType.prefix(80))'; send application/json",
                type: "value_error.content_type")
        }
        if data.isEmpty { return nil }
        do {
            return try OasstJSON.decode(JSONValue.self, from: data)
        } catch {
            throw ServerError.invalid(
                ["body"], "Expecting value: \(error.reason.prefix(200))", type: "value_error.jsondecode")
        }
    }

    /// A "field required" issue.
    static func missing(_ loc: [String]) -> ValidationIssue {
        ValidationIssue(loc: loc.map { .key($0) }, msg: "field required", type: "value_error.missing")
    }

    /// Checks a `User` object at `loc`.
    static func userIssues(_ value: JSONValue?, loc: [String]) -> [ValidationIssue] {
        guard case .object(let members)? = value else {
            return [
                ValidationIssue(loc: loc.map { .key($0) }, msg: "value is not a valid dict", type: "type_error.dict")
            ]
        }
        var issues: [ValidationIssue] = []
        for field in ["id", "display_name", "auth_method"] {
            guard let member = members[field], member != .null else {
                issues.append(missing(loc + [field]))
                continue
            }
            if member.stringValue == nil {
                issues.append(
                    ValidationIssue(
                        loc: (loc + [field]).map { .key($0) }, msg: "str type expected", type: "type_error.str"))
            }
        }
        if let method = members["auth_method"]?.stringValue, !UserRecord.authMethods.contains(method) {
            issues.append(
                ValidationIssue(
                    loc: (loc + ["auth_method"]).map { .key($0) },
                    msg: "unexpected value; permitted: 'discord', 'google', 'local', 'system'",
                    type: "value_error.const"))
        }
        return issues
    }

    /// Decodes a validated JSON tree into a protocol type; any leftover mismatch is a 422.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        do throws(OasstDecodingError) {
            return try OasstJSON.decode(type, from: value)
        } catch {
            let loc = ["body"] + error.path.split(separator: ".").map(String.init)
            throw ServerError.invalid(loc, String(error.reason.prefix(200)), type: "value_error")
        }
    }

    /// `POST /tasks/`: the type enum and the user shape are schema errors; a missing user is not (→ 4000 later).
    static func taskRequest(_ body: JSONValue?) throws -> (type: TaskType, user: User?, lang: String?) {
        guard case .object(let members)? = body else {
            throw ServerError.invalid(["body"], "value is not a valid dict", type: "type_error.dict")
        }
        var type = TaskType.random
        if let name = members["type"], name != .null {
            guard let text = name.stringValue, let parsed = TaskType(rawValue: text),
                TaskType.requestable.contains(parsed)
            else {
                let names = TaskType.requestable.map(\.rawValue)
                throw ServerError.invalid(
                    ["body", "type"],
                    "value is not a valid enumeration member; permitted: "
                        + names.map { "'\($0)'" }.joined(separator: ", "),
                    type: "type_error.enum", ctx: .object(["enum_values": .array(names.map { .string($0) })]))
            }
            type = parsed
        }
        var user: User?
        if let userValue = members["user"], userValue != .null {
            let issues = userIssues(userValue, loc: ["body", "user"])
            if !issues.isEmpty { throw ServerError.invalid(issues) }
            user = try Self.user(userValue) ?? decode(User.self, from: userValue)
        }
        let lang = members["lang"]?.stringValue
        return (type, user, lang)
    }

    /// `POST /tasks/availability`: a bare `User`; no body is 400 / 4000.
    static func availabilityUser(_ body: JSONValue?) throws -> User {
        guard let body, body != .null else { throw ServerError.userRequired }
        let issues = userIssues(body, loc: ["body"])
        if !issues.isEmpty { throw ServerError.invalid(issues) }
        return try decode(User.self, from: body)
    }

    /// `POST /frontend_users/`.
    static func createUser(_ body: JSONValue?) throws -> CreateFrontendUserRequest {
        let issues = userIssues(body, loc: ["body"])
        if !issues.isEmpty { throw ServerError.invalid(issues) }
        return try decode(CreateFrontendUserRequest.self, from: body ?? .null)
    }

    /// `POST /tasks/{id}/ack`.
    static func ack(_ body: JSONValue?) throws -> AckRequest {
        guard case .object(let members)? = body else {
            throw ServerError.invalid([missing(["body"])])
        }
        guard let id = members["message_id"], id != .null else {
            throw ServerError.invalid([missing(["body", "message_id"])])
        }
        guard let text = id.stringValue else {
            throw ServerError.invalid(["body", "message_id"], "str type expected", type: "type_error.str")
        }
        // The only member the body has; built directly instead of a re-encode and decode (every delivery acks).
        return AckRequest(messageID: text)
    }

    /// `POST /tasks/{id}/nack`: `{}` or `{"reason": …}` (≤ 512 characters; longer is a 422 here, not a 500).
    static func nack(_ body: JSONValue?) throws -> NackRequest {
        guard let body, body != .null else { return NackRequest() }
        guard case .object(let members) = body else {
            throw ServerError.invalid(["body"], "value is not a valid dict", type: "type_error.dict")
        }
        if let reason = members["reason"]?.stringValue, reason.unicodeScalars.count > NackRequest.maxReasonLength {
            throw ServerError.invalid(
                ["body", "reason"], "ensure this value has at most 512 characters",
                type: "value_error.any_str.max_length",
                ctx: .object(["limit_value": .integer(512)]))
        }
        return try decode(NackRequest.self, from: body)
    }

    /// `POST /tasks/interaction`: the union's schema checks, label coercion, then the typed body.
    static func interaction(_ body: JSONValue?) throws -> Interaction {
        guard case .object(var members)? = body else {
            throw ServerError.invalid(["body"], "value is not a valid dict", type: "type_error.dict")
        }
        let names = InteractionType.allCases.map(\.rawValue)
        guard let typeName = members["type"]?.stringValue, let type = InteractionType(rawValue: typeName) else {
            let given = members["type"] ?? .null
            throw ServerError.invalid(
                names.map { name in
                    ValidationIssue(
                        loc: [.key("body"), .key("type")], msg: "unexpected value; permitted: '\(name)'",
                        type: "value_error.const",
                        ctx: .object(["given": given, "permitted": .array([.string(name)])]))
                })
        }
        var issues: [ValidationIssue] = []
        if members["user"] == nil || members["user"] == .null {
            issues.append(missing(["body", "user"]))
        } else {
            issues += userIssues(members["user"], loc: ["body", "user"])
        }
        func requireString(_ field: String) {
            guard let value = members[field], value != .null else {
                issues.append(missing(["body", field]))
                return
            }
            if value.stringValue == nil {
                issues.append(
                    ValidationIssue(loc: [.key("body"), .key(field)], msg: "str type expected", type: "type_error.str"))
            }
        }
        switch type {
        case .textReplyToMessage:
            requireString("message_id")
            requireString("user_message_id")
            requireString("text")
            if let text = members["text"]?.stringValue, TextTrim.trimmed(text).isEmpty {
                issues.append(
                    ValidationIssue(
                        loc: [.key("body"), .key("text")], msg: "ensure this value has at least 1 characters",
                        type: "value_error.any_str.min_length", ctx: .object(["limit_value": .integer(1)])))
            }
        case .messageRanking:
            requireString("message_id")
            if case .array(let items)? = members["ranking"] {
                if items.isEmpty {
                    issues.append(
                        ValidationIssue(
                            loc: [.key("body"), .key("ranking")], msg: "ensure this value has at least 1 items",
                            type: "value_error.list.min_items", ctx: .object(["limit_value": .integer(1)])))
                } else if items.contains(where: { $0.intValue == nil }) {
                    issues.append(
                        ValidationIssue(
                            loc: [.key("body"), .key("ranking")], msg: "value is not a valid integer",
                            type: "type_error.integer"))
                }
            } else {
                issues.append(missing(["body", "ranking"]))
            }
        case .messageRating:
            requireString("message_id")
            if (members["rating"]?.intValue ?? 0) <= 0 {
                issues.append(
                    ValidationIssue(
                        loc: [.key("body"), .key("rating")], msg: "ensure this value is greater than 0",
                        type: "value_error.number.not_gt"))
            }
        case .textLabels:
            requireString("text")
            if let id = members["message_id"]?.stringValue, UUIDText.parse(id) != nil {
            } else {
                issues.append(
                    ValidationIssue(
                        loc: [.key("body"), .key("message_id")], msg: "value is not a valid uuid",
                        type: "type_error.uuid"))
            }
            if let taskID = members["task_id"], taskID != .null, UUIDText.parse(taskID.stringValue ?? "") == nil {
                issues.append(
                    ValidationIssue(
                        loc: [.key("body"), .key("task_id")], msg: "value is not a valid uuid", type: "type_error.uuid")
                )
            }
            if case .object(let labels)? = members["labels"] {
                var coerced: [String: JSONValue] = [:]
                for (name, value) in labels {
                    guard LabelCatalog.allNames.contains(name) else {
                        issues.append(
                            ValidationIssue(
                                loc: [.key("body"), .key("labels"), .key("__key__")],
                                msg: "value is not a valid enumeration member; permitted: "
                                    + LabelCatalog.allNames.map { "'\($0)'" }.joined(separator: ", "),
                                type: "type_error.enum",
                                ctx: .object(["enum_values": .array(LabelCatalog.allNames.map { .string($0) })])))
                        continue
                    }
                    guard let number = labelValue(value), number >= 0, number <= 1 else {
                        issues.append(
                            ValidationIssue(
                                loc: [.key("body"), .key("labels")],
                                msg: "Label values must be between 0 and 1, inclusive.", type: "value_error"))
                        continue
                    }
                    coerced[name] = .double(number)
                }
                members["labels"] = .object(coerced)
            } else {
                issues.append(missing(["body", "labels"]))
            }
        }
        if !issues.isEmpty { throw ServerError.invalid(issues) }
        if let built = Self.interaction(type, members) { return built }
        return try decode(Interaction.self, from: .object(members))
    }

    /// A label value as a number: numbers, `true` / `false` and numeric strings are accepted.
    static func labelValue(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .double(let number): return number.isFinite ? number : nil
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
        case .null, .array, .object: return nil
        }
    }
}

extension RequestValidator {
    /// Any encodable value as a JSON tree.
    static func jsonValue<T: Encodable>(_ value: T) throws -> JSONValue {
        try OasstJSON.decode(JSONValue.self, from: OasstJSON.encode(value))
    }
}

/// Typed bodies built straight from validated JSON trees: what `decode` returns for them, without the JSON text
/// round trip (every task request and answer went through one). Each returns nil for any shape it does not cover,
/// and the caller then takes the decoding path, errors included.
extension RequestValidator {
    /// A `User` from an object whose three members are strings (extra members are ignored, as by `Decodable`).
    static func user(_ value: JSONValue?) -> User? {
        guard case .object(let members)? = value, case .string(let id)? = members["id"],
            case .string(let name)? = members["display_name"], case .string(let method)? = members["auth_method"]
        else { return nil }
        return User(id: id, displayName: name, authMethod: method)
    }

    /// An optional string member: `.some(nil)` when absent or null, nil when it has another type.
    private static func optionalString(_ value: JSONValue?) -> String?? {
        switch value {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        case .bool?, .integer?, .double?, .array?, .object?: return nil
        }
    }

    /// An optional boolean member, like `optionalString`.
    private static func optionalBool(_ value: JSONValue?) -> Bool?? {
        switch value {
        case nil, .null?: return .some(nil)
        case .bool(let flag)?: return .some(flag)
        case .string?, .integer?, .double?, .array?, .object?: return nil
        }
    }

    /// An optional UUID member, like `optionalString`.
    private static func optionalUUID(_ value: JSONValue?) -> UUID?? {
        switch value {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return UUIDText.parse(text).map { .some($0) }
        case .bool?, .integer?, .double?, .array?, .object?: return nil
        }
    }

    /// The interaction of a validated body, or nil when it needs the decoding path.
    static func interaction(_ type: InteractionType, _ members: [String: JSONValue]) -> Interaction? {
        guard let user = user(members["user"]), case .string(let messageID)? = members["message_id"] else {
            return nil
        }
        switch type {
        case .textReplyToMessage:
            guard case .string(let userMessageID)? = members["user_message_id"],
                case .string(let text)? = members["text"], let lang = optionalString(members["lang"])
            else { return nil }
            return .textReplyToMessage(
                TextReplyInteraction(
                    messageID: messageID, userMessageID: userMessageID, text: text, lang: lang, user: user))
        case .messageRanking:
            guard case .array(let items)? = members["ranking"], let notRankable = optionalBool(members["not_rankable"])
            else { return nil }
            var ranking: [Int] = []
            ranking.reserveCapacity(items.count)
            for item in items {
                guard case .integer(let index) = item, let value = Int(exactly: index) else { return nil }
                ranking.append(value)
            }
            return .messageRanking(
                MessageRankingInteraction(
                    messageID: messageID, ranking: ranking, notRankable: notRankable ?? false, user: user))
        case .textLabels:
            guard let messageUUID = UUIDText.parse(messageID), let taskID = optionalUUID(members["task_id"]),
                case .string(let text)? = members["text"], case .object(let values)? = members["labels"],
                let isReport = optionalBool(members["is_report"]), let lang = optionalString(members["lang"])
            else { return nil }
            var labels: [String: Double] = [:]
            for (name, value) in values {
                guard case .double(let number) = value else { return nil }
                labels[name] = number
            }
            return .textLabels(
                TextLabelsInteraction(
                    messageID: messageUUID, taskID: taskID, text: text, labels: labels, isReport: isReport,
                    lang: lang, user: user))
        case .messageRating:
            return nil
        }
    }
}
