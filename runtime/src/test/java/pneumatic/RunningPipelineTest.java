package pneumatic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pneumatic.channel.Channel;
import pneumatic.channel.DisconnectedException;

/**
 * {@link RunningPipeline} wired by hand, the way generated code wires it (the processor's tests
 * run the generated code itself).
 */
class RunningPipelineTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @AfterEach
    void noThreadOfARunOutlivesIt() {
        List<String> alive = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("Copy-") || name.startsWith("Open-"))
                .collect(Collectors.toList());
        assertEquals(List.of(), alive);
    }

    private static final List<String> LINES = IntStream.range(0, 500).mapToObj(i -> "line " + i).collect(Collectors.toList());

    /** The class Javadoc's example, with {@code store} collecting into a list. */
    @Test
    void theJavadocExampleCopiesEveryLine() {
        assertTimeoutPreemptively(BOUND, () -> {
            List<String> stored = Collections.synchronizedList(new ArrayList<>());
            List<String> lines = LINES;
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(Stage.DEFAULT_CAPACITY);
            run.startSource("lines", 1, toStore.sender().clone(), out -> Outputs.sendIterable(out, lines));
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> stored.add(line));
            toStore.receiver().close();
            try (PipelineRun started = run.started()) {
                started.await();
            }
            assertEquals(LINES, stored);
        });
    }

    /** await(Duration) takes what a channel's timeout takes: null is refused with what to pass. */
    @Test
    void awaitWithANullTimeoutSaysWhatToPass() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(Stage.DEFAULT_CAPACITY);
            run.startSource("lines", 1, toStore.sender().clone(), out -> Outputs.sendIterable(out, LINES));
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> { });
            toStore.receiver().close();
            try (PipelineRun started = run.started()) {
                NullPointerException refused = assertThrows(NullPointerException.class, () -> started.await(null));
                assertEquals("timeout is null; pass a Duration such as Duration.ofSeconds(1)", refused.getMessage());
                assertTrue(started.await(Duration.ofSeconds(Long.MAX_VALUE)), "a huge timeout waits for the end");
            }
        });
    }

    @Test
    void aFailureWhileTheRunIsStillBeingWiredStopsItOnceWired() {
        assertTimeoutPreemptively(BOUND, () -> {
            IllegalStateException boom = new IllegalStateException("fails at once");
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(1);
            CountDownLatch sourceFailed = new CountDownLatch(1);
            run.startSource("lines", 1, toStore.sender().clone(), out -> {
                sourceFailed.countDown();
                throw boom;
            });
            toStore.sender().close();
            sourceFailed.await();
            while (!run.toString().contains("stopping, step lines failed")) { // recorded: wiring goes on
                Thread.onSpinWait();
            }
            // The stop has not closed the channel yet, so wiring goes on without an exception...
            run.startSink("store", 1, toStore.receiver().clone(), line -> { });
            toStore.receiver().close();
            // ...and takes effect here.
            PipelineRun started = run.started();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, started::await);
            assertEquals("lines", failed.stage());
            assertSame(boom, failed.getCause());
            started.close();
        });
    }

    @Test
    void anOpenRunIsFedFromItsOwnThreadAndCollected() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<String, String> run = new RunningPipeline<>("Open");
            Channel<String> toUpper = run.channel(2);
            Channel<String> output = run.channel(2);
            run.exposeInput(toUpper.sender());
            run.exposeOutput(output.receiver());
            run.startStage("upper", 1, toUpper.receiver().clone(), output.sender().clone(),
                    (line, to) -> Outputs.sendOne(to, line.toUpperCase()));
            toUpper.receiver().close();
            output.sender().close();
            try (RunningPipeline<String, String> started = run.started()) {
                started.feed(LINES); // far more than the capacities: feeding and collecting overlap
                List<String> results = started.collect();
                started.await();
                assertEquals(LINES.stream().map(String::toUpperCase).collect(Collectors.toList()), results);
            }
        });
    }

    /** API.md: the first failure fails the run; a later one, of another step, is suppressed. */
    @Test
    void theFirstFailureNamesTheRunAndALaterFailureOfAnotherStepIsSuppressed() {
        assertTimeoutPreemptively(BOUND, () -> {
            ArithmeticException first = new ArithmeticException("store fails first");
            IllegalStateException later = new IllegalStateException("lines fails once stopped");
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(4);
            run.startSource("lines", 1, toStore.sender().clone(), out -> {
                out.send("one");
                try {
                    new CountDownLatch(1).await(); // until the stop interrupts it
                } catch (InterruptedException stopped) {
                    throw later; // a real failure, after the first one
                }
            });
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> {
                throw first;
            });
            toStore.receiver().close();
            PipelineRun started = run.started();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, started::await);
            assertEquals("store", failed.stage());
            assertSame(first, failed.getCause());
            assertEquals(List.of(later), List.of(failed.getSuppressed()));
            started.close();
        });
    }

    /**
     * A failure while the run is being wired, after every worker has started: {@code started()}
     * stops the workers that are already running, here a source blocked outside any channel.
     */
    @Test
    void aFailureWhileWiringStopsTheWorkersAlreadyRunningOnceWired() {
        assertTimeoutPreemptively(BOUND, () -> {
            IllegalStateException boom = new IllegalStateException("store fails on the first line");
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(4);
            run.startSource("lines", 1, toStore.sender().clone(), out -> {
                out.send("one");
                new CountDownLatch(1).await(); // blocks until the stop interrupts it
            });
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> {
                throw boom;
            });
            toStore.receiver().close();
            while (!run.toString().contains("stopping, step store failed")) { // wiring is not done yet
                Thread.onSpinWait();
            }
            PipelineRun started = run.started();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, started::await);
            assertEquals("store", failed.stage());
            assertSame(boom, failed.getCause());
            assertEquals(0, failed.getSuppressed().length, "the interrupt it caused is not a failure");
            started.close();
        });
    }

    /**
     * API.md: a failure stops the other steps, "upstream sends fail with DisconnectedException".
     * The source is blocked sending to a stage that is stuck in code that ignores interrupts, so
     * only the closing of that stage's channel can release the send.
     */
    @Test
    void aFailureMakesASendBlockedBehindAStuckStepFailWithDisconnection() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toHold = run.channel(1);
            Channel<String> toStore = run.channel(4);
            AtomicInteger sent = new AtomicInteger();
            AtomicReference<Thread> source = new AtomicReference<>();
            AtomicReference<Throwable> sendFailure = new AtomicReference<>();
            CountDownLatch sendFailed = new CountDownLatch(1);
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            run.startSource("lines", 1, toHold.sender().clone(), out -> {
                source.set(Thread.currentThread());
                try {
                    for (int i = 1; ; i++) {
                        out.send("line " + i);
                        sent.incrementAndGet();
                    }
                } catch (Throwable stopped) {
                    sendFailure.set(stopped);
                    sendFailed.countDown();
                    throw stopped;
                }
            });
            toHold.sender().close();
            run.startStage("hold", 1, toHold.receiver().clone(), toStore.sender().clone(), (line, to) -> {
                if (line.equals("line 2")) { // stuck on the second line, deaf to interrupts
                    holding.countDown();
                    boolean interrupted = false;
                    while (true) {
                        try {
                            letGo.await();
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                Outputs.sendOne(to, line);
            });
            toHold.receiver().close();
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> {
                holding.await();
                // "line 1" and "line 2" taken by hold, "line 3" in the channel: the source is
                // parked sending "line 4", and nothing but the stop can release it.
                while (sent.get() < 3 || source.get().getState() != Thread.State.WAITING) {
                    Thread.onSpinWait();
                }
                throw new ArithmeticException("store fails");
            });
            toStore.receiver().close();
            PipelineRun started = run.started();
            sendFailed.await();
            letGo.countDown();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, started::await);
            assertEquals("store", failed.stage());
            assertInstanceOf(DisconnectedException.class, sendFailure.get());
            assertEquals(3, sent.get());
            started.close();
        });
    }

    /**
     * "Upstream sends fail with DisconnectedException" also for a step that was busy, not
     * blocked, when the run stopped: the stop closes its downstream and interrupts its thread,
     * and its next send reports the disconnection (leaving the interrupt status set).
     */
    @Test
    void aFailureMakesTheNextSendOfABusyStepFailWithDisconnection() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(4);
            AtomicReference<Throwable> sendFailure = new AtomicReference<>();
            AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
            run.startSource("lines", 1, toStore.sender().clone(), out -> {
                out.send("line 1");
                while (!Thread.currentThread().isInterrupted()) { // busy until the stop reaches it
                    Thread.onSpinWait();
                }
                try {
                    out.send("line 2");
                } catch (Throwable stopped) {
                    sendFailure.set(stopped);
                    interruptedAfter.set(Thread.currentThread().isInterrupted());
                    throw stopped;
                }
            });
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> {
                throw new ArithmeticException("store fails");
            });
            toStore.receiver().close();
            PipelineRun started = run.started();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, started::await);
            assertEquals("store", failed.stage());
            assertInstanceOf(DisconnectedException.class, sendFailure.get());
            assertEquals(true, interruptedAfter.get(), "the interrupt status stays set");
            assertEquals(0, failed.getSuppressed().length, "a send failed by the stop is no failure of its own");
            started.close();
        });
    }

    /**
     * PipelineRun: await() "waits until the run has ended and every one of its threads has
     * finished". The last worker ends only an instant before its thread does, so a single run
     * would rarely show the difference; many short runs do, without any timing assumption.
     */
    @Test
    void awaitReturnsOnlyOnceEveryThreadOfTheRunHasFinished() {
        assertTimeoutPreemptively(BOUND, () -> {
            for (int attempt = 0; attempt < 200; attempt++) {
                Set<Thread> workers = ConcurrentHashMap.newKeySet();
                RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
                Channel<String> toStore = run.channel(Stage.DEFAULT_CAPACITY);
                run.startSource("lines", 1, toStore.sender().clone(), out -> {
                    workers.add(Thread.currentThread());
                    out.send("one");
                });
                toStore.sender().close();
                run.startSink("store", 1, toStore.receiver().clone(), line -> workers.add(Thread.currentThread()));
                toStore.receiver().close();
                run.started().await();
                assertEquals(2, workers.size());
                for (Thread worker : workers) {
                    assertFalse(worker.isAlive(), worker.getName() + " is still alive after await(), attempt " + attempt);
                }
            }
        });
    }

    @Test
    void aPipelineWithASourceHasNoInputAndOneWithASinkNoOutput() {
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
        IllegalStateException noInput = assertThrows(IllegalStateException.class, run::input);
        assertEquals("Copy has a @Source, so it takes no input()", noInput.getMessage());
        IllegalStateException noOutput = assertThrows(IllegalStateException.class, run::output);
        assertEquals("Copy has a @Sink, so it has no output()", noOutput.getMessage());
        run.started().close();
    }

    @Test
    void cancelAfterANormalEndChangesNothing() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(Stage.UNBOUNDED);
            run.startSource("lines", 1, toStore.sender().clone(), out -> Outputs.sendIterable(out, LINES));
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> { });
            toStore.receiver().close();
            run.started().await();
            assertTrue(run.isDone());
            run.cancel();
            run.await(); // still a normal end: no CancellationException
            assertTrue(run.await(Duration.ZERO));
            assertEquals("PipelineRun[Copy, ended normally, workers alive=0]", run.toString());
            IllegalStateException late = assertThrows(IllegalStateException.class,
                    () -> run.startSink("late", 1, toStore.receiver(), line -> { }));
            assertTrue(late.getMessage().contains("has ended"), late.getMessage());
        });
    }

    /**
     * PipelineRun.cancel(): a loop over output() ends when the last step's workers close their
     * senders, a moment before they count themselves out of the run. A close() in that moment
     * found the run not yet done and cancelled it, so a run that had delivered everything
     * reported a CancellationException (in about 2 of 5 repetitions before the fix).
     */
    @Test
    void closingARunRightAfterItsOutputEndedLeavesItNormal() {
        assertTimeoutPreemptively(BOUND, () -> {
            List<String> few = LINES.subList(0, 8);
            for (int repetition = 0; repetition < 300; repetition++) {
                RunningPipeline<Void, String> run = new RunningPipeline<>("Open");
                Channel<String> toUpper = run.channel(4);
                Channel<String> output = run.channel(4);
                run.exposeOutput(output.receiver());
                run.startSource("lines", 1, toUpper.sender().clone(), out -> Outputs.sendIterable(out, few));
                toUpper.sender().close();
                run.startStage("upper", 1, toUpper.receiver().clone(), output.sender().clone(),
                        (line, to) -> Outputs.sendOne(to, line.toUpperCase()));
                toUpper.receiver().close();
                output.sender().close();
                RunningPipeline<Void, String> started = run.started();
                List<String> results = new ArrayList<>();
                for (String line : started.output()) {
                    results.add(line);
                }
                started.close();
                int at = repetition;
                assertDoesNotThrow(() -> started.await(), () -> "repetition " + at);
                assertEquals(few.stream().map(String::toUpperCase).collect(Collectors.toList()), results);
            }
        });
    }

    /**
     * The generated wiring calls abandon() when it throws half-way (out of memory, say): the
     * workers already started must end before the exception leaves start().
     */
    @Test
    void abandoningAWiringThatThrewStopsAndWaitsForTheWorkersAlreadyStarted() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(0);
            CountDownLatch sending = new CountDownLatch(1);
            run.startSource("lines", 1, toStore.sender().clone(), out -> {
                sending.countDown();
                out.send("never taken"); // a rendezvous nobody will receive from
            });
            toStore.sender().close();
            sending.await();
            OutOfMemoryError wiringFailed = new OutOfMemoryError("as if the wiring of the sink ran out here");
            run.abandon(wiringFailed);
            assertTrue(run.isDone(), "abandon() returns once every worker has ended");
            assertEquals(0, wiringFailed.getSuppressed().length, "no step had failed");
            assertThrows(CancellationException.class, run::await);
            assertThrows(IllegalStateException.class, run::started, "the wiring phase is over");
        });
    }

    /**
     * A step that feeds output() and ignores the stop's interrupt is released by whoever drains
     * or closes output(); after a wiring that threw, nobody can, so abandon() closes it itself.
     */
    @Test
    void abandoningClosesTheOutputThatNoCallerWillEverDrain() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<Void, String> run = new RunningPipeline<>("Open");
            Channel<String> output = run.channel(1);
            run.exposeOutput(output.receiver());
            CountDownLatch full = new CountDownLatch(1);
            run.startSource("lines", 1, output.sender().clone(), out -> {
                out.send("fills the channel");
                full.countDown();
                while (true) {
                    try {
                        out.send("again"); // blocks while the channel is full
                    } catch (InterruptedException ignored) {
                        // a step that goes on regardless: only a disconnection stops it
                    }
                }
            });
            output.sender().close();
            full.await();
            run.abandon(new OutOfMemoryError("as if the wiring had run out here"));
            assertTrue(run.isDone());
            assertThrows(IllegalStateException.class, () -> run.output().tryRecv(), "output() is closed");
        });
    }

    /** A step's failure during the wiring is not lost when the wiring then throws. */
    @Test
    void abandoningKeepsAStepsFailureAsSuppressed() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(4);
            IllegalStateException boom = new IllegalStateException("the source fails at once");
            run.startSource("lines", 1, toStore.sender().clone(), out -> {
                throw boom;
            });
            toStore.sender().close();
            while (!run.toString().contains("stopping, step lines failed")) {
                Thread.onSpinWait();
            }
            OutOfMemoryError wiringFailed = new OutOfMemoryError("as if the wiring ran out here");
            run.abandon(wiringFailed);
            assertTrue(run.isDone());
            assertArrayEquals(new Throwable[] {boom}, wiringFailed.getSuppressed());
        });
    }

    @Test
    void startedTwiceIsAMistake() {
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
        run.started();
        IllegalStateException twice = assertThrows(IllegalStateException.class, run::started);
        assertEquals("pipeline Copy was already started", twice.getMessage());
    }

    @Test
    void cancelReleasesABlockedSourceAndSink() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(0);
            CountDownLatch sinkBlocked = new CountDownLatch(1);
            run.startSource("lines", 1, toStore.sender().clone(), out -> {
                while (true) {
                    out.send("again"); // a rendezvous: blocks until the sink takes it
                }
            });
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> {
                sinkBlocked.countDown();
                new CountDownLatch(1).await(); // blocks until interrupted
            });
            toStore.receiver().close();
            PipelineRun started = run.started();
            sinkBlocked.await();
            assertFalse(started.isDone());
            started.cancel();
            CancellationException cancelled = assertThrows(CancellationException.class, started::await);
            assertEquals("pipeline Copy was cancelled", cancelled.getMessage());
            assertEquals(0, cancelled.getSuppressed().length, "the interrupt it caused is not a failure");
            assertEquals("PipelineRun[Copy, ended, cancelled, workers alive=0]", started.toString());
            started.close();
        });
    }

    /**
     * PipelineRun.close(), called from a step, must return: two workers of a sink that each
     * close their run (say, both found what they were looking for) must not wait for each other.
     */
    @Test
    void twoStepsClosingTheirRunAtOnceBothReturn() {
        assertTimeoutPreemptively(BOUND, () -> {
            AtomicReference<PipelineRun> self = new AtomicReference<>();
            CountDownLatch wired = new CountDownLatch(1);
            CyclicBarrier bothHoldALine = new CyclicBarrier(2);
            AtomicInteger closed = new AtomicInteger();
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(4);
            run.startSource("lines", 1, toStore.sender().clone(), out -> {
                while (true) {
                    out.send("again");
                }
            });
            toStore.sender().close();
            for (int worker = 0; worker < 2; worker++) {
                run.startSink("store", worker + 1, toStore.receiver().clone(), line -> {
                    wired.await();
                    bothHoldALine.await(); // so that both are in the step before either closes
                    self.get().close();
                    closed.incrementAndGet();
                });
            }
            toStore.receiver().close();
            self.set(run.started());
            wired.countDown();
            assertThrows(CancellationException.class, run::await);
            assertEquals(2, closed.get(), "both steps returned from close()");
            run.close();
        });
    }

    /**
     * A step may throw one instance more than once: a constant exception, or the preallocated
     * one that HotSpot throws for a hot implicit exception (OmitStackTraceInFastThrow). The cause
     * is not also suppressed (printStackTrace would show it as a circular reference), and a later
     * failure thrown twice is suppressed once.
     */
    @Test
    void anExceptionThrownAgainIsReportedOnce() {
        assertTimeoutPreemptively(BOUND, () -> {
            IllegalStateException first = new IllegalStateException("thrown by two workers");
            IllegalStateException later = new IllegalStateException("thrown by two workers once stopped");
            AtomicInteger taken = new AtomicInteger();
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(4);
            run.startSource("lines", 1, toStore.sender().clone(),
                    out -> Outputs.sendIterable(out, List.of("a", "b", "c", "d")));
            toStore.sender().close();
            for (int worker = 0; worker < 4; worker++) {
                run.startSink("store", worker + 1, toStore.receiver().clone(), line -> {
                    int role = taken.getAndIncrement(); // each worker holds one line, so one role
                    if (role == 3) {
                        throw first;
                    }
                    try {
                        new CountDownLatch(1).await(); // until the stop interrupts it
                    } catch (InterruptedException stopped) {
                        throw role == 0 ? first : later;
                    }
                });
            }
            toStore.receiver().close();
            PipelineRun started = run.started();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, started::await);
            assertSame(first, failed.getCause());
            assertEquals(List.of(later), List.of(failed.getSuppressed()));
            started.close();
        });
    }

    /**
     * PipelineFailedException: "an interrupt caused by the stop" is not attached, also when it
     * comes as the exception of an interruptible NIO channel, or wrapped by a step that may not
     * throw InterruptedException itself.
     */
    @Test
    void theStopsInterruptIsNoFailureInAnyOfItsForms() {
        assertTimeoutPreemptively(BOUND, () -> {
            ArithmeticException first = new ArithmeticException("store fails");
            CountDownLatch othersBlocked = new CountDownLatch(2);
            AtomicInteger taken = new AtomicInteger();
            Pipe pipe = Pipe.open(); // nothing is ever written: a read blocks until interrupted
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(4);
            run.startSource("lines", 1, toStore.sender().clone(),
                    out -> Outputs.sendIterable(out, List.of("a", "b", "c")));
            toStore.sender().close();
            for (int worker = 0; worker < 3; worker++) {
                run.startSink("store", worker + 1, toStore.receiver().clone(), line -> {
                    int role = taken.getAndIncrement(); // each worker holds one line, so one role
                    if (role == 0) {
                        othersBlocked.countDown();
                        pipe.source().read(ByteBuffer.allocate(1)); // ClosedByInterruptException
                    } else if (role == 1) {
                        othersBlocked.countDown();
                        try {
                            new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("interrupted", e);
                        }
                    } else {
                        othersBlocked.await();
                        throw first;
                    }
                });
            }
            toStore.receiver().close();
            PipelineRun started = run.started();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, started::await);
            assertSame(first, failed.getCause());
            assertEquals(List.of(), List.of(failed.getSuppressed()));
            started.close();
            pipe.sink().close();
        });
    }

    /**
     * Runs a two-worker sink whose first worker throws {@code first} once the second one holds a
     * line and waits; the stop interrupts the second one, which then throws what
     * {@code afterStop} makes. Returns what await threw.
     */
    private static PipelineFailedException failFirstThenAfterTheStop(RuntimeException first,
            java.util.function.Supplier<RuntimeException> afterStop) throws InterruptedException {
        CountDownLatch secondWaits = new CountDownLatch(1);
        AtomicInteger taken = new AtomicInteger();
        RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
        Channel<String> toStore = run.channel(4);
        run.startSource("lines", 1, toStore.sender().clone(), out -> Outputs.sendIterable(out, List.of("a", "b")));
        toStore.sender().close();
        for (int worker = 0; worker < 2; worker++) {
            run.startSink("store", worker + 1, toStore.receiver().clone(), line -> {
                if (taken.getAndIncrement() == 0) {
                    try {
                        secondWaits.countDown();
                        new CountDownLatch(1).await(); // until the stop interrupts it
                    } catch (InterruptedException stopped) {
                        throw afterStop.get();
                    }
                }
                secondWaits.await();
                throw first;
            });
        }
        toStore.receiver().close();
        try (PipelineRun started = run.started()) {
            return assertThrows(PipelineFailedException.class, started::await);
        }
    }

    /** A later failure, thrown once a first one stopped the run, ends up suppressed on it, within the bound. */
    private static void assertSuppressedAfterAFirstFailure(RuntimeException later) {
        assertTimeoutPreemptively(BOUND, () -> {
            ArithmeticException first = new ArithmeticException("store fails");
            PipelineFailedException failed = failFirstThenAfterTheStop(first, () -> later);
            assertSame(first, failed.getCause());
            assertEquals(List.of(later), List.of(failed.getSuppressed()));
        });
    }

    /** An exception whose getCause() throws. */
    private static final class BrokenCauseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable getCause() {
            throw new IllegalStateException("getCause() fails");
        }
    }

    /**
     * A later failure whose getCause() throws is suppressed like any other; before, the run's
     * check for a stop signal let what getCause() threw escape from the worker.
     */
    @Test
    void aLaterFailureWhoseGetCauseThrowsIsSuppressed() {
        assertSuppressedAfterAFirstFailure(new BrokenCauseException());
    }

    /** An exception whose getCause() makes a new exception of this kind at every call. */
    private static final class EndlessCauseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public synchronized Throwable getCause() {
            return new EndlessCauseException();
        }
    }

    /**
     * The run follows a later failure's causes for a bounded number of links: a getCause() that
     * makes a new exception each time is an endless chain, which the run, before, followed forever
     * while holding its lock, so that neither the run nor its caller ever returned.
     */
    @Test
    void aLaterFailureWithAnEndlessCauseChainIsSuppressed() {
        assertSuppressedAfterAFirstFailure(new EndlessCauseException());
    }

    /**
     * A stream returned by a step that fails to close once the run has stopped is a failure, kept
     * as suppressed: Outputs.sendStream's try-with-resources attaches it to the disconnection that
     * stopped the send, which alone is no failure. Before, it was dropped with that disconnection.
     */
    @Test
    void aStreamThatFailsToCloseAfterTheStopIsSuppressed() {
        assertTimeoutPreemptively(BOUND, () -> {
            ArithmeticException first = new ArithmeticException("store fails");
            IllegalStateException closeFailed = new IllegalStateException("the stream's onClose fails");
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(4);
            run.startSource("lines", 1, toStore.sender().clone(), out -> Outputs.sendStream(out,
                    java.util.stream.Stream.generate(() -> "line").onClose(() -> {
                        throw closeFailed;
                    })));
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> {
                throw first;
            });
            toStore.receiver().close();
            try (PipelineRun started = run.started()) {
                PipelineFailedException failed = assertThrows(PipelineFailedException.class, started::await);
                assertSame(first, failed.getCause());
                assertEquals(List.of(closeFailed), List.of(failed.getSuppressed()));
            }
        });
    }

    /** An exception whose toString() throws, as a broken or hostile one may. */
    private static final class UnprintableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            throw new IllegalStateException("toString() fails");
        }
    }

    /** An exception whose getMessage() throws; Throwable.toString() calls it. */
    private static final class NoMessageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new UnsupportedOperationException("getMessage() fails");
        }
    }

    /**
     * A step's exception whose toString() or getMessage() throws is still the cause of the
     * PipelineFailedException, which names its class instead; before, await threw what
     * toString() threw, and the step and its exception were lost.
     */
    @Test
    void aFailureWhoseToStringThrowsIsStillReportedWithItsStep() {
        for (RuntimeException thrown : List.of(new UnprintableException(), new NoMessageException())) {
            assertTimeoutPreemptively(BOUND, () -> {
                RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
                Channel<String> toStore = run.channel(4);
                run.startSource("lines", 1, toStore.sender().clone(), out -> Outputs.sendIterable(out, LINES));
                toStore.sender().close();
                run.startSink("store", 1, toStore.receiver().clone(), line -> {
                    throw thrown;
                });
                toStore.receiver().close();
                try (PipelineRun started = run.started()) {
                    PipelineFailedException failed = assertThrows(PipelineFailedException.class, started::await);
                    assertSame(thrown, failed.getCause());
                    assertEquals("store", failed.stage());
                    String exceptionClass = thrown.getClass().getName();
                    String brokenCall = thrown instanceof UnprintableException
                            ? IllegalStateException.class.getName()
                            : UnsupportedOperationException.class.getName();
                    assertEquals("step store of pipeline Copy failed: " + exceptionClass
                            + " (its toString() threw " + brokenCall + ")", failed.getMessage());
                }
            });
        }
    }

    @Test
    void aFailureIsThrownAsANewExceptionInTheAwaitingThread() {
        assertTimeoutPreemptively(BOUND, () -> {
            RunningPipeline<Void, Void> run = new RunningPipeline<>("Copy");
            Channel<String> toStore = run.channel(4);
            run.startSource("lines", 1, toStore.sender().clone(), out -> Outputs.sendIterable(out, LINES));
            toStore.sender().close();
            run.startSink("store", 1, toStore.receiver().clone(), line -> {
                throw new ArithmeticException(line);
            });
            toStore.receiver().close();
            PipelineRun started = run.started();
            PipelineFailedException first = assertThrows(PipelineFailedException.class, started::await);
            PipelineFailedException second = assertThrows(PipelineFailedException.class, started::await);
            assertInstanceOf(ArithmeticException.class, first.getCause());
            assertSame(first.getCause(), second.getCause());
            assertEquals("PipelineRun[Copy, ended, step store failed, workers alive=0]", started.toString());
            assertTrue(first != second, "a new exception per await, with the caller's stack");
            assertTrue(java.util.Arrays.stream(first.getStackTrace())
                            .anyMatch(frame -> frame.getClassName().startsWith(RunningPipelineTest.class.getName())),
                    "the stack trace shows the awaiting test, not the worker");
            started.close();
        });
    }
}
