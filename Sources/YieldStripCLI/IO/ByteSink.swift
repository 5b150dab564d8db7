#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Somewhere bytes are written: standard output or error, or memory in tests.
public protocol ByteSink: AnyObject {
    /// Writes every byte of `bytes`, in order.
    func write(_ bytes: UnsafeRawBufferPointer)
}

extension ByteSink {
    /// Writes the bytes of an array.
    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Writes the UTF-8 bytes of `text`.
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }
}

/// A sink over a file descriptor, written with `write(2)` until every byte is out.
///
/// A failing descriptor (a closed pipe, a full disk) stops the sink: later writes are dropped and
/// ``hasFailed`` becomes true, so a reader that went away never turns into a crash.
public final class FileDescriptorSink: ByteSink {
    public let descriptor: Int32
    /// True once a write has failed; nothing more is written after that.
    public private(set) var hasFailed = false

    public init(descriptor: Int32) { self.descriptor = descriptor }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard !hasFailed, var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                hasFailed = true
                return
            }
            next += written
            remaining -= written
        }
    }
}

/// A sink that keeps what is written, for tests and in-process runs.
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) {
        self.bytes.append(contentsOf: bytes)
    }

    /// Everything written so far, decoded as UTF-8.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
