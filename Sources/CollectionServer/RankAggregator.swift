/// Turns several best-first rankings of the same replies into one order.
///
/// The real backend uses ranked pairs; this server uses the Borda count, which is simpler and agrees with ranked
/// pairs whenever one reply is consistently preferred: in a ranking of k listed candidates the one at position i
/// scores k − 1 − i; candidates missing from a ranking score nothing in it; ties keep the candidates' given order.
enum RankAggregator {
    /// Candidates sorted best first.
    static func borda(candidates: [String], rankings: [[String]]) -> [String] {
        let known = Set(candidates)
        var scores: [String: Int] = [:]
        for ranking in rankings {
            let listed = ranking.filter { known.contains($0) }
            for (position, id) in listed.enumerated() {
                scores[id, default: 0] += listed.count - 1 - position
            }
        }
        return candidates.enumerated().sorted { lhs, rhs in
            let left = scores[lhs.element, default: 0]
            let right = scores[rhs.element, default: 0]
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
