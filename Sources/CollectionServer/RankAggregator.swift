/// Turns several best-first rankings of the same replies into one order with ranked pairs (Tideman), the method
/// the backend uses (`backend/oasst_backend/utils/ranking.py`): count for every pair how many rankings put one
/// above the other, lock the pairs by decreasing margin unless a pair would close a cycle, then read the order off
/// the locked graph. Candidates missing from a ranking take no part in its pairs; ties keep the given order.
enum RankAggregator {
    /// Candidates sorted best first.
    static func rankedPairs(candidates: [String], rankings: [[String]]) -> [String] {
        let count = candidates.count
        guard count > 1 else { return candidates }
        let index = Dictionary(candidates.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var preferences = [[Int]](repeating: [Int](repeating: 0, count: count), count: count)
        for ranking in rankings {
            let positions = ranking.compactMap { index[$0] }
            for (high, winner) in positions.enumerated() {
                for loser in positions[(high + 1)...] where loser != winner {
                    preferences[winner][loser] += 1
                }
            }
        }
        var pairs: [(winner: Int, loser: Int, margin: Int)] = []
        for a in 0..<count {
            for b in 0..<count where a != b {
                let margin = preferences[a][b] - preferences[b][a]
                if margin > 0 { pairs.append((a, b, margin)) }
            }
        }
        pairs.sort { lhs, rhs in
            if lhs.margin != rhs.margin { return lhs.margin > rhs.margin }
            if lhs.winner != rhs.winner { return lhs.winner < rhs.winner }
            return lhs.loser < rhs.loser
        }
        var locked = [[Bool]](repeating: [Bool](repeating: false, count: count), count: count)
        func reaches(_ from: Int, _ to: Int) -> Bool {
            var stack = [from]
            var seen = Set<Int>()
            while let node = stack.popLast() {
                if node == to { return true }
                guard seen.insert(node).inserted else { continue }
                for next in 0..<count where locked[node][next] { stack.append(next) }
            }
            return false
        }
        for pair in pairs where !reaches(pair.loser, pair.winner) {
            locked[pair.winner][pair.loser] = true
        }
        var remaining = Array(0..<count)
        var order: [String] = []
        while !remaining.isEmpty {
            let source =
                remaining.first { candidate in !remaining.contains { locked[$0][candidate] } } ?? remaining[0]
            order.append(candidates[source])
            remaining.removeAll { $0 == source }
        }
        return order
    }
}
