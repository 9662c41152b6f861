package io.parley.faults;

import java.util.function.Consumer;

/**
 * What a scenario does to the stack: {@code inject} breaks something (and, for a pause or
 * a slow network, lets it last), {@code heal} undoes it the way an operator or an
 * orchestrator would (start the process again, resume it, mend the network).
 *
 * @param inject the fault
 * @param heal the repair
 */
record Fault(Consumer<FaultStack> inject, Consumer<FaultStack> heal) {

}
