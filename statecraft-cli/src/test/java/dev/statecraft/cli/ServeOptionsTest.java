package dev.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeOptionsTest {

    @Test
    void serve_without_a_token_secret_outside_dev_mode_refuses_to_start_and_says_how_to_give_one(@TempDir Path folder) {
        StringWriter err = new StringWriter();
        int exit = StatecraftCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "serve", "--port", "0", "--data", folder.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("STATECRAFT_TOKEN_SECRET").contains("--token-secret-file").contains("--dev");
        assertThat(folder.resolve("statecraft.db")).doesNotExist();
    }

    @Test
    void serve_with_a_secret_shorter_than_32_bytes_refuses_to_start(@TempDir Path folder) throws Exception {
        Path secret = Files.writeString(folder.resolve("secret"), "too-short");
        StringWriter err = new StringWriter();
        int exit = StatecraftCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "serve", "--port", "0", "--data", folder.toString(), "--token-secret-file", secret.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("at least 32 bytes (was 9)");
    }

    @Test
    void serve_with_an_unknown_store_refuses_to_start_naming_the_choices(@TempDir Path folder) {
        StringWriter err = new StringWriter();
        int exit = StatecraftCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "serve", "--dev", "--port", "0", "--data", folder.toString(), "--store", "redis");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--store must be sqlite or memory (was 'redis')");
    }
}
