import YieldStrip
import YieldStripBatch
import YieldStripJSON

/// The three standard streams a command talks through.
///
/// ``standard`` is the process's own descriptors; tests build one over memory with
/// ``init(input:output:errorOutput:)`` and read back what was written.
public final class Console {
    public let input: any ByteSource
    public let output: any ByteSink
    public let errorOutput: any ByteSink

    public init(input: any ByteSource, output: any ByteSink, errorOutput: any ByteSink) {
        self.input = input
        self.output = output
        self.errorOutput = errorOutput
    }

    /// Standard input, output and error of this process.
    public static func standard() -> Console {
        Console(
            input: FileDescriptorSource(descriptor: 0),
            output: FileDescriptorSink(descriptor: 1),
            errorOutput: FileDescriptorSink(descriptor: 2))
    }
}
