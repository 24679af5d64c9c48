package demo;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import java.util.List;

/** A mistake a user makes: the sink takes an Integer, the source emits Strings. */
@Pipeline
public interface Broken {
    @Source
    List<String> words();

    @Sink
    void add(Integer length);
}
