package demo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import pneumatic.PipelineFailedException;

/** Runs {@link Letters} through the wiring class the processor wrote, then a failing one. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicInteger total = new AtomicInteger();
        LettersWiring.run(new Letters() {
            @Override
            public List<String> words() {
                return List.of("pneumatic", "tube", "post");
            }

            @Override
            public int length(String word) {
                return word.length();
            }

            @Override
            public void add(Integer length) {
                total.addAndGet(length);
            }
        });
        System.out.println("letters: " + total.get());

        try {
            LettersWiring.run(new Letters() {
                @Override
                public List<String> words() {
                    return List.of("jammed");
                }

                @Override
                public int length(String word) {
                    throw new IllegalStateException("the tube is jammed");
                }

                @Override
                public void add(Integer length) {
                }
            });
            System.out.println("failure: none");
        } catch (PipelineFailedException e) {
            System.out.println("failure: " + e.stage() + ": " + e.getCause().getMessage());
        }
    }
}
