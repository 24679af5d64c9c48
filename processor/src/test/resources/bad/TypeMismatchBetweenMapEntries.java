package fixtures;

import java.util.List;
import java.util.Map;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A nested type of another class is shown with that class, as the source writes it: Map.Entry. */
@Pipeline
public interface TypeMismatchBetweenMapEntries {
    @Source List<Map.Entry<String, Integer>> entries();

    @Sink void take(
            Map.Entry<String, Long> entry);
}
