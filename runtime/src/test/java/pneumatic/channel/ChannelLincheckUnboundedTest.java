package pneumatic.channel;

/**
 * Lincheck checks of {@link Channel#unbounded()} ({@link LinkedFlavor}) against an unlimited FIFO
 * queue. Scenarios are far too short to fill a block, so block linking and reuse are not
 * reached here; {@code LinkedFlavorTest} covers those on one thread, and {@link
 * ChannelLincheckUnboundedBlockEndTest} runs these scenarios at the end of a block.
 */
public class ChannelLincheckUnboundedTest extends ChannelLincheckContract {

    public ChannelLincheckUnboundedTest() {
        super(Channel.unbounded());
    }

    @Override
    Class<? extends ChannelModel> model() {
        return Model.class;
    }

    /** The sequential specification: a FIFO queue without a limit. */
    public static final class Model extends ChannelModel.Buffered {
        public Model() {
            super(Integer.MAX_VALUE);
        }

        @Override
        Buffered empty() {
            return new Model();
        }
    }
}
