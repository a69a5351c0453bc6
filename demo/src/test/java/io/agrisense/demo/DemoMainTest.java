package io.agrisense.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DemoMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpListsEveryOptionOfTheDemo() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: agri-demo", "--config=FILE", "--stations=DIR", "--[no-]pond-night",
                "--pond-speed=X");
    }

    @Test
    void demoAsFirstArgumentIsAcceptedAsWithThePlatformJarBefore() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: agri-demo");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aPondSpeedOutOfRangeIsOneLineOnStderrAndExitCode2BeforeAnythingStarts() {
        assertThat(run("demo", "--pond-speed", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: --pond-speed must be above 0 and at most 1000, got 0.0" + System.lineSeparator());
    }

    @Test
    void aMissingConfigFileIsOneLineOnStderrAndExitCode2() {
        assertThat(run("--config", "/nonexistent/demo.yaml")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: configuration file /nonexistent/demo.yaml does not exist" + System.lineSeparator());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--pond-sped", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--pond-sped', '5'", "Possible solutions: --pond-night, --pond-speed");
    }
}
