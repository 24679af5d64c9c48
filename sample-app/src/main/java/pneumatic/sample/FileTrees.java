package pneumatic.sample;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which files of a directory tree the sample pipelines look at: every regular file, and every
 * symbolic link to one or to nothing that can be read (a broken link, or one of a loop of links,
 * is kept: reading it fails, and says so),
 * except those in hidden directories such as {@code .git} and in build output ({@code target}),
 * which are not even walked. Links to directories are not followed, and FIFOs, sockets and
 * devices are left out, directly or through a link: they hold no file's content, and reading a
 * FIFO would wait forever for a writer.
 */
final class FileTrees {

    private FileTrees() {}

    private static final Set<String> TEXT = Set.of(
            "txt", "md", "adoc", "java", "kt", "xml", "properties", "json", "yml", "yaml", "toml", "sh",
            "html", "css", "js", "py", "rs", "go", "c", "h", "csv");

    /**
     * Every file under {@code root}, in the walk's order.
     *
     * @throws IOException if a directory cannot be read
     */
    static List<Path> files(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                String name = directory.getFileName() == null ? "" : directory.getFileName().toString();
                boolean skipped = !directory.equals(root) && (name.startsWith(".") || name.equals("target"));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                // The attributes are the link's own; Files.isRegularFile and exists follow it,
                // and a link that cannot be followed (broken, or in a loop) does not exist.
                boolean linkToAFileOrNothing = attributes.isSymbolicLink()
                        && (Files.isRegularFile(file) || !Files.exists(file));
                if (attributes.isRegularFile() || linkToAFileOrNothing) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** Whether a file's extension says it holds text. */
    static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && TEXT.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
