package io.agrisense.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Every command of {@code agri-gateway.jar} explains itself, even without its required options. */
class GatewayMainTest {

    @ParameterizedTest
    @ValueSource(strings = {"run", "check"})
    void everySubcommandPrintsItsHelp(String subcommand) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GatewayMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

        assertThat(cli.execute(subcommand, "--help")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Usage: agri-gateway " + subcommand).contains("--config=<config>", "-h, --help");
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "check"})
    void withoutHelpTheConfigIsStillRequired(String subcommand) {
        StringWriter err = new StringWriter();
        assertThat(new CommandLine(new GatewayMain()).setErr(new PrintWriter(err)).execute(subcommand)).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--config=<config>'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void theJarListsItsCommands(String help) {
        StringWriter out = new StringWriter();
        assertThat(new CommandLine(new GatewayMain()).setOut(new PrintWriter(out)).execute(help)).isZero();
        assertThat(out.toString()).contains("run", "check");
    }
}
