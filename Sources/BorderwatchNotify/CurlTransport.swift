import BorderwatchCore
import CCurl
import Foundation

/// Posts `WebhookRequest`s through one libcurl easy handle on its own serial queue, so
/// blocking transfers never occupy the Swift concurrency pool, and the handle keeps its
/// connection to the receiver between alerts.
///
/// TLS verification is always on; `DeliveryConfiguration.caFile` adds a CA bundle
/// (Debian's libcurl still trusts `/etc/ssl/certs` through its CA path). Redirects are
/// not followed, only `http` and `https` are allowed, and `Expect: 100-continue` is
/// turned off so a post is one round trip.
public final class CurlTransport: @unchecked Sendable {
    // `handle` is only touched on `queue`, one transfer at a time.
    private let handle: UnsafeMutableRawPointer
    private let queue: DispatchQueue

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// The largest reply body kept.
    static let maxBody = 64 * 1024

    public init(label: String = "borderwatch.curl") {
        _ = CurlTransport.globalInit
        guard let handle = curl_easy_init() else { fatalError("curl_easy_init returned NULL: out of memory") }
        self.handle = handle
        queue = DispatchQueue(label: label)
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Sends `request`; on task cancellation the transfer is aborted (within libcurl's
    /// progress interval) and `.failure(.cancelled)` returned at once.
    ///
    /// - Parameter secrets: strings to scrub from libcurl's error text besides URLs.
    public func post(_ request: WebhookRequest, delivery: DeliveryConfiguration, secrets: [String] = []) async -> AttemptResult {
        let outcome = OneShot<AttemptResult>()
        let abort = AbortFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                outcome.install(continuation)
                queue.async { [self] in
                    outcome.complete(perform(request, delivery: delivery, secrets: secrets, abort: abort))
                }
            }
        } onCancel: {
            abort.raise()
            outcome.complete(.failure(TransportError(kind: .cancelled, curlCode: Int(CURLE_ABORTED_BY_CALLBACK.rawValue),
                                                     message: "stopping")))
        }
    }

    private func perform(_ request: WebhookRequest, delivery: DeliveryConfiguration, secrets: [String], abort: AbortFlag) -> AttemptResult {
        if abort.isRaised {
            return .failure(TransportError(kind: .cancelled, curlCode: Int(CURLE_ABORTED_BY_CALLBACK.rawValue), message: "stopping"))
        }
        curl_easy_reset(handle)
        let sink = ResponseSink()
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>? = nil
        defer {
            curl_slist_free_all(headerList)
            errorBuffer.deallocate()
        }
        for header in request.headers {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        headerList = curl_slist_append(headerList, "Expect:")

        _ = bw_curl_setopt_string(handle, CURLOPT_URL, request.url)
        _ = bw_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = bw_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = bw_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = bw_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = bw_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = delivery.caFile, !caFile.isEmpty {
            _ = bw_curl_setopt_string(handle, CURLOPT_CAINFO, caFile)
        }
        _ = bw_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(delivery.connectTimeout * 1000)))
        _ = bw_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, Int(delivery.totalTimeout * 1000)))
        _ = bw_curl_setopt_long(handle, CURLOPT_POST, 1)
        _ = bw_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count)
        request.body.withUnsafeBytes { bytes in
            // COPYPOSTFIELDS copies, so the buffer need not outlive this call.
            _ = bw_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(errorBuffer)))
        }
        _ = bw_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList.map { UnsafeMutableRawPointer($0) })
        _ = bw_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        _ = bw_curl_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue().appendBody(data, size * count)
            return size * count
        }
        _ = bw_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer)
        _ = bw_curl_setopt_write_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue().appendHeader(data, size * count)
            return size * count
        }
        _ = bw_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer)
        _ = bw_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        _ = bw_curl_setopt_xferinfo_function(handle) { context, _, _, _, _ in
            guard let context else { return 0 }
            return Unmanaged<AbortFlag>.fromOpaque(context).takeUnretainedValue().isRaised ? 1 : 0
        }
        _ = bw_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, Unmanaged.passUnretained(abort).toOpaque())

        let code = withExtendedLifetime((sink, abort)) { curl_easy_perform(handle) }
        if code == CURLE_OK {
            var status = 0
            _ = bw_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            return .response(status: status, headers: sink.headers,
                             body: scrubbed(String(decoding: sink.body, as: UTF8.self), secrets: secrets))
        }
        let detail = String(cString: errorBuffer)
        let message = scrubbed(detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail, secrets: secrets)
        return .failure(TransportError(kind: CurlTransport.kind(of: code), curlCode: Int(code.rawValue), message: message))
    }

    static func kind(of code: CURLcode) -> TransportError.Kind {
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT: return .unusable
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: return .resolve
        case CURLE_COULDNT_CONNECT: return .connect
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
             CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER: return .tls
        default: return .transfer
        }
    }
}

/// Collects a reply's headers (of the final response only) and its first 64 KiB.
private final class ResponseSink {
    var body = Data()
    var headers: [String: String] = [:]

    func appendBody(_ data: UnsafeMutablePointer<CChar>, _ count: Int) {
        let room = CurlTransport.maxBody - body.count
        if room > 0 { body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: min(room, count)) }
    }

    func appendHeader(_ data: UnsafeMutablePointer<CChar>, _ count: Int) {
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
        if line.hasPrefix("HTTP/") { headers = [:]; return }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Raised once when the caller stops waiting; read by libcurl's progress callback.
final class AbortFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    func raise() { lock.withLock { raised = true } }
    var isRaised: Bool { lock.withLock { raised } }
}

/// A continuation resumed by whichever of completion and cancellation comes first,
/// whichever order `install` and `complete` are called in.
final class OneShot<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, Never>?
    private var value: Value?
    private var done = false

    func install(_ continuation: CheckedContinuation<Value, Never>) {
        lock.lock()
        if let value, !done {
            done = true
            lock.unlock()
            continuation.resume(returning: value)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func complete(_ result: Value) {
        lock.lock()
        guard !done, value == nil else { lock.unlock(); return }
        if let continuation {
            done = true
            self.continuation = nil
            lock.unlock()
            continuation.resume(returning: result)
        } else {
            value = result
            lock.unlock()
        }
    }
}
