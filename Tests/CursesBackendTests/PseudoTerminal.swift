import CNcursesw
import Glibc

/// A pseudo-terminal pair for running the curses backend inside the test process: the backend
/// gets the slave side, the test writes keys into and drains output from the master side.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32

    /// Opens a pty of the given size; nil when the system has none.
    init?(width: Int, height: Int) {
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { return nil }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        self.master = master
        self.slave = slave
        resize(width: width, height: height)
    }

    deinit {
        close(slave)
        close(master)
    }

    /// Sets the window size the slave reports (what a terminal emulator does on resize).
    func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Types bytes as if on the keyboard.
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads and returns everything the program has written so far.
    @discardableResult
    func drain() -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            out += buffer[0..<count]
        }
        return out
    }
}
