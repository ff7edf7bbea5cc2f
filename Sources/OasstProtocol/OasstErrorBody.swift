/// The backend's error body `{"error_code": <int>, "message": "<text>"}` (all non-422 errors).
public struct OasstErrorBody: Codable, Sendable, Equatable, Hashable {
    /// The backend's `OasstErrorCode` (0 = unhandled server error).
    public var errorCode: Int
    /// Server text (untrusted).
    public var message: String

    /// Creates the body.
    public init(errorCode: Int, message: String) {
        self.errorCode = errorCode
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case message
        case errorCode = "error_code"
    }
}
