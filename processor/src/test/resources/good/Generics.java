package fixtures;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** Generic types and wildcards flowing between steps. */
@Pipeline
public interface Generics {
    @Source Stream<? extends Map<String, List<Integer>>> tables();

    @Stage void rows(Map<String, ? extends List<? extends Number>> table, Sender<? super List<? extends Number>> out);

    @Stage int size(List<?> row);

    @Sink void total(Number size);
}
