import Foundation
import Hummingbird
import OasstProtocol

/// Turns every failure into a JSON body (protocol errors, 422, 404 for unknown routes, 413, 500) and writes one
/// log line per request: method, path without query (so an `api_key` never appears), status and duration.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let log: (@Sendable (String) -> Void)?
    let maxBodyBytes: Int

    /// The 413 answer.
    static func tooLarge(_ limit: Int) -> ServerError {
        ServerError.oasst(413, "Request body too large: the limit is \(limit) bytes.", status: 413)
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as ServerError {
            response = Self.response(error)
        } catch let error as HTTPError {
            switch error.status {
            case .notFound: response = Self.response(ServerError(status: 404, body: .detail("Not Found")))
            case .methodNotAllowed:
                response = Self.response(ServerError(status: 405, body: .detail("Method Not Allowed")))
            case .contentTooLarge: response = Self.response(Self.tooLarge(maxBodyBytes))
            default:
                response = Self.response(
                    ServerError.oasst(0, error.body ?? "HTTP error", status: Int(error.status.code)))
            }
        } catch {
            response = Self.response(ServerError.internalError)
        }
        if let log {
            let elapsed = ContinuousClock.now - started
            let millis = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            let path = request.uri.path
            log("\(ServerRoutes.name) \(request.method.rawValue) \(path) \(response.status.code) \(Int(millis)) ms")
        }
        return response
    }

    /// The JSON response for an error.
    static func response(_ error: ServerError) -> Response {
        let data: Data
        switch error.body {
        case .oasst(let body): data = (try? OasstJSON.encode(body)) ?? Data()
        case .validation(let body): data = (try? OasstJSON.encode(body)) ?? Data()
        case .detail(let text): data = (try? OasstJSON.encode(["detail": text])) ?? Data()
        }
        return Response(
            status: HTTPResponse.Status(code: error.status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
