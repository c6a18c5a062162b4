import Foundation
import Vapor

/// A minimal W3C WebDriver client over HTTP, driving Debian's chromium through chromedriver.
/// Nothing is downloaded: both binaries must be installed (`apt-get install chromium chromium-driver`).
struct WebDriver {
    let client: any Client
    let base: String
    let session: String
    let process: Process

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    static func start(client: any Client, language: String = "uk") async throws -> WebDriver {
        let binary = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let binary else {
            throw Failure(description: "chromedriver is not installed: apt-get install chromium chromium-driver fonts-noto-cjk")
        }
        let port = Ports.free()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1", "--log-path=/tmp/bureau-chromedriver.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<100 {
            if let status = try? await client.get(URI(string: base + "/status")), status.status == .ok {
                ready = true
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        guard ready else {
            process.terminate()
            throw Failure(description: "chromedriver did not start on port \(port)")
        }
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": chromium ?? "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,1100", "--lang=\(language)", "--accept-lang=\(language)"],
            ] as [String: Any],
        ] as [String: Any]]]
        let response = try await send(client, .POST, base + "/session", capabilities)
        guard let value = response["value"] as? [String: Any], let session = value["sessionId"] as? String else {
            process.terminate()
            throw Failure(description: "chromedriver refused a session: \(response)")
        }
        return WebDriver(client: client, base: base, session: session, process: process)
    }

    @discardableResult
    static func send(_ client: any Client, _ method: HTTPMethod, _ url: String, _ body: [String: Any]? = nil)
        async throws -> [String: Any] {
        let response = try await client.send(method, to: URI(string: url)) { request in
            if let body {
                request.headers.contentType = .json
                request.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            }
        }
        guard let buffer = response.body,
              let json = try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any] else {
            throw Failure(description: "\(method) \(url): unreadable answer (\(response.status))")
        }
        if response.status != .ok {
            throw Failure(description: "\(method) \(url): \(response.status) \(json["value"] ?? "")")
        }
        return json
    }

    private func call(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await Self.send(client, method, "\(base)/session/\(session)\(path)", body)["value"]
    }

    func go(_ url: String) async throws {
        _ = try await call(.POST, "/url", ["url": url])
    }

    func find(_ css: String) async throws -> String {
        let value = try await call(.POST, "/element", ["using": "css selector", "value": css])
        guard let element = (value as? [String: Any])?[Self.elementKey] as? String else {
            throw Failure(description: "no element \(css)")
        }
        return element
    }

    func type(_ css: String, _ text: String) async throws {
        let element = try await find(css)
        _ = try await call(.POST, "/element/\(element)/value", ["text": text])
    }

    func click(_ css: String) async throws {
        let element = try await find(css)
        _ = try await call(.POST, "/element/\(element)/click", [:])
    }

    func text(_ css: String) async throws -> String {
        let element = try await find(css)
        return try await call(.GET, "/element/\(element)/text") as? String ?? ""
    }

    func script(_ source: String, _ arguments: [Any] = []) async throws -> Any? {
        try await call(.POST, "/execute/sync", ["script": source, "args": arguments])
    }

    /// Sets the window's outer size (1366 for a desk, 390 for a phone).
    func resize(width: Int, height: Int) async throws {
        _ = try await call(.POST, "/window/rect", ["width": width, "height": height])
    }

    /// How wide the page is against the window: more than the window means a sideways scroll.
    func widths() async throws -> (scroll: Int, inner: Int) {
        let pair = try await script("return [document.documentElement.scrollWidth, window.innerWidth]") as? [Int] ?? [0, 0]
        return (pair[0], pair[1])
    }

    func currentURL() async throws -> String {
        try await call(.GET, "/url") as? String ?? ""
    }

    func screenshot(to path: String) async throws {
        guard let base64 = try await call(.GET, "/screenshot") as? String, let data = Data(base64Encoded: base64) else { return }
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Polls `condition` until it holds: a click that submits a form returns before the next page
    /// has loaded, so every navigation is followed by a wait for what the user would see.
    func wait(_ what: String, timeout: Duration = .seconds(15), _ condition: () async throws -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if (try? await condition()) == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "timed out waiting for \(what); now at \(try await currentURL())")
    }

    func waitForLanguage(_ language: String) async throws {
        try await wait("the page in \(language)") {
            try await script("return document.readyState == 'complete' && document.documentElement.lang") as? String == language
        }
    }

    func waitForURL(_ matches: @escaping (String) -> Bool) async throws {
        try await wait("the next page") {
            let ready = try await script("return document.readyState") as? String == "complete"
            let url = try await currentURL()
            return ready && matches(url)
        }
    }

    func quit() async {
        _ = try? await call(.DELETE, "")
        process.terminate()
        // Foundation's waitUntilExit spins a run loop; poll instead from async code.
        for _ in 0..<50 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}
