import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on `<database>.lock` holding the owner's pid, so only one process writes a store.
public final class StoreLock: Sendable {
    /// The lock file's path.
    public let path: String
    private let descriptor: Mutex<Int32>

    /// Takes the lock without waiting, or throws `StoreError.locked` naming the holder's pid.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.lockFailed(lockFile: path, errno: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = StoreLock.readPid(fd)
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN {
                throw StoreError.locked(lockFile: path, pid: holder)
            }
            throw StoreError.lockFailed(lockFile: path, errno: code)
        }
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        descriptor = Mutex(fd)
    }

    deinit {
        release()
    }

    /// Releases the lock now (also done when the lock is deallocated); safe to call twice.
    public func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            _ = flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    private static func readPid(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
