package pneumatic.bench;

import java.util.Iterator;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/**
 * The pipeline of scenario S5, as a Pneumatic user writes it: a source, one stage and a sink, each
 * on one thread, with a channel of 1024 in front of the stage and of the sink. The processor
 * generates {@code ThreeStepsWiring}.
 */
@Pipeline
public interface ThreeSteps {

    /** The messages to send. */
    @Source
    Iterator<Long> messages();

    /** {@link Messages#step} of each. */
    @Stage(capacity = Scenarios.CAPACITY)
    Long step(Long message);

    /** Adds them up. */
    @Sink(capacity = Scenarios.CAPACITY)
    void sum(Long message);
}
