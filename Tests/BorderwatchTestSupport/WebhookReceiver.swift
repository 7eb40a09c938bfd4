import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real HTTP/1.1 server on 127.0.0.1 for webhook tests: answers each request with the
/// next scripted response (then `fallback`), and records every request it read.
///
/// One thread accepts, one thread per connection serves keep-alive requests; `stop()`
/// closes everything. Plain POSIX sockets, no dependencies.
public final class WebhookReceiver: @unchecked Sendable {
    /// A scripted answer.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: String
        /// Seconds to wait before answering (a slow receiver).
        public var delay: Double

        public init(status: Int = 200, headers: [(String, String)] = [], body: String = "", delay: Double = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }
    }

    /// A request as received.
    public struct Request: Sendable {
        public var method: String
        /// Path and query, as on the request line.
        public var target: String
        /// Header names lowercased.
        public var headers: [String: String]
        public var body: Data
        public var receivedAt: Date
        /// The body parsed as a JSON object, or nil.
        public var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    public let port: Int
    public var url: String { "http://127.0.0.1:\(port)" }

    private let lock = NSLock()
    private var script: [Response]
    private var fallback: Response
    private var recorded: [Request] = []
    private var connections: Set<Int32> = []
    private let listener: Int32
    private var stopped = false

    /// - Parameter port: 0 for any free port; a given port lets a test bring a receiver
    ///   "back up" where a client was refused before.
    public init(script: [Response] = [], fallback: Response = Response(status: 200, body: "ok"), port: Int = 0) throws {
        self.script = script
        self.fallback = fallback
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ReceiverError("socket: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw ReceiverError("bind/listen: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "WebhookReceiver.accept"
        thread.start()
    }

    deinit { stop() }

    /// Appends answers to the script.
    public func enqueue(_ responses: Response...) {
        lock.withLock { script += responses }
    }

    /// Every request received so far.
    public var requests: [Request] { lock.withLock { recorded } }

    /// Waits until at least `count` requests arrived or `timeout` seconds passed, and
    /// returns what arrived.
    public func waitForRequests(_ count: Int, timeout: Double = 5) async -> [Request] {
        let deadline = Date().addingTimeInterval(timeout)
        while requests.count < count, Date() < deadline {
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
        return requests
    }

    /// Stops accepting and ends every connection. Sockets are only shut down here, under
    /// the lock, and closed by the thread that owns them: closing here would free the
    /// descriptor number while that thread may still use it, and a socket opened meanwhile
    /// by another test (a curl connection, another receiver's listener) would get that
    /// number and be shut down or accepted from by this receiver.
    public func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    /// A port on 127.0.0.1 where nothing listens (connection refused).
    public static func closedPort() throws -> Int {
        let receiver = try WebhookReceiver()
        let port = receiver.port
        receiver.stop()
        return port
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let accepted: Bool = lock.withLock {
                if stopped { return false }
                connections.insert(fd)
                return true
            }
            guard accepted else { close(fd); return }
            let thread = Thread { [self] in serve(fd) }
            thread.name = "WebhookReceiver.connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            lock.withLock { _ = connections.remove(fd) }
            close(fd)
        }
        var buffer = Data()
        while true {
            guard let request = readRequest(fd, &buffer) else { return }
            let response: Response = lock.withLock {
                recorded.append(request)
                return script.isEmpty ? fallback : script.removeFirst()
            }
            if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
            var head = "HTTP/1.1 \(response.status) \(WebhookReceiver.reason(response.status))\r\n"
            let body = Data(response.body.utf8)
            head += "Content-Length: \(body.count)\r\n"
            for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
            head += "\r\n"
            guard write(fd, Data(head.utf8) + body) else { return }
        }
    }

    private func readRequest(_ fd: Int32, _ buffer: inout Data) -> Request? {
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard readMore(fd, &buffer) else { return nil }
        }
        let headEnd = buffer.range(of: separator)!
        let head = String(decoding: buffer[buffer.startIndex..<headEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count - (headEnd.upperBound - buffer.startIndex) < length {
            guard readMore(fd, &buffer) else { return nil }
        }
        let bodyStart = headEnd.upperBound
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        buffer = Data(buffer[(bodyStart + length)...])
        return Request(method: requestLine.first.map(String.init) ?? "", target: requestLine.count > 1 ? String(requestLine[1]) : "",
                       headers: headers, body: body, receivedAt: Date())
    }

    private func readMore(_ fd: Int32, _ buffer: inout Data) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    private func write(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 408: return "Request Timeout"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

public struct ReceiverError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
