import YieldStrip
import YieldStripJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Somewhere bytes are written: standard output or error, or memory in tests.
public protocol ByteSink: AnyObject {
    /// Writes every byte of `bytes`, in order; a ``StreamError`` when the bytes cannot all be written.
    func write(_ bytes: UnsafeRawBufferPointer) throws(StreamError)
}

extension ByteSink {
    /// Writes the bytes of an array.
    public func write(_ bytes: [UInt8]) throws(StreamError) {
        var failure: StreamError?
        bytes.withUnsafeBytes { buffer in
            do throws(StreamError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes the UTF-8 bytes of `text`.
    public func write(_ text: String) throws(StreamError) {
        try write(Array(text.utf8))
    }
}

/// A sink over a file descriptor, written with `write(2)` until every byte is out.
///
/// A failing descriptor (a full disk, a closed descriptor) throws ``StreamError`` with the system's
/// reason, and the sink stays failed: later writes throw the same error without writing, so nothing is
/// written after a gap.
public final class FileDescriptorSink: ByteSink {
    public let descriptor: Int32
    /// The stream's name in messages (`standard output`).
    public let name: String
    /// The first failure; nothing more is written after it.
    public private(set) var failure: StreamError?

    public init(descriptor: Int32, name: String? = nil) {
        self.descriptor = descriptor
        self.name = name ?? streamName(ofDescriptor: descriptor)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(StreamError) {
        if let failure { throw failure }
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                let error = StreamError.fromErrno(.write, stream: name)
                failure = error
                throw error
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
