package io.agrisense.edge.sim;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputBase;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProvider;
import com.pi4j.io.gpio.digital.DigitalOutputProviderBase;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.function.BiConsumer;

/** Pi4J digital outputs whose level changes are reported to the simulation (relays act on the model). */
final class SimDigitalOutputProvider extends DigitalOutputProviderBase {

    private final BiConsumer<Integer, DigitalState> levels;

    SimDigitalOutputProvider(BiConsumer<Integer, DigitalState> levels) {
        super("agrisense-sim-digital-output", "AgriSense simulated digital outputs");
        this.levels = levels;
    }

    @Override
    public DigitalOutput create(DigitalOutputConfig config) {
        RelayPin output = new RelayPin(this, config, levels);
        context.registry().add(output);
        return output;
    }

    private static final class RelayPin extends DigitalOutputBase {

        private final BiConsumer<Integer, DigitalState> levels;

        RelayPin(DigitalOutputProvider provider, DigitalOutputConfig config, BiConsumer<Integer, DigitalState> levels) {
            super(provider, config);
            this.levels = levels;
        }

        @Override
        public DigitalOutput state(DigitalState state) {
            super.state(state);
            levels.accept(config.address(), state);
            return this;
        }
    }
}
