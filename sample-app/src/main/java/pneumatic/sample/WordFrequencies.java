package pneumatic.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/**
 * Counts the words of the text files under a directory: the files are listed on one thread,
 * read and split on two, and counted on one, so the counts need no lock.
 */
@Pipeline
public interface WordFrequencies {

    /** The text files to read. */
    @Source
    Stream<Path> files() throws IOException;

    /** Sends every word of one file, lower-cased. */
    @Stage(workers = 2)
    void words(Path file, Sender<String> out) throws IOException, InterruptedException;

    /** Counts one word. */
    @Sink(capacity = 1024)
    void count(String word);
}
