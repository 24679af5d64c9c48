package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The unbounded flavor's own fast paths, on one thread and through its package-private
 * {@code offer}/{@code poll}: block boundaries, the hand-over between blocks, and the reuse of
 * drained blocks that keeps its steady state free of allocation.
 */
class LinkedFlavorTest {

    /** Slots per block; must match LinkedFlavor's. */
    private static final int BLOCK = 255;

    private static Integer value(int i) {
        return 1_000_000 + i; // distinct objects, outside Integer's cache
    }

    @Test
    void valuesCrossManyBlocksInOrder() {
        LinkedFlavor<Integer> flavor = new LinkedFlavor<>();
        int n = 10 * BLOCK + 7;
        for (int i = 0; i < n; i++) {
            assertEquals(Flavor.SENT, flavor.offer(value(i)));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(value(i), flavor.poll());
        }
        assertNull(flavor.poll());
    }

    @Test
    void sendingAndReceivingAroundEveryBlockBoundaryKeepsOrder() {
        LinkedFlavor<Integer> flavor = new LinkedFlavor<>();
        int sent = 0;
        int received = 0;
        for (int step : new int[] {BLOCK - 1, 1, 1, BLOCK - 2, 3, BLOCK, 2 * BLOCK + 1, 1}) {
            for (int i = 0; i < step; i++) {
                flavor.offer(value(sent++));
            }
            for (int i = 0; i < step / 2 + 1 && received < sent; i++) {
                assertEquals(value(received++), flavor.poll());
            }
        }
        while (received < sent) {
            assertEquals(value(received++), flavor.poll());
        }
        assertNull(flavor.poll());
    }

    @Test
    void disconnectingAtABlockBoundaryDeliversEverythingThenEnds() {
        LinkedFlavor<Integer> flavor = new LinkedFlavor<>();
        for (int i = 0; i < BLOCK; i++) {
            flavor.offer(value(i));
        }
        flavor.disconnectSenders();
        assertEquals(Flavor.DISCONNECTED, flavor.offer(value(-1)));
        for (int i = 0; i < BLOCK; i++) {
            assertEquals(value(i), flavor.poll());
        }
        assertSame(Flavor.END, flavor.poll());
    }

    @Test
    void closingTheReceiversDropsValuesSpreadOverSeveralBlocks() {
        LinkedFlavor<Integer> flavor = new LinkedFlavor<>();
        for (int i = 0; i < 3 * BLOCK + 5; i++) {
            flavor.offer(value(i));
        }
        flavor.disconnectReceivers();
        assertSame(Flavor.END, flavor.poll(), "nothing is left after the drop");
        assertEquals(Flavor.DISCONNECTED, flavor.offer(value(0)));
    }

    @Test
    void drainedBlocksAreReusedSoTheSteadyStateAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LinkedFlavor<Integer> flavor = new LinkedFlavor<>();
        Integer message = value(7);
        int burst = 20 * BLOCK; // 20 blocks in flight: within the pool's 64
        for (int warm = 0; warm < 3; warm++) { // fills the pool and compiles the paths
            cycle(flavor, message, burst);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int round = 0; round < 50; round++) {
            cycle(flavor, message, burst);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // Without reuse, 50 bursts of 20 blocks of about 1 KB would allocate about 1 MB.
        assertTrue(allocated < 16 * 1024, "allocated " + allocated + " bytes in 50 bursts of " + burst);
    }

    private static void cycle(LinkedFlavor<Integer> flavor, Integer message, int burst) {
        for (int i = 0; i < burst; i++) {
            flavor.offer(message);
        }
        for (int i = 0; i < burst; i++) {
            assertSame(message, flavor.poll());
        }
    }
}
