/// One label a label task asks for: its name, widget and the server's texts (untrusted).
public struct LabelDescription: Codable, Sendable, Equatable, Hashable {
    /// Label name, e.g. `spam`, `quality`.
    public var name: String
    /// How it is answered.
    public var widget: LabelWidget
    /// Short text the server provides.
    public var displayText: String
    /// Longer help, or `nil`.
    public var helpText: String?

    /// Creates a label description.
    public init(name: String, widget: LabelWidget, displayText: String, helpText: String? = nil) {
        self.name = name
        self.widget = widget
        self.displayText = displayText
        self.helpText = helpText
    }

    enum CodingKeys: String, CodingKey {
        case name, widget
        case displayText = "display_text"
        case helpText = "help_text"
    }

    /// Decodes the description from any decoder.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    /// Encodes every field; a missing help text is an explicit `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(widget, forKey: .widget)
        try c.encode(displayText, forKey: .displayText)
        try c.encodeOrNull(helpText, forKey: .helpText)
    }
}

extension LabelDescription: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        name = try r.string(.name)
        widget = try r.nested(LabelWidget.self, .widget)
        displayText = try r.string(.displayText)
        helpText = try r.optionalString(.helpText)
    }
}

extension LabelDescription: JSONWritable {
    /// Writes every field, names sorted, with an explicit `null` help text.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("display_text")
        writer.string(displayText)
        writer.key("help_text")
        writer.string(helpText)
        writer.key("name")
        writer.string(name)
        writer.key("widget")
        writer.string(widget.rawValue)
        writer.endObject()
    }
}
