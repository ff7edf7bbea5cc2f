import Foundation

/// Fixed-window request counters like fastapi-limiter: a window starts at the first counted request, a rejected
/// request is not counted, and the answer names the seconds left in the window.
actor RateLimiter {
    private struct Window {
        var start: Date
        var count: Int
    }

    private var windows: [String: Window] = [:]

    /// Checks every `(key, limit)` pair and counts the request against all of them only if none is exhausted;
    /// returns the seconds to wait when one is.
    func admit(_ checks: [(key: String, limit: ServerConfiguration.RateLimits.Limit)], now: Date) -> Int? {
        var wait: Int?
        for check in checks {
            guard let window = windows[check.key] else { continue }
            let end = window.start.addingTimeInterval(TimeInterval(check.limit.seconds))
            if now < end && window.count >= check.limit.times {
                let seconds = Int(end.timeIntervalSince(now).rounded(.up))
                wait = max(wait ?? 0, max(seconds, 1))
            }
        }
        if let wait { return wait }
        for check in checks {
            if var window = windows[check.key],
                now < window.start.addingTimeInterval(TimeInterval(check.limit.seconds))
            {
                window.count += 1
                windows[check.key] = window
            } else {
                windows[check.key] = Window(start: now, count: 1)
            }
        }
        if windows.count > 100_000 { windows.removeAll() }
        return nil
    }
}
