package io.agrisense.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PlatformMainTest {

    @Test
    void aSettingToFixIsOneLineOnStderrAndExitCode2() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = PlatformMain.run(new String[] {"serve", "--config", "/nonexistent/agri.yaml"},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: configuration file /nonexistent/agri.yaml does not exist" + System.lineSeparator());
    }

    @Test
    void helpListsBothCommands() {
        StringWriter out = new StringWriter();
        int code = PlatformMain.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("serve", "demo");
    }

    @Test
    void noCommandIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = PlatformMain.run(new String[0], new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("choose a command: serve or demo");
    }
}
