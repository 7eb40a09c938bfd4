#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The built `borderwatch` executable, found beside the test bundle (the xctest runner lives
/// in the same `.build/<triple>/debug` folder).
public func borderwatchBinary() -> String? {
    var url = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = url.appendingPathComponent("borderwatch").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        url.deleteLastPathComponent()
    }
    return nil
}

/// A Unix datagram socket standing in for systemd's `$NOTIFY_SOCKET`.
public final class NotifySocket {
    public let path: String
    private let fd: Int32

    public init(directory: String) throws {
        path = directory + "/notify.sock"
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, result == 0 else { throw POSIXError(.EADDRINUSE) }
    }

    deinit { close(fd) }

    /// Every message received within `timeout` seconds until one contains `text`; `nil` if none did.
    public func wait(for text: String, timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&pfd, 1, left) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0, let message = String(bytes: buffer[0..<n], encoding: .utf8), message.contains(text) { return message }
        }
        return nil
    }
}

/// `borderwatch` run as a child process with its stderr captured in a file.
public final class ChildProcess {
    public let process = Process()
    public let logPath: String

    public convenience init(arguments: [String], environment: [String: String], logPath: String) throws {
        guard let binary = borderwatchBinary() else { throw POSIXError(.ENOENT) }
        try self.init(executable: binary, arguments: arguments, environment: environment, logPath: logPath)
    }

    /// Runs `executable` (a wrapper such as `unshare` that ends by exec-ing borderwatch).
    public init(executable binary: String, arguments: [String], environment: [String: String], logPath: String) throws {
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = log
        process.standardOutput = log
        try process.run()
    }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits up to `timeout` seconds for the exit; the status, or `nil` if still running.
    public func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}
