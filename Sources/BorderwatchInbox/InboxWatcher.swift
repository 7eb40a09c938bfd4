#if canImport(Glibc)
import Glibc
#endif

/// What inotify reported about the inbox.
public enum InboxEvent: Hashable, Sendable {
    /// A file was closed after writing, or renamed into the inbox.
    case arrived(String)
    /// An entry was created: only worth a look when it is not a regular file (a symlink, FIFO,
    /// device or directory never gets a close-after-write), see ``InboxDirectory/isSpecial(_:)``.
    case created(String)
    /// The kernel queue overflowed and events were lost: rescan.
    case overflow
}

/// inotify on the inbox (`IN_CLOSE_WRITE`, `IN_MOVED_TO`, `IN_CREATE`) plus a self-pipe to wake the waiting
/// thread, so that the processing loop sleeps in `poll` until there is work and never polls the
/// directory.
public final class InboxWatcher: @unchecked Sendable {
    // @unchecked: the descriptors are immutable; `wake()` only writes to the pipe, which is
    // safe from any thread, and the rest is called by the processing thread alone.
    private let inotify: Int32
    /// A non-blocking pipe: `wake()` writes a byte, `wait` drains it. (Glibc's module does not
    /// import `eventfd`.)
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    public init(directory: String) throws {
        let fd = try systemCall("inotify_init1", directory) { inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) }
        inotify = fd
        let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_ONLYDIR)
        do {
            try systemCall("inotify_add_watch", directory) { inotify_add_watch(fd, directory, mask) }
            var ends: [Int32] = [0, 0]
            try systemCall("pipe", directory) { pipe(&ends) }
            for fd in ends {
                _ = fcntl(fd, F_SETFL, O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            (wakeRead, wakeWrite) = (ends[0], ends[1])
        } catch {
            close(fd)
            throw error
        }
    }

    deinit {
        close(inotify)
        close(wakeRead)
        close(wakeWrite)
    }

    /// Makes a thread blocked in ``wait(timeout:)`` return. Safe from any thread or signal handler.
    public func wake() {
        var one: UInt8 = 1
        _ = write(wakeWrite, &one, 1)
    }

    /// Blocks until inotify has events, ``wake()`` was called, or `timeout` seconds passed
    /// (`nil`: no timeout). Returns the events read (possibly none).
    public func wait(timeout: Double?) throws -> [InboxEvent] {
        var fds = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        let milliseconds = timeout.map { Int32(max(0, min($0 * 1000, Double(Int32.max)))) } ?? -1
        let ready = poll(&fds, 2, milliseconds)
        if ready < 0 && errno != EINTR { throw SystemCallError(call: "poll", subject: "inbox", errno: errno) }
        if fds[1].revents != 0 {
            var drain = [UInt8](repeating: 0, count: 64)
            while read(wakeRead, &drain, drain.count) > 0 {}
        }
        return try events()
    }

    /// The events queued now, without blocking.
    public func events() throws -> [InboxEvent] {
        var events: [InboxEvent] = []
        while true {
            let n = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { return events }
                throw SystemCallError(call: "read", subject: "inotify", errno: errno)
            }
            events += Self.parse(buffer[0..<n])
        }
    }

    /// Decodes a buffer of `struct inotify_event` records. The `name[]` tail is not imported into
    /// Swift: it is read after the 16-byte header, up to its first NUL.
    static func parse(_ bytes: ArraySlice<UInt8>) -> [InboxEvent] {
        var events: [InboxEvent] = []
        var offset = bytes.startIndex
        let header = 16
        while offset + header <= bytes.endIndex {
            func u32(_ at: Int) -> UInt32 {
                UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
            }
            let mask = u32(offset + 4)
            let length = Int(u32(offset + 12))
            let nameStart = offset + header
            let nameEnd = min(nameStart + length, bytes.endIndex)
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                events.append(.overflow)
            } else {
                let raw = bytes[nameStart..<nameEnd].prefix { $0 != 0 }
                let name = String(decoding: raw, as: UTF8.self)
                if raw.isEmpty {
                    // An event about the inbox itself: nothing to read.
                } else if mask & (UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO)) != 0 {
                    events.append(.arrived(name))
                } else if mask & UInt32(IN_CREATE) != 0 {
                    events.append(.created(name))
                }
            }
            offset = nameStart + length
        }
        return events
    }
}
