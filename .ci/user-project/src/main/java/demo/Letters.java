package demo;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** Counts the letters of some words: a source, a stage on two workers, a sink. */
@Pipeline
public interface Letters {
    @Source
    List<String> words();

    @Stage(workers = 2)
    int length(String word);

    @Sink
    void add(Integer length);
}
