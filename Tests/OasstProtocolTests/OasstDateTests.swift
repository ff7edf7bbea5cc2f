import Foundation
import OasstProtocol
import Testing

@Suite struct OasstDateTests {
    @Test(arguments: [
        "2026-11-26T17:25:31.985280+00:00", "2026-11-26T17:25:31.000001+00:00", "2026-11-26T17:25:31.999999+00:00",
        "2026-11-26T17:25:31+00:00", "1999-12-31T23:59:59.500000+00:00", "2024-02-29T00:00:00.123456+00:00",
        "1970-01-01T00:00:00+00:00", "1969-12-31T23:59:59.900000+00:00",
    ])
    func backendTextRoundTripsExactly(text: String) throws {
        let date = try #require(OasstDate.parse(text))
        #expect(OasstDate.format(date) == text)
    }

    @Test func knownInstantParses() throws {
        let date = try #require(OasstDate.parse("2026-11-26T17:25:31.985280+00:00"))
        #expect(abs(date.timeIntervalSince1970 - 1_795_713_931.985_28) < 0.000_001)
    }

    @Test func offsetsAndZuluAreNormalisedToUTC() throws {
        let shifted = try #require(OasstDate.parse("2026-11-26T19:25:31.5+02:00"))
        #expect(OasstDate.format(shifted) == "2026-11-26T17:25:31.500000+00:00")
        let zulu = try #require(OasstDate.parse("2026-11-26T17:25:31Z"))
        #expect(OasstDate.format(zulu) == "2026-11-26T17:25:31+00:00")
        let naive = try #require(OasstDate.parse("2026-11-26T17:25:31"))
        #expect(naive == zulu)
    }

    @Test(arguments: [
        "", "2026-11-26", "2026-13-01T00:00:00+00:00", "2026-11-26T25:00:00+00:00", "2026-11-26T17:25:31.+00:00",
        "2026-11-26T17:25:31+0", "2026-11-26T17:25:31 junk", "yesterday", "2026-11-26T17:25:31.1234567890123+00:00x",
    ])
    func garbageIsNil(text: String) {
        #expect(OasstDate.parse(text) == nil)
    }

    @Test func longFractionsAreCutToMicroseconds() throws {
        let date = try #require(OasstDate.parse("2026-11-26T17:25:31.123456789+00:00"))
        #expect(OasstDate.format(date) == "2026-11-26T17:25:31.123456+00:00")
    }

    @Test func frontEndUserDatesUseBackendTextWithAnyDecoder() throws {
        let body = Data(
            """
            {"id":"a","display_name":"A","auth_method":"local","user_id":"CCD08DFF-1C23-445D-9A46-24F8C7557FB7",
             "enabled":true,"deleted":false,"notes":"","created_date":"2026-11-26T17:25:31.985280+00:00",
             "show_on_leaderboard":true,"streak_days":null,"streak_last_day_date":null,"last_activity_date":null,
             "tos_acceptance_date":"2026-11-26T17:25:31.993458+00:00"}
            """.utf8)
        let user = try JSONDecoder().decode(FrontEndUser.self, from: body)
        let text = String(decoding: try JSONEncoder().encode(user), as: UTF8.self)
        #expect(text.contains("\"2026-11-26T17:25:31.993458+00:00\""))
        #expect(text.contains("ccd08dff-1c23-445d-9a46-24f8c7557fb7"), "UUIDs are written in lower case")
        #expect(text.contains("\"last_activity_date\":null"))
    }
}
