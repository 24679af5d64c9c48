package pneumatic.sample;

import java.nio.file.Path;

/**
 * The SHA-256 digest of one file.
 *
 * @param path the file, relative to the directory being checksummed
 * @param sha256 the digest as 64 lower-case hex digits
 */
public record FileDigest(Path path, String sha256) {

    /** The manifest line, in the format of {@code sha256sum}: hash, two spaces, path. */
    public String line() {
        return sha256 + "  " + path;
    }
}
