package pneumatic.processor.validate;

import java.util.HashMap;
import java.util.Map;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Step;

/**
 * {@code [Pipeline/NameClash]}: overloaded steps would share their thread names and their part of
 * the wiring, so each step needs a name of its own.
 */
final class StepNameRule implements ChainRule {

    @Override
    public void check(Pipeline pipeline, Report report) {
        Map<String, Step> byName = new HashMap<>();
        for (Step step : pipeline.steps()) {
            Step first = byName.putIfAbsent(step.name(), step);
            if (first != null) {
                Display.Names names = Display.Names.of(step.method(), first.method()); // clean(Date), clean(Date)
                report.error(step.method(),
                        Messages.sameName(names.method(step.method()), names.method(first.method())));
            }
        }
    }
}
