import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole input file (a market file, a dividend schedule) with POSIX calls, up to a size limit,
/// so that a huge file, a device or a FIFO that never ends cannot exhaust memory.
package enum FileBytes {
    /// The largest input file read: 16 MiB, far above any market file or schedule.
    package static let inputLimit = 16 << 20

    package struct Failure: Error {
        package let reason: String
    }

    /// The file's bytes; a ``Failure`` with the system's reason when it cannot be opened or read, or
    /// when it holds more than `limit` bytes (`kind` names the file in that message: `market file`).
    package static func read(path: String, limit: Int, kind: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(reason: systemErrorText(errno)) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, limit: limit, kind: kind)
    }

    /// What is left to read from an open descriptor, as ``read(path:limit:kind:)`` reads a file.
    package static func read(descriptor: Int32, limit: Int, kind: String) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress, buffer.count)
            }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: systemErrorText(errno))
            }
            guard bytes.count + count <= limit else {
                throw Failure(reason: "the file is larger than \(limit >> 20) MiB (\(limit) bytes), the most a \(kind) may hold")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}

/// Standard input as a file named `-`, read once: every later read in the process gets the same bytes (a
/// command may read its market file more than once, and a pipe can be read only once).
package enum StandardInputFile {
    /// The name that stands for standard input.
    package static let path = "-"

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var bytes: [UInt8]?
    }

    private static let cache = Cache()

    /// The bytes of standard input, read on the first call (at most `limit` of them).
    package static func read(limit: Int, kind: String) throws(FileBytes.Failure) -> [UInt8] {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let bytes = cache.bytes { return bytes }
        let bytes = try FileBytes.read(descriptor: 0, limit: limit, kind: kind)
        cache.bytes = bytes
        return bytes
    }
}

/// The system's text for an `errno` value (`No space left on device`).
package func systemErrorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}

#if canImport(Glibc)
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
#endif
