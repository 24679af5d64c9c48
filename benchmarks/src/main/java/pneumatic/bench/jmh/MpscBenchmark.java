package pneumatic.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario S2 under JMH: MPSC, bounded(1024), 4 producers -> 1 consumer. Each invocation is one
 * run of the candidate ({@value #MESSAGES} messages, fresh threads), so the score is messages per
 * second.
 * {@code -p candidate=jox} adds the jox candidate on a JDK 21+ build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class MpscBenchmark {

    static final int MESSAGES = 65536;

    @Param({"pneumatic", "ABQ", "LBQ", "LTQ", "JCTools-MPSC", "JCTools-Xadd"})
    public String candidate;

    private ScenarioRun run;

    @Setup
    public void setUp() {
        run = new ScenarioRun("S2", candidate, MESSAGES);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long run() throws Exception {
        return run.run();
    }
}
