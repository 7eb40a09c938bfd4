#if canImport(Glibc)
import Glibc
#endif
import BorderwatchInbox

/// The sd_notify protocol: datagrams such as `READY=1` to the socket in `$NOTIFY_SOCKET`
/// (a path, or `@name` for an abstract socket). Does nothing when the variable is unset.
public final class SystemdNotifier: @unchecked Sendable {
    // @unchecked: the socket and address are set once; `sendto` on a datagram socket is thread-safe.
    private let socketFD: Int32
    private var address = sockaddr_un()
    private let addressLength: socklen_t
    /// Half of `$WATCHDOG_USEC`: how often the processing loop must send `WATCHDOG=1`; `nil`
    /// when systemd watches nothing.
    public let watchdogInterval: Double?

    public init(environment: [String: String]) {
        if let usec = environment["WATCHDOG_USEC"].flatMap(Double.init), usec > 0 {
            watchdogInterval = usec / 2_000_000
        } else {
            watchdogInterval = nil
        }
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty,
              path.utf8.count < MemoryLayout.size(ofValue: address.sun_path) else {
            socketFD = -1
            addressLength = 0
            return
        }
        socketFD = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        let abstract = bytes.first == UInt8(ascii: "@")
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        // An abstract name is counted exactly; a path includes its trailing NUL.
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)!
        addressLength = socklen_t(pathOffset + bytes.count + (abstract ? 0 : 1))
    }

    deinit {
        if socketFD >= 0 { close(socketFD) }
    }

    /// True when a notify socket was given.
    public var isActive: Bool { socketFD >= 0 }

    /// Sends one message, such as `READY=1\nSTATUS=watching`; failures are ignored as sd_notify does.
    public func notify(_ message: String) {
        guard socketFD >= 0 else { return }
        let payload = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                payload.withUnsafeBytes { sendto(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sa, addressLength) }
            }
        }
    }
}
