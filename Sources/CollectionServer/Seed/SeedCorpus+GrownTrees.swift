extension SeedCorpus {
    /// Trees that already have replies, in every seed language: growing ones with open leaves (reply and reply
    /// labelling tasks), ranking ones with sibling replies (both ranking tasks), and finished ones.
    static let grownTrees: [SeedTree] = englishTrees + germanTrees + spanishTrees + frenchTrees
}
