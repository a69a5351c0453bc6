package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PlatformMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PlatformMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aSettingToFixIsOneLineOnStderrAndExitCode2() {
        int code = run("serve", "--config", "/nonexistent/agri.yaml");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: configuration file /nonexistent/agri.yaml does not exist" + System.lineSeparator());
    }

    @Test
    void helpListsServeAndNotTheMovedDemo() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve").doesNotContain("demo");
    }

    @Test
    void serveHelpDescribesItsOptions() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: agri-platform serve", "--config=FILE");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void demoIsOneLinePointingAtTheDemoJarWithExitCode2WhateverItsOptions() {
        assertThat(run("demo", "--pond-speed", "5", "--no-pond-night")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: the demo has its own jar now: java -jar demo/target/agri-demo.jar"
                + " (same options; build it with mvn -B -DskipTests package)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("choose a command: serve");
    }
}
