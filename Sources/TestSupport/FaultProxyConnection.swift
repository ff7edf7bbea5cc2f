import Foundation

/// Serves one client connection of `FaultProxy`: reads requests one after another, applies each
/// one's fault, and relays over its own upstream connection (opened lazily, reopened after the
/// upstream closes it).
final class FaultProxyConnection: @unchecked Sendable {
    private let client: LoopbackHTTPSocket
    private let index: Int
    private let core: FaultProxyCore
    private let fault: FaultProxyFault?
    // Touched only by this connection's thread.
    private var upstream: LoopbackHTTPSocket?
    private var upstreamBuffer: [UInt8] = []

    init(client: LoopbackHTTPSocket, index: Int, core: FaultProxyCore, fault: FaultProxyFault?) {
        self.client = client
        self.index = index
        self.core = core
        self.fault = fault
    }

    /// Serves until either side closes, a fault ends the connection, or the proxy stops.
    func run() {
        var resetClient = false
        defer {
            closeUpstream()
            core.untrack(client)
            if resetClient {
                FaultProxySockets.reset(client)
            } else {
                client.close()
            }
        }
        var buffer: [UInt8] = []
        var served = 0
        while !core.isStopped, let request = FaultProxyMessage.readRequest(from: client, buffer: &buffer) {
            let (number, chosen) = core.begin(
                connection: index, requestOnConnection: served, method: request.method, path: request.path,
                connectionFault: fault)
            served += 1
            switch serve(request, number: number, with: chosen) {
            case .keepOpen: continue
            case .close: return
            case .reset:
                resetClient = true
                return
            }
        }
    }

    private enum Ending {
        case keepOpen, close, reset
    }

    private func serve(_ request: FaultProxyMessage, number: Int, with fault: FaultProxyFault) -> Ending {
        switch fault {
        case .drop:
            return .close
        case .serverError:
            let body = #"{"message":"INTERNAL_SERVER_ERROR","error_code":0}"#
            let head =
                "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
            if !write(Array((head + body).utf8)) { core.noteClientGone() }
            return .close
        case .delay(let seconds, .beforeForwarding):
            guard core.sleep(seconds: seconds) else { return .close }
            return relay(request, number: number, fault: .passThrough)
        case .delay(let seconds, .beforeAnswering):
            return relay(request, number: number, fault: .delay(seconds: seconds, at: .beforeAnswering))
        case .passThrough, .reset, .truncate:
            return relay(request, number: number, fault: fault)
        }
    }

    /// Forwards the request, reads the whole response, then writes all or part of it.
    private func relay(_ request: FaultProxyMessage, number: Int, fault: FaultProxyFault) -> Ending {
        guard let response = exchange(request) else {
            core.noteUpstreamFailure()
            return .close
        }
        core.noteStatus(response.status, request: number)
        switch fault {
        case .reset:
            _ = write(Array(response.raw[0..<cutPoint(of: response)]))
            return .reset
        case .truncate:
            _ = write(Array(response.raw[0..<cutPoint(of: response)]))
            return .close
        case .delay(let seconds, _):
            guard core.sleep(seconds: seconds) else { return .close }
            return answer(request, with: response)
        case .passThrough, .drop, .serverError:
            return answer(request, with: response)
        }
    }

    private func answer(_ request: FaultProxyMessage, with response: FaultProxyMessage) -> Ending {
        if FaultProxySockets.peerClosed(client) || !write(response.raw) {
            core.noteClientGone()
            return .close
        }
        return request.closesConnection || response.closesConnection ? .close : .keepOpen
    }

    /// Where a cut response stops: half of the body, or half of the head when there is no body.
    private func cutPoint(of response: FaultProxyMessage) -> Int {
        if response.bodyLength > 0 {
            return response.headLength + response.bodyLength / 2
        }
        return max(1, response.headLength / 2)
    }

    /// One request/response over the upstream connection; nil when the upstream failed.
    private func exchange(_ request: FaultProxyMessage) -> FaultProxyMessage? {
        if upstream == nil {
            guard let socket = FaultProxySockets.connectLoopback(port: core.upstreamPort) else { return nil }
            guard core.track(socket) else {
                socket.close()
                return nil
            }
            upstream = socket
            upstreamBuffer = []
        }
        guard let socket = upstream else { return nil }
        let sent = request.raw.withUnsafeBytes { socket.write($0) }
        core.noteForwarded()
        guard sent,
            let response = FaultProxyMessage.readResponse(
                from: socket, buffer: &upstreamBuffer, requestMethod: request.method)
        else {
            closeUpstream()
            return nil
        }
        if response.closesConnection { closeUpstream() }
        return response
    }

    private func closeUpstream() {
        guard let socket = upstream else { return }
        core.untrack(socket)
        socket.close()
        upstream = nil
        upstreamBuffer = []
    }

    private func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { client.write($0) }
    }
}
