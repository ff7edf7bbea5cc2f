import CMalloc

/// glibc malloc settings for the UI and the server. Every frame allocates two ~400 KB screens; above the default
/// mmap threshold each one was a fresh mapping whose pages faulted in again (6 % of a keystroke). Under load the
/// server's threads freed and re-faulted their arenas' tops: about 450 `madvise` calls a second.
enum MemoryTuning {
    /// Keeps screen-sized blocks on the heap and the freed memory mapped between frames.
    static func apply() {
        _ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 16 << 20)
    }
}
