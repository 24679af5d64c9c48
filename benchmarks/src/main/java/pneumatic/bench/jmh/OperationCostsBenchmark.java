package pneumatic.bench.jmh;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.SpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pneumatic.bench.Messages;
import pneumatic.channel.Channel;
import pneumatic.channel.Receiver;
import pneumatic.channel.Sender;

/**
 * Scenario S7 under JMH: single operations on one thread, no peer. Pairs to compare: {@code
 * sendRecv} with {@code abqOfferPoll} and {@code spscOfferPoll}; {@code tryRecvEmpty} with {@code
 * abqPollEmpty}; {@code recvTimeoutExpires} with {@code abqPollTimeoutExpires}; {@code
 * senderCloneClose} stands alone. Run with {@code -prof gc} for the bytes per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class OperationCostsBenchmark {

    private static final Duration ONE_NANO = Duration.ofNanos(1);
    private static final Long MESSAGE = Messages.get(1);

    private final Channel<Long> channel = Channel.bounded(1024);
    private final Sender<Long> tx = channel.sender();
    private final Receiver<Long> rx = channel.receiver();
    private final Channel<Long> empty = Channel.bounded(1024);
    private final Sender<Long> emptyTx = empty.sender();
    private final Receiver<Long> emptyRx = empty.receiver();
    private final ArrayBlockingQueue<Long> abq = new ArrayBlockingQueue<>(1024);
    private final ArrayBlockingQueue<Long> emptyAbq = new ArrayBlockingQueue<>(1024);
    private final SpscArrayQueue<Long> spsc = new SpscArrayQueue<>(1024);

    @Benchmark
    public Long sendRecv() throws InterruptedException {
        tx.send(MESSAGE);
        return rx.recv();
    }

    @Benchmark
    public Long abqOfferPoll() {
        abq.offer(MESSAGE);
        return abq.poll();
    }

    @Benchmark
    public Long spscOfferPoll() {
        spsc.offer(MESSAGE);
        return spsc.poll();
    }

    @Benchmark
    public Optional<Long> tryRecvEmpty() {
        return emptyRx.tryRecv();
    }

    @Benchmark
    public Long abqPollEmpty() {
        return emptyAbq.poll();
    }

    @Benchmark
    public Optional<Long> recvTimeoutExpires() throws InterruptedException {
        return emptyRx.recv(ONE_NANO);
    }

    @Benchmark
    public Long abqPollTimeoutExpires() throws InterruptedException {
        return emptyAbq.poll(1, TimeUnit.NANOSECONDS);
    }

    @Benchmark
    public Sender<Long> senderCloneClose() {
        Sender<Long> clone = emptyTx.clone();
        clone.close();
        return clone;
    }
}
