package pneumatic.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A SHA-256 manifest of the files under a directory, hashed on four threads. */
@Pipeline
public interface Checksums {

    /** Every file to hash. */
    @Source
    Stream<Path> files() throws IOException;

    /** Hashes one file. */
    @Stage(workers = 4, capacity = 64)
    FileDigest hash(Path file) throws IOException;

    /** Keeps one digest; the manifest is sorted by path at the end. */
    @Sink
    void collect(FileDigest digest);
}
