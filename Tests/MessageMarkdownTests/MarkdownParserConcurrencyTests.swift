import Testing

@testable import MessageMarkdown

/// cmark-gfm shares one table of special inline characters between parsers; parses on several threads at once
/// must still give exactly what a parse alone gives.
@Suite struct MarkdownParserConcurrencyTests {
    @Test func parsesOnManyThreadsAtOnceLikeOneAtATime() async throws {
        let documents = MarkdownCorpus.all.map(\.text)
        let alone = documents.map { String(describing: MarkdownParser.parse($0)) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var mismatches = 0
                    for round in 0..<40 {
                        let index = (worker + round) % documents.count
                        if String(describing: MarkdownParser.parse(documents[index])) != alone[index] {
                            mismatches += 1
                        }
                    }
                    return mismatches
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
