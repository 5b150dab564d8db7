import YieldStrip
import YieldStripJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Somewhere bytes are read from: standard input, or memory in tests.
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many were read; 0 means the end
    /// of the input. A read error is a ``StreamError``, never an early end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int
}

/// A source over a file descriptor, read with `read(2)`.
public final class FileDescriptorSource: ByteSource {
    public let descriptor: Int32
    /// The stream's name in messages (`standard input`).
    public let name: String

    public init(descriptor: Int32, name: String? = nil) {
        self.descriptor = descriptor
        self.name = name ?? streamName(ofDescriptor: descriptor)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw StreamError.fromErrno(.read, stream: name) }
        }
    }
}

/// A source over bytes in memory, handed out at most `chunkSize` bytes per read (so tests can
/// exercise lines that straddle reads).
public final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var position = 0

    public init(_ bytes: [UInt8], chunkSize: Int = .max) {
        self.bytes = bytes
        self.chunkSize = Swift.max(1, chunkSize)
    }

    public convenience init(_ text: String, chunkSize: Int = .max) {
        self.init(Array(text.utf8), chunkSize: chunkSize)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = Swift.min(buffer.count, chunkSize, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count)]))
        }
        position += count
        return count
    }
}

#if canImport(Glibc)
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
#endif
