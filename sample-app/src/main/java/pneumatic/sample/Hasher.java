package pneumatic.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/** The steps of {@link Checksums} over one directory, with a count per step. */
final class Hasher implements Checksums {

    private final Path root;

    /** Written by the {@code collect} thread only; read after the run has ended. */
    private final Map<Path, FileDigest> manifest = new TreeMap<>();

    private final LongAdder filesListed = new LongAdder();
    private final LongAdder filesHashed = new LongAdder();
    private final LongAdder bytesHashed = new LongAdder();

    Hasher(Path root) {
        this.root = root;
    }

    @Override
    public Stream<Path> files() throws IOException {
        return FileTrees.files(root).stream().peek(file -> filesListed.increment());
    }

    @Override
    public FileDigest hash(Path file) throws IOException {
        MessageDigest sha256 = sha256(); // one per call: a MessageDigest is not thread-safe
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                bytes += n;
            }
        }
        filesHashed.increment();
        bytesHashed.add(bytes);
        return new FileDigest(root.relativize(file), HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public void collect(FileDigest digest) {
        manifest.put(digest.path(), digest);
    }

    /** After the run: every digest, sorted by path. */
    List<FileDigest> manifest() {
        return new ArrayList<>(manifest.values());
    }

    /** After the run: the bytes hashed. */
    long bytes() {
        return bytesHashed.sum();
    }

    /** After the run: what each step handled. */
    String stepCounts() {
        return String.format("files %,d listed | hash %s, %s | collect %s", filesListed.sum(),
                Counts.of(filesHashed.sum(), "file"), Counts.of(bytesHashed.sum(), "byte"),
                Counts.of(manifest.size(), "digest"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
