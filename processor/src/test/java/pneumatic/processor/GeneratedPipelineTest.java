package pneumatic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pneumatic.PipelineFailedException;
import pneumatic.PipelineRun;
import pneumatic.channel.DisconnectedException;
import pneumatic.channel.Receiver;
import pneumatic.channel.Sender;

/**
 * Runs the wiring generated for the {@code good/} fixtures: values delivered, workers honoured,
 * failures named, cancel and close, open pipelines, and no thread of a run alive after it.
 */
class GeneratedPipelineTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    /** The names of every pipeline's threads start with its interface's name and a dash. */
    private static final List<String> PIPELINES = List.of(
            "WordCount", "Numbers", "Tokens", "Batches", "Shout", "Words", "Lengths", "Inner", "Renamed",
            "Generics", "OddNames", "Feed", "Bounded", "Greetings", "Overloads", "Captured",
            "Aged", "Tagged", "Lookup");

    @AfterEach
    void noPipelineThreadOutlivesItsRun() {
        List<String> alive = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> PIPELINES.stream().anyMatch(p -> name.startsWith(p + "-")))
                .collect(Collectors.toList());
        assertEquals(List.of(), alive, "threads still alive after the run");
    }

    private static List<String> corpus() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("The quick brown fox " + i + " jumps over the lazy dog " + (i % 7) + " again");
        }
        return lines;
    }

    @Test
    void wordCountDeliversEveryValueThroughEveryStageShape() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline wordCount = CompiledPipeline.fromResource("WordCount", "WordCountWiring");
            Map<String, Integer> counted = new ConcurrentHashMap<>();
            Set<String> wordsThreads = ConcurrentHashMap.newKeySet();
            Object steps = wordCount.steps()
                    .on("lines", args -> corpus().stream())
                    .on("words", args -> {
                        wordsThreads.add(Thread.currentThread().getName());
                        @SuppressWarnings("unchecked")
                        Sender<String> out = (Sender<String>) args[1];
                        for (String word : ((String) args[0]).split(" ")) {
                            out.send(word);
                        }
                        return null;
                    })
                    .on("lower", args -> ((String) args[0]).toLowerCase())
                    .on("longOnes", args -> ((String) args[0]).length() > 3 ? Optional.of(args[0]) : Optional.empty())
                    .on("variants", args -> Stream.of(args[0], args[0] + "!"))
                    .on("count", args -> counted.merge((String) args[0], 1, Integer::sum))
                    .build();
            wordCount.run(steps);

            Map<String, Integer> expected = new TreeMap<>();
            for (String line : corpus()) {
                for (String word : line.split(" ")) {
                    String lower = word.toLowerCase();
                    if (lower.length() > 3) {
                        expected.merge(lower, 1, Integer::sum);
                        expected.merge(lower + "!", 1, Integer::sum);
                    }
                }
            }
            assertEquals(expected, new TreeMap<>(counted));
            assertTrue(wordsThreads.stream().allMatch(n -> n.matches("WordCount-words-[1-4]")), wordsThreads.toString());
        });
    }

    @Test
    void everyWorkerOfAStepRunsAtOnceOnItsOwnNamedThread() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline wordCount = CompiledPipeline.fromResource("WordCount", "WordCountWiring");
            CyclicBarrier allFour = new CyclicBarrier(4);
            Set<String> names = ConcurrentHashMap.newKeySet();
            Object steps = wordCount.steps()
                    .on("lines", args -> Stream.of("a", "b", "c", "d"))
                    .on("words", args -> {
                        names.add(Thread.currentThread().getName());
                        allFour.await(10, TimeUnit.SECONDS); // only passes if 4 workers run at once
                        return null;
                    })
                    .on("lower", args -> args[0])
                    .on("longOnes", args -> Optional.of(args[0]))
                    .on("variants", args -> Stream.of(args[0]))
                    .on("count", args -> null)
                    .build();
            wordCount.run(steps);
            assertEquals(Set.of("WordCount-words-1", "WordCount-words-2", "WordCount-words-3", "WordCount-words-4"), names);
        });
    }

    @Test
    void aSingleWorkerStepRunsOnOneThread() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline tokens = CompiledPipeline.fromResource("Tokens", "TokensWiring");
            Set<String> threads = ConcurrentHashMap.newKeySet();
            List<CharSequence> printed = Collections.synchronizedList(new ArrayList<>());
            Object steps = tokens.steps()
                    .on("tokens", args -> List.of("x", "y", "z").iterator())
                    .on("print", args -> {
                        threads.add(Thread.currentThread().getName());
                        return printed.add((CharSequence) args[0]);
                    })
                    .build();
            tokens.run(steps);
            assertEquals(List.of("x", "y", "z"), printed, "one worker keeps the order");
            assertEquals(Set.of("Tokens-print-1"), threads);
        });
    }

    @Test
    void primitivesBoxAndWidenAcrossRendezvousAndUnboundedChannels() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline numbers = CompiledPipeline.fromResource("Numbers", "NumbersWiring");
            AtomicLong sum = new AtomicLong();
            List<Integer> input = IntStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList());
            Object steps = numbers.steps()
                    .on("numbers", args -> input)
                    .on("square", args -> (Integer) args[0] * (Integer) args[0])
                    .on("widen", args -> (long) (Integer) args[0])
                    .on("add", args -> sum.addAndGet((Long) args[0]))
                    .build();
            numbers.run(steps);
            assertEquals(input.stream().mapToLong(n -> (long) n * n).sum(), sum.get());
        });
    }

    @Test
    void aStepThatSendsOnTheSenderItClosedIsToldTheSenderBelongsToTheRun() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline batches = CompiledPipeline.fromResource("Batches", "BatchesWiring");
            Object steps = batches.steps()
                    .on("read", args -> {
                        @SuppressWarnings("unchecked")
                        Sender<String> out = (Sender<String>) args[0];
                        out.close();
                        out.send("too late");
                        return null;
                    })
                    .on("split", args -> List.of(args[0]))
                    .on("store", args -> null)
                    .build();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, () -> batches.run(steps));
            assertEquals("read", failed.stage());
            assertInstanceOf(IllegalStateException.class, failed.getCause());
            assertTrue(failed.getCause().getMessage().endsWith("; a Sender that a pipeline hands to a step belongs"
                    + " to the run: the step sends on it and never closes it"), failed.getCause().getMessage());
        });
    }

    @Test
    void aSenderSourcePassesListsAlongAsValues() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline batches = CompiledPipeline.fromResource("Batches", "BatchesWiring");
            ConcurrentLinkedQueue<List<String>> stored = new ConcurrentLinkedQueue<>();
            Object steps = batches.steps()
                    .on("read", args -> {
                        @SuppressWarnings("unchecked")
                        Sender<String> out = (Sender<String>) args[0];
                        for (String line : corpus()) {
                            out.send(line);
                        }
                        out.close(); // needless, but harmless after the last send: the run's close is then a no-op
                        return null;
                    })
                    .on("split", args -> List.of(((String) args[0]).split(" ")))
                    .on("store", args -> {
                        @SuppressWarnings("unchecked")
                        List<String> batch = (List<String>) args[0];
                        return stored.add(batch);
                    })
                    .build();
            batches.run(steps);
            assertEquals(corpus().stream().map(l -> List.of(l.split(" "))).collect(Collectors.toSet()),
                    new HashSet<>(stored));
            assertEquals(corpus().size(), stored.size());
        });
    }

    @Test
    void genericTypesAndWildcardsFlowThrough() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline generics = CompiledPipeline.fromResource("Generics", "GenericsWiring");
            AtomicLong total = new AtomicLong();
            Map<String, List<Integer>> table = Map.of("a", List.of(1, 2, 3), "b", List.of(4));
            Object steps = generics.steps()
                    .on("tables", args -> Stream.of(table, table))
                    .on("rows", args -> {
                        @SuppressWarnings("unchecked")
                        Map<String, List<Integer>> t = (Map<String, List<Integer>>) args[0];
                        @SuppressWarnings("unchecked")
                        Sender<Object> out = (Sender<Object>) args[1];
                        for (List<Integer> row : t.values()) {
                            out.send(row);
                        }
                        return null;
                    })
                    .on("size", args -> ((List<?>) args[0]).size())
                    .on("total", args -> total.addAndGet(((Number) args[0]).longValue()))
                    .build();
            generics.run(steps);
            assertEquals(2 * (3 + 1), total.get());
        });
    }

    /**
     * A source of a wildcard type whose Iterable supertype nests the type argument: a Grid<?>
     * is an Iterable of List<List<capture of ?>>, which the wiring names List<? extends List<?>>.
     */
    @Test
    void aSourceOfAWildcardTypeHasElementsOfItsCapture() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline captured = CompiledPipeline.fromSource("fixtures.Captured", "fixtures.CapturedWiring", """
                    package fixtures;
                    import java.util.List;
                    import pneumatic.*;
                    @Pipeline
                    public interface Captured {
                        interface Grid<T> extends Iterable<List<List<T>>> {}

                        @Source Grid<?> rows();
                        @Stage Integer cells(List<? extends List<?>> row);
                        @Sink void total(Integer cells);
                    }
                    """);
            List<List<List<String>>> rows = List.of(List.of(List.of("a", "b"), List.of("c")), List.of(List.of()));
            Class<?> grid = captured.load("fixtures.Captured$Grid");
            Object rowsOfGrid = java.lang.reflect.Proxy.newProxyInstance(grid.getClassLoader(), new Class<?>[] {grid},
                    (proxy, method, args) -> method.getName().equals("iterator") ? rows.iterator() : null);
            AtomicLong total = new AtomicLong();
            Object steps = captured.steps()
                    .on("rows", args -> rowsOfGrid)
                    .on("cells", args -> ((List<?>) args[0]).stream().mapToInt(cells -> ((List<?>) cells).size()).sum())
                    .on("total", args -> total.addAndGet((Integer) args[0]))
                    .build();
            captured.run(steps);
            assertEquals(3, total.get());
        });
    }

    /**
     * The elements of a source are of a deprecated type that only its Iterable supertype names:
     * the wiring, which names them, suppresses the warning (the interface is where it belongs).
     */
    @Test
    void aSourceOfDeprecatedElementsCompilesWithoutAWarning() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline aged = CompiledPipeline.fromSource("fixtures.Aged", "fixtures.AgedWiring", """
                    package fixtures;
                    import java.util.Iterator;
                    import pneumatic.*;
                    @Pipeline
                    public interface Aged {
                        @Source Olds olds();
                        @Sink void take(Object old);

                        @Deprecated
                        final class Old {}

                        @SuppressWarnings("deprecation")
                        final class Olds implements Iterable<Old> {
                            @Override
                            public Iterator<Old> iterator() {
                                return java.util.List.of(new Old(), new Old()).iterator();
                            }
                        }
                    }
                    """);
            java.lang.reflect.Constructor<?> olds = aged.load("fixtures.Aged$Olds").getDeclaredConstructor();
            olds.setAccessible(true);
            AtomicInteger taken = new AtomicInteger();
            Object steps = aged.steps()
                    .on("olds", args -> olds.newInstance())
                    .on("take", args -> taken.incrementAndGet())
                    .build();
            aged.run(steps);
            assertEquals(2, taken.get());
        });
    }

    /**
     * The wiring's Javadoc shows each step's signature: a type annotation on a primitive, whose
     * value could hold a "*" "/" that would end that comment, is left out of it.
     */
    @Test
    void aTypeAnnotationOnAPrimitiveParameterStaysOutOfTheWiring() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline tagged = CompiledPipeline.fromSource("fixtures.Tagged", "fixtures.TaggedWiring", """
                    package fixtures;
                    import java.lang.annotation.ElementType;
                    import java.lang.annotation.Target;
                    import java.util.List;
                    import pneumatic.*;
                    @Pipeline
                    public interface Tagged {
                        @Target(ElementType.TYPE_USE)
                        @interface Range {
                            String value();
                        }

                        @Source List<Integer> digits();
                        @Sink void take(@Range("0 */ 9") int digit);
                    }
                    """);
            AtomicLong total = new AtomicLong();
            Object steps = tagged.steps()
                    .on("digits", args -> List.of(1, 2, 3))
                    .on("take", args -> total.addAndGet((Integer) args[0]))
                    .build();
            tagged.run(steps);
            assertEquals(6, total.get());
        });
    }

    @Test
    void nestedAndRenamedPipelinesGetTheirOwnWiringNames() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline inner = CompiledPipeline.fromResource("Outer", "Outer$Inner", "Outer_InnerWiring");
            List<String> greeted = Collections.synchronizedList(new ArrayList<>());
            inner.run(inner.steps()
                    .on("names", args -> List.of("ada", "grace"))
                    .on("greet", args -> greeted.add("hello " + args[0]))
                    .build());
            assertEquals(List.of("hello ada", "hello grace"), greeted);
            CompiledPipeline renamed = CompiledPipeline.fromResource("Renamed", "Indexer");
            List<String> indexed = Collections.synchronizedList(new ArrayList<>());
            renamed.run(renamed.steps()
                    .on("documents", args -> List.of("d1", "d2"))
                    .on("index", args -> indexed.add((String) args[0]))
                    .build());
            assertEquals(List.of("d1", "d2"), indexed);
        });
    }

    /** The wiring fixtures.Lookup of the nested fixtures.Registry.Lookup: two classes, no clash. */
    @Test
    void aNestedPipelineMayNameItsWiringAfterItself() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline lookup = CompiledPipeline.fromResource("Registry", "Registry$Lookup", "Lookup");
            List<String> found = Collections.synchronizedList(new ArrayList<>());
            lookup.run(lookup.steps()
                    .on("keys", args -> List.of("k1", "k2"))
                    .on("find", args -> found.add((String) args[0]))
                    .build());
            assertEquals(List.of("k1", "k2"), found);
        });
    }

    @Test
    void stepsNamedLikeTheWiringsOwnNamesStillWork() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline odd = CompiledPipeline.fromResource("OddNames", "OddNamesWiring");
            List<String> wired = Collections.synchronizedList(new ArrayList<>());
            odd.run(odd.steps()
                    .on("run", args -> {
                        @SuppressWarnings("unchecked")
                        Sender<String> out = (Sender<String>) args[0];
                        out.send("v");
                        return null;
                    })
                    .on("start", args -> args[0] + "1")
                    .on("sender", args -> {
                        @SuppressWarnings("unchecked")
                        Sender<String> out = (Sender<String>) args[1];
                        out.send(args[0] + "2");
                        return null;
                    })
                    .on("in", args -> Optional.of(args[0] + "3"))
                    .on("worker", args -> args[0] + "4")
                    .on("sealed", args -> args[0] + "5")
                    .on("wire", args -> wired.add((String) args[0]))
                    .build());
            assertEquals(List.of("v12345"), wired);
        });
    }

    @Test
    void aFailingStageFailsTheRunNamingTheStepWithItsExceptionAsCause() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline wordCount = CompiledPipeline.fromResource("WordCount", "WordCountWiring");
            IllegalStateException boom = new IllegalStateException("boom at fox 5");
            Object steps = wordCount.steps()
                    .on("lines", args -> Stream.iterate(0, i -> i + 1).map(i -> "fox " + i)) // endless
                    .on("words", args -> {
                        @SuppressWarnings("unchecked")
                        Sender<String> out = (Sender<String>) args[1];
                        out.send((String) args[0]);
                        return null;
                    })
                    .on("lower", args -> {
                        if (args[0].equals("fox 5")) {
                            throw boom;
                        }
                        return args[0];
                    })
                    .on("longOnes", args -> Optional.of(args[0]))
                    .on("variants", args -> Stream.of(args[0]))
                    .on("count", args -> null)
                    .build();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, () -> wordCount.run(steps));
            assertEquals("lower", failed.stage());
            assertEquals("WordCount", failed.pipeline());
            assertSame(boom, failed.getCause());
            assertEquals(0, failed.getSuppressed().length, "stop signals are not failures");
        });
    }

    @Test
    void aCheckedExceptionOfASinkIsTheCause() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline batches = CompiledPipeline.fromResource("Batches", "BatchesWiring");
            IOException disk = new IOException("disk full");
            Object steps = batches.steps()
                    .on("read", args -> {
                        @SuppressWarnings("unchecked")
                        Sender<String> out = (Sender<String>) args[0];
                        for (int i = 0; ; i++) { // endless: only the failure can stop it
                            out.send("line " + i);
                        }
                    })
                    .on("split", args -> List.of(args[0]))
                    .on("store", args -> {
                        throw disk;
                    })
                    .build();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, () -> batches.run(steps));
            assertEquals("store", failed.stage());
            assertSame(disk, failed.getCause());
        });
    }

    @Test
    void aFailingSourceIsNamedToo() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline tokens = CompiledPipeline.fromResource("Tokens", "TokensWiring");
            Object steps = tokens.steps()
                    .on("tokens", args -> new Iterator<String>() {
                        int next;

                        @Override
                        public boolean hasNext() {
                            return true;
                        }

                        @Override
                        public String next() {
                            if (next == 10) {
                                throw new IllegalArgumentException("bad token");
                            }
                            return "t" + next++;
                        }
                    })
                    .on("print", args -> null)
                    .build();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, () -> tokens.run(steps));
            assertEquals("tokens", failed.stage());
            assertInstanceOf(IllegalArgumentException.class, failed.getCause());
        });
    }

    /**
     * The thread that feeds {@code run(steps, inputs)} is named {@code <Pipeline>-<input>-1}, and
     * a failure of the iterable has {@code stage()} {@code "<input>"}: no method can have that
     * name, so neither is taken for the step named {@code input}.
     */
    @Test
    void aFailingInputIterableIsNamedApartFromAStepNamedInput() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline feed = CompiledPipeline.fromSource("fixtures.Feed", "fixtures.FeedWiring", """
                    package fixtures;
                    import pneumatic.*;
                    @Pipeline
                    public interface Feed {
                        @Stage String input(String line);
                        @Sink void print(String line);
                    }
                    """);
            Set<String> stepThreads = ConcurrentHashMap.newKeySet();
            Set<String> feederThreads = ConcurrentHashMap.newKeySet();
            CountDownLatch bothTaken = new CountDownLatch(2);
            IllegalStateException unreadable = new IllegalStateException("line 3 is unreadable");
            Iterable<String> lines = () -> new Iterator<String>() {
                int next;

                @Override
                public boolean hasNext() {
                    feederThreads.add(Thread.currentThread().getName());
                    return true;
                }

                @Override
                public String next() {
                    if (next == 2) {
                        try { // so that the step named input has run before the failure stops it
                            bothTaken.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        throw unreadable;
                    }
                    return "line " + ++next;
                }
            };
            Object steps = feed.steps()
                    .on("input", args -> {
                        stepThreads.add(Thread.currentThread().getName());
                        bothTaken.countDown();
                        return args[0];
                    })
                    .on("print", args -> null)
                    .build();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, () -> feed.run(steps, lines));
            assertEquals("<input>", failed.stage());
            assertSame(unreadable, failed.getCause());
            assertEquals("step <input> of pipeline Feed failed: " + unreadable, failed.getMessage());
            assertEquals(Set.of("Feed-<input>-1"), feederThreads);
            assertEquals(Set.of("Feed-input-1"), stepThreads);
        });
    }

    @Test
    void aNullReturnFailsTheStepWithAMessageThatSaysWhatToDo() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline numbers = CompiledPipeline.fromResource("Numbers", "NumbersWiring");
            Object steps = numbers.steps()
                    .on("numbers", args -> List.of(1, 2, 3))
                    .on("square", args -> (Integer) args[0] * (Integer) args[0])
                    .on("widen", args -> null) // null for a primitive long: the call itself fails
                    .on("add", args -> null)
                    .build();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, () -> numbers.run(steps));
            assertEquals("widen", failed.stage());
            assertInstanceOf(NullPointerException.class, failed.getCause());

            // a reference type reaches the wiring as null, which says what to do
            CompiledPipeline shout = CompiledPipeline.fromResource("Shout", "ShoutWiring");
            Object shouting = shout.steps()
                    .on("upper", args -> null)
                    .on("print", args -> null)
                    .build();
            PipelineFailedException returnedNull = assertThrows(PipelineFailedException.class,
                    () -> shout.run(shouting, List.of("a", "b")));
            assertEquals("upper", returnedNull.stage());
            assertInstanceOf(NullPointerException.class, returnedNull.getCause());
            assertEquals("the step returned null; return a value, or declare Optional<R> and return"
                    + " Optional.empty() to emit nothing", returnedNull.getCause().getMessage());
        });
    }

    @Test
    void laterFailuresOfOtherWorkersAreSuppressed() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline batches = CompiledPipeline.fromResource("Batches", "BatchesWiring");
            CyclicBarrier both = new CyclicBarrier(2);
            Object steps = batches.steps()
                    .on("read", args -> {
                        @SuppressWarnings("unchecked")
                        Sender<String> out = (Sender<String>) args[0];
                        out.send("one");
                        out.send("two");
                        return null;
                    })
                    .on("split", args -> List.of(args[0]))
                    .on("store", args -> {
                        both.await(10, TimeUnit.SECONDS); // the two sink workers fail together
                        throw new IOException("store failed on " + args[0]);
                    })
                    .build();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, () -> batches.run(steps));
            assertEquals("store", failed.stage());
            assertEquals(1, failed.getSuppressed().length);
            assertInstanceOf(IOException.class, failed.getSuppressed()[0]);
        });
    }

    @Test
    void cancelStopsARunThatWouldNeverEnd() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline tokens = CompiledPipeline.fromResource("Tokens", "TokensWiring");
            CountDownLatch printing = new CountDownLatch(10);
            Object steps = tokens.steps()
                    .on("tokens", args -> Stream.generate(() -> "forever").iterator())
                    .on("print", args -> {
                        printing.countDown();
                        return null;
                    })
                    .build();
            PipelineRun run = tokens.start(steps);
            printing.await();
            assertFalse(run.isDone());
            run.cancel();
            assertThrows(CancellationException.class, run::await);
            assertTrue(run.isDone());
            run.close();
        });
    }

    @Test
    void closeCancelsAndJoinsEveryThread() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline wordCount = CompiledPipeline.fromResource("WordCount", "WordCountWiring");
            CountDownLatch counting = new CountDownLatch(1);
            Object steps = wordCount.steps()
                    .on("lines", args -> Stream.generate(() -> "again and again"))
                    .on("words", args -> {
                        @SuppressWarnings("unchecked")
                        Sender<String> out = (Sender<String>) args[1];
                        out.send((String) args[0]);
                        return null;
                    })
                    .on("lower", args -> args[0])
                    .on("longOnes", args -> Optional.of(args[0]))
                    .on("variants", args -> Stream.of(args[0]))
                    .on("count", args -> {
                        counting.countDown();
                        Thread.sleep(1); // a slow sink, so every channel fills up and blocks
                        return null;
                    })
                    .build();
            try (PipelineRun run = wordCount.start(steps)) {
                counting.await();
                assertFalse(run.isDone());
            } // noPipelineThreadOutlivesItsRun checks that close() joined them all
        });
    }

    @Test
    void awaitWithATimeoutSaysWhetherTheRunHasEnded() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline tokens = CompiledPipeline.fromResource("Tokens", "TokensWiring");
            CountDownLatch release = new CountDownLatch(1);
            Object steps = tokens.steps()
                    .on("tokens", args -> List.of("a").iterator())
                    .on("print", args -> {
                        release.await();
                        return null;
                    })
                    .build();
            try (PipelineRun run = tokens.start(steps)) {
                assertFalse(run.await(Duration.ofMillis(50)));
                release.countDown();
                assertTrue(run.await(Duration.ofSeconds(20)));
                assertTrue(run.isDone());
            }
        });
    }

    @Test
    void interruptingTheCallerOfRunCancelsTheRun() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline tokens = CompiledPipeline.fromResource("Tokens", "TokensWiring");
            CountDownLatch printing = new CountDownLatch(1);
            Object steps = tokens.steps()
                    .on("tokens", args -> Stream.generate(() -> "forever").iterator())
                    .on("print", args -> {
                        printing.countDown();
                        return null;
                    })
                    .build();
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    tokens.run(steps);
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "caller");
            caller.start();
            printing.await();
            caller.interrupt();
            caller.join();
            assertInstanceOf(InterruptedException.class, outcome.get());
        });
    }

    @Test
    void anOpenInputPipelineIsFedByItsCaller() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline shout = CompiledPipeline.fromResource("Shout", "ShoutWiring");
            List<String> printed = Collections.synchronizedList(new ArrayList<>());
            Object steps = shout.steps()
                    .on("upper", args -> ((String) args[0]).toUpperCase())
                    .on("print", args -> printed.add((String) args[0]))
                    .build();
            try (PipelineRun run = shout.start(steps)) {
                @SuppressWarnings("unchecked")
                PipelineRun.WithInput<String> fed = (PipelineRun.WithInput<String>) run;
                try (Sender<String> in = fed.input()) {
                    for (String line : corpus()) {
                        in.send(line);
                    }
                }
                run.await();
            }
            assertEquals(corpus().stream().map(String::toUpperCase).sorted().collect(Collectors.toList()),
                    printed.stream().sorted().collect(Collectors.toList()));

            printed.clear();
            shout.run(steps, List.of("a", "b"));
            assertEquals(Set.of("A", "B"), new HashSet<>(printed));
        });
    }

    /**
     * {@code PipelineRun.WithInput}'s example, as written: it feeds every line to a run that goes
     * well, and when a step fails, the send that finds the run stopped is caught and
     * {@code await()} throws the failure that names the step.
     */
    @Test
    void theInputExampleFeedsEveryLineAndAFailingStepSurfacesThroughAwait() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline shout = CompiledPipeline.fromResource("Shout", "ShoutWiring");
            List<String> printed = Collections.synchronizedList(new ArrayList<>());
            Object impl = shout.steps()
                    .on("upper", args -> ((String) args[0]).toUpperCase())
                    .on("print", args -> printed.add((String) args[0]))
                    .build();
            assertFalse(feedAsTheInputExampleDoes(shout, impl, corpus()), "no step failed, yet a send did");
            assertEquals(corpus().stream().map(String::toUpperCase).sorted().collect(Collectors.toList()),
                    printed.stream().sorted().collect(Collectors.toList()));

            IllegalStateException boom = new IllegalStateException("upper cannot shout");
            Object failing = shout.steps()
                    .on("upper", args -> {
                        throw boom;
                    })
                    .on("print", args -> null)
                    .build();
            // endless lines: only the caught DisconnectedException ends the feeding and reaches await()
            Iterable<String> endless = () -> Stream.generate(() -> "again").iterator();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class,
                    () -> feedAsTheInputExampleDoes(shout, failing, endless));
            assertEquals("upper", failed.stage());
            assertSame(boom, failed.getCause());
        });
    }

    /** The example's code; returns whether a send found the run stopped and ended the feeding. */
    private static boolean feedAsTheInputExampleDoes(CompiledPipeline shout, Object impl, Iterable<String> lines)
            throws InterruptedException {
        boolean stoppedFeeding = false;
        try (PipelineRun started = shout.start(impl)) {
            @SuppressWarnings("unchecked")
            PipelineRun.WithInput<String> run = (PipelineRun.WithInput<String>) started;
            try (Sender<String> in = run.input()) {
                for (String line : lines) {
                    in.send(line);
                }
            } catch (DisconnectedException e) {
                stoppedFeeding = true; // the run failed or was cancelled: stop feeding, await() says why
            }
            run.await();
        }
        return stoppedFeeding;
    }

    @Test
    void anOpenOutputPipelineIsDrainedByItsCaller() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline words = CompiledPipeline.fromResource("Words", "WordsWiring");
            Object steps = words.steps()
                    .on("lines", args -> corpus())
                    .on("words", args -> Stream.of(((String) args[0]).split(" ")))
                    .build();
            List<String> expected = corpus().stream().flatMap(l -> Stream.of(l.split(" "))).collect(Collectors.toList());
            List<String> drained = new ArrayList<>();
            try (PipelineRun run = words.start(steps)) {
                @SuppressWarnings("unchecked")
                Receiver<String> out = ((PipelineRun.WithOutput<String>) run).output();
                for (String word : out) {
                    drained.add(word);
                }
                run.await();
            }
            assertEquals(expected, drained, "one worker per step keeps the source's order");
            assertEquals(expected, words.run(steps));
        });
    }

    /**
     * A failing step of a pipeline without a sink: {@code run()} throws the failure like any
     * other run, and the caller's loop over {@code output()} ends as usual, since a stop leaves
     * the output open.
     */
    @Test
    void aFailingStepOfAPipelineWithoutASinkFailsRunAndEndsTheOutput() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline words = CompiledPipeline.fromResource("Words", "WordsWiring");
            IllegalStateException unreadable = new IllegalStateException("line 3 is unreadable");
            Object steps = words.steps()
                    .on("lines", args -> List.of("a b", "c d", "line 3", "e f"))
                    .on("words", args -> {
                        if (args[0].equals("line 3")) {
                            throw unreadable;
                        }
                        return Stream.of(((String) args[0]).split(" "));
                    })
                    .build();
            PipelineFailedException failed = assertThrows(PipelineFailedException.class, () -> words.run(steps));
            assertEquals("words", failed.stage());
            assertSame(unreadable, failed.getCause());

            try (PipelineRun run = words.start(steps)) {
                PipelineFailedException awaited = assertThrows(PipelineFailedException.class, run::await);
                assertSame(unreadable, awaited.getCause());
                @SuppressWarnings("unchecked")
                Receiver<String> out = ((PipelineRun.WithOutput<String>) run).output();
                List<String> drained = new ArrayList<>();
                for (String word : out) { // what the step emitted before it failed, then the end
                    drained.add(word);
                }
                assertEquals(List.of("a", "b", "c", "d"), drained);
            }
        });
    }

    /**
     * A step's {@code capacity} is that of the channel that feeds it: with the sink's two workers
     * each holding a value, the stage before it can hand on two more, into the sink's channel of
     * capacity 2, and then waits; its own channel (capacity 64) has taken all the source's values.
     */
    @Test
    void aStepsCapacityBoundsTheChannelThatFeedsIt() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline bounded = CompiledPipeline.fromSource("fixtures.Bounded", "fixtures.BoundedWiring", """
                    package fixtures;
                    import java.util.List;
                    import pneumatic.*;
                    import pneumatic.channel.Sender;
                    @Pipeline
                    public interface Bounded {
                        @Source List<Integer> numbers();
                        @Stage(capacity = 64) void pass(Integer n, Sender<Integer> out) throws InterruptedException;
                        @Sink(workers = 2, capacity = 2) void hold(Integer n) throws InterruptedException;
                    }
                    """);
            List<Integer> input = IntStream.rangeClosed(1, 50).boxed().collect(Collectors.toList());
            AtomicReference<Thread> source = new AtomicReference<>();
            AtomicReference<Thread> pass = new AtomicReference<>();
            AtomicInteger passed = new AtomicInteger();
            CountDownLatch bothHolding = new CountDownLatch(2);
            CountDownLatch letGo = new CountDownLatch(1);
            List<Integer> held = Collections.synchronizedList(new ArrayList<>());
            Object steps = bounded.steps()
                    .on("numbers", args -> {
                        source.set(Thread.currentThread());
                        return input;
                    })
                    .on("pass", args -> {
                        pass.set(Thread.currentThread());
                        @SuppressWarnings("unchecked")
                        Sender<Integer> out = (Sender<Integer>) args[1];
                        out.send((Integer) args[0]);
                        passed.incrementAndGet();
                        return null;
                    })
                    .on("hold", args -> {
                        held.add((Integer) args[0]);
                        bothHolding.countDown();
                        letGo.await();
                        return null;
                    })
                    .build();
            try (PipelineRun run = bounded.start(steps)) {
                bothHolding.await();
                // Once the source is done, pass never waits to receive: it waits only to send.
                while (source.get().getState() != Thread.State.TERMINATED || passed.get() < 4
                        || pass.get().getState() != Thread.State.WAITING && pass.get().getState() != Thread.State.TERMINATED) {
                    Thread.onSpinWait();
                }
                assertEquals(4, passed.get(), "two values held by the sink's workers, two in its channel");
                letGo.countDown();
                run.await();
            }
            assertEquals(input, held.stream().sorted().collect(Collectors.toList()));
        });
    }

    /** API.md: default and static methods of a pipeline interface are ignored; they are no steps. */
    @Test
    void defaultAndStaticMethodsAreNotSteps() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline greetings = CompiledPipeline.fromSource("fixtures.Greetings", "fixtures.GreetingsWiring", """
                    package fixtures;
                    import java.util.List;
                    import pneumatic.*;
                    @Pipeline
                    public interface Greetings {
                        @Source List<String> names();
                        @Stage String greet(String name);
                        @Sink void print(String greeting);

                        default String greeting(String name) {
                            return "hello " + name;
                        }

                        static String shout(String text) {
                            return text.toUpperCase();
                        }
                    }
                    """);
            List<String> printed = Collections.synchronizedList(new ArrayList<>());
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Object steps = greetings.steps()
                    .on("names", args -> List.of("ada", "grace"))
                    .on("greet", args -> "hello " + args[0])
                    .on("print", args -> {
                        threads.add(Thread.currentThread().getName());
                        return printed.add((String) args[0]);
                    })
                    .on("greeting", args -> {
                        throw new AssertionError("greeting is a default method, not a step");
                    })
                    .on("shout", args -> {
                        throw new AssertionError("shout is a static method, not a step");
                    })
                    .build();
            greetings.run(steps);
            assertEquals(List.of("hello ada", "hello grace"), printed);
            assertEquals(Set.of("Greetings-print-1"), threads);
        });
    }

    /**
     * Methods that share a step's name, and would match a call with the channel's type better
     * than the step does: a default show(Integer) for Integers, a static count(String) for
     * Strings, Object's equals(Object) for an Integer that equals(int) would have to unbox, and
     * Object's wait(long) for a Long that wait(double) would have to widen. The wiring calls
     * the steps all the same, and none of the others.
     */
    @Test
    void stepsAreCalledWhereOtherMethodsShareTheirNames() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline overloads = CompiledPipeline.fromSource("fixtures.Overloads", "fixtures.OverloadsWiring",
                    """
                    package fixtures;
                    import java.util.List;
                    import java.util.function.Consumer;
                    import pneumatic.*;
                    @Pipeline
                    public interface Overloads {
                        @Source List<Integer> numbers();
                        @Stage String show(Number n);
                        @Stage Integer count(CharSequence text);
                        @Stage Boolean equals(int length);
                        @Stage Long widen(Boolean odd);
                        @Sink void wait(double value);

                        default String show(Integer n) {
                            throw new AssertionError("the default show(Integer) was called");
                        }

                        static Integer count(String text) {
                            throw new AssertionError("the static count(String) was called");
                        }
                    }

                    final class OverloadsSteps implements Overloads {
                        private final Consumer<String> log;

                        OverloadsSteps(Consumer<String> log) {
                            this.log = log;
                        }

                        @Override public List<Integer> numbers() { return List.of(1, 22, 333); }
                        @Override public String show(Number n) { log.accept("show " + n); return "n=" + n; }
                        @Override public Integer count(CharSequence text) { log.accept("count " + text); return text.length(); }
                        @Override public Boolean equals(int length) { log.accept("equals " + length); return length % 2 == 1; }
                        @Override public Long widen(Boolean odd) { log.accept("widen " + odd); return odd ? 1L : 0L; }
                        @Override public void wait(double value) { log.accept("wait " + value); }
                    }
                    """);
            List<String> calls = Collections.synchronizedList(new ArrayList<>());
            Consumer<String> log = calls::add;
            java.lang.reflect.Constructor<?> constructor =
                    overloads.load("fixtures.OverloadsSteps").getDeclaredConstructor(Consumer.class);
            constructor.setAccessible(true);
            overloads.run(constructor.newInstance(log));
            for (String step : List.of("show", "count", "equals", "widen", "wait")) {
                List<String> ofStep = calls.stream().filter(c -> c.startsWith(step + " ")).collect(Collectors.toList());
                assertEquals(3, ofStep.size(), step + " in " + calls);
            }
            assertEquals(List.of("wait 1.0", "wait 0.0", "wait 1.0"),
                    calls.stream().filter(c -> c.startsWith("wait ")).collect(Collectors.toList()));
        });
    }

    @Test
    void aPipelineOpenAtBothEndsIsFedAndDrainedByRun() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline lengths = CompiledPipeline.fromResource("Lengths", "LengthsWiring");
            Object steps = lengths.steps()
                    .on("nonBlank", args -> ((String) args[0]).isBlank() ? Optional.empty() : Optional.of(args[0]))
                    .on("length", args -> ((String) args[0]).length())
                    .build();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 2000; i++) { // far more than the capacities: run must feed and drain at once
                lines.add(i % 3 == 0 ? "  " : "x".repeat(i % 50));
            }
            @SuppressWarnings("unchecked")
            List<Integer> result = (List<Integer>) lengths.run(steps, lines);
            assertEquals(lines.stream().filter(l -> !l.isBlank()).map(String::length).sorted().collect(Collectors.toList()),
                    result.stream().sorted().collect(Collectors.toList()));
        });
    }

    @Test
    void closingTheOutputEarlyFailsTheLastStepWithDisconnection() {
        assertTimeoutPreemptively(BOUND, () -> {
            CompiledPipeline words = CompiledPipeline.fromResource("Words", "WordsWiring");
            Object steps = words.steps()
                    .on("lines", args -> (Iterable<String>) () -> Stream.generate(() -> "w w w").iterator())
                    .on("words", args -> Stream.of(((String) args[0]).split(" ")))
                    .build();
            try (PipelineRun run = words.start(steps)) {
                @SuppressWarnings("unchecked")
                Receiver<String> out = ((PipelineRun.WithOutput<String>) run).output();
                assertEquals("w", out.recv());
                out.close();
                PipelineFailedException failed = assertThrows(PipelineFailedException.class, run::await);
                assertEquals("words", failed.stage());
                assertInstanceOf(DisconnectedException.class, failed.getCause());
            }
        });
    }
}
