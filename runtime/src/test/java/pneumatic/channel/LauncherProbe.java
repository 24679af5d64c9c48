package pneumatic.channel;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link LeakDetectionTest}: does what a launcher such as
 * {@code mvn exec:java} does, runs an application in a thread group of its own with a class
 * loader of its own, lets it make the JVM's first channel, then looks for threads the
 * application left behind in its group. Prints what it finds and exits with status 1 if the
 * cleaner's thread is among them or holds the application's class loader.
 */
final class LauncherProbe {

    private LauncherProbe() {}

    public static void main(String[] args) throws InterruptedException {
        ThreadGroup application = new ThreadGroup("application");
        ClassLoader loader = new URLClassLoader(new URL[0], LauncherProbe.class.getClassLoader());
        Thread main = new Thread(application, () -> {
            Channel<String> channel = Channel.unbounded();
            channel.sender().close();
            channel.receiver().close();
        }, "application-main");
        main.setContextClassLoader(loader);
        main.start();
        main.join();

        List<String> problems = new ArrayList<>();
        Thread[] left = new Thread[16];
        int count = application.enumerate(left);
        for (int i = 0; i < count; i++) {
            problems.add("left in the application's thread group: " + left[i].getName());
        }
        boolean found = false;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(Handle.CLEANER_THREAD)) {
                found = true;
                if (!thread.isDaemon()) {
                    problems.add("the cleaner's thread is no daemon");
                }
                if (thread.getContextClassLoader() == loader) {
                    problems.add("the cleaner's thread holds the application's class loader");
                }
            }
        }
        if (!found) {
            problems.add("no thread named " + Handle.CLEANER_THREAD + ": the probe no longer looks at the right one");
        }
        System.out.println(problems.isEmpty() ? "no thread left behind" : String.join("\n", problems));
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
