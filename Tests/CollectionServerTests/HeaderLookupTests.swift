import HTTPTypes
import Testing

@testable import CollectionServer

/// The routes' header look-up answers exactly as `HTTPFields`' subscript does.
@Suite struct HeaderLookupTests {
    private static let fieldLists: [[HTTPField]] = [
        [],
        [HTTPField(name: .contentType, value: "application/json")],
        [HTTPField(name: HTTPField.Name("x-api-key")!, value: "k1"), HTTPField(name: .accept, value: "*/*")],
        [
            HTTPField(name: HTTPField.Name("X-API-Key")!, value: "k1"), HTTPField(name: .accept, value: "*/*"),
            HTTPField(name: HTTPField.Name("X-Api-Key")!, value: "k2"),
            HTTPField(name: HTTPField.Name("x-api-key")!, value: ""),
        ],
        [HTTPField(name: .cookie, value: "a=1"), HTTPField(name: .cookie, value: "b=2")],
        [HTTPField(name: HTTPField.Name("X-OASST-USER")!, value: "local:alice")],
    ]

    @Test(arguments: fieldLists)
    func answersAsTheSubscriptDoes(fields: [HTTPField]) throws {
        let headers = HTTPFields(fields)
        let names: [HTTPField.Name] = [
            ServerRoutes.apiKeyField, ServerRoutes.oasstUserField, .contentType, .cookie, .accept,
        ].compactMap { $0 }
        for name in names {
            #expect(ServerRoutes.header(in: headers, name) == headers[name], "\(name)")
        }
    }
}
