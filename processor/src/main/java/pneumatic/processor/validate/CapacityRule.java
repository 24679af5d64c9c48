package pneumatic.processor.validate;

import pneumatic.Stage;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Step;

/**
 * {@code [Pipeline/Capacity]}: a capacity is 0 (rendezvous), positive, or
 * {@code Stage.UNBOUNDED} (-1).
 */
final class CapacityRule implements ChainRule {

    @Override
    public void check(Pipeline pipeline, Report report) {
        for (Step step : pipeline.steps()) {
            if (step.capacity() < Stage.UNBOUNDED) { // a source's capacity is 0: it has no input
                report.error(step.method(), step.annotation(), step.capacityValue(),
                        Messages.capacity(step.capacity(), Display.method(step.method())));
            }
        }
    }
}
