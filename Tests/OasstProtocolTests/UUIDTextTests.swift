import Foundation
import OasstProtocol
import Testing

/// `UUIDText` reads, writes and makes UUIDs exactly as Foundation would, only faster.
@Suite struct UUIDTextTests {
    @Test func lowercasedTextIsFoundationsTextLowercased() {
        let fixed = UUID(
            uuid: (0x00, 0x1A, 0xFF, 0x9B, 0xC0, 0xDE, 0x4F, 0x00, 0x80, 0x01, 0xAB, 0xCD, 0xEF, 0x12, 0x34, 0x56))
        #expect(UUIDText.lowercased(fixed) == "001aff9b-c0de-4f00-8001-abcdef123456")
        for _ in 0..<100 {
            let uuid = UUID()
            #expect(UUIDText.lowercased(uuid) == uuid.uuidString.lowercased())
            #expect(UUIDText.parse(UUIDText.lowercased(uuid)) == uuid)
        }
    }

    @Test func randomUUIDsAreVersionFourAndDistinct() {
        var seen: Set<UUID> = []
        for _ in 0..<1_000 {
            let uuid = UUIDText.random()
            #expect(uuid.uuid.6 >> 4 == 4, "version nibble")
            #expect(uuid.uuid.8 >> 6 == 0b10, "RFC 4122 variant")
            seen.insert(uuid)
        }
        #expect(seen.count == 1_000)
        let text = UUIDText.randomText()
        #expect(text.count == 36 && text == text.lowercased() && UUIDText.parse(text) != nil)
    }

    @Test func timeOrderedUUIDsAreVersionSevenAndSortByTime() {
        let date = Date(timeIntervalSince1970: 1_764_245_000.123_9)
        let uuid = UUIDText.timeOrdered(at: date)
        #expect(uuid.uuid.6 >> 4 == 7, "version nibble")
        #expect(uuid.uuid.8 >> 6 == 0b10, "RFC 4122 variant")
        // 1,764,245,000,123 ms is 0x019a_c532_4fbb.
        #expect(UUIDText.lowercased(uuid).hasPrefix("019ac532-4fbb-7"))
        var previous = UUIDText.timeOrderedText(at: date)
        for step in 1...200 {
            let next = UUIDText.timeOrderedText(at: date.addingTimeInterval(Double(step) / 1000))
            #expect(previous < next, "a later millisecond sorts after an earlier one")
            #expect(UUIDText.parse(next) != nil)
            previous = next
        }
        let sameMillisecond = Set((0..<100).map { _ in UUIDText.timeOrdered(at: date) })
        #expect(sameMillisecond.count == 100, "random bits keep ids of one millisecond apart")
    }
}
