import OasstProtocol
import Testing

@testable import CollectionServer

/// The label sets' descriptions, built once, are what describing each label gives, in the set's order.
@Suite struct LabelCatalogTests {
    @Test func builtDescriptionsFollowTheirSets() {
        let sets: [([String], [LabelDescription])] = [
            (LabelCatalog.fullPrompt, LabelCatalog.fullPromptDescriptions),
            (LabelCatalog.fullAssistant, LabelCatalog.fullAssistantDescriptions),
            (LabelCatalog.simpleReply, LabelCatalog.simpleReplyDescriptions),
        ]
        for (names, descriptions) in sets {
            #expect(descriptions == names.map(LabelCatalog.description))
            #expect(descriptions.map(\.name) == names)
        }
    }
}
