package dev.tether.agent.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppNameTest {
    @Test
    void fromCommand_mainClass_simpleName() {
        assertThat(AppName.fromCommand("com.acme.BillingApp arg1 arg2")).isEqualTo("BillingApp");
    }

    @Test
    void fromCommand_jar_fileNameWithoutExtension() {
        assertThat(AppName.fromCommand("/opt/acme/billing-2.1.jar --port 8080")).isEqualTo("billing-2.1");
    }

    @Test
    void fromCommand_module_simpleNameOfMainClass() {
        assertThat(AppName.fromCommand("com.acme/com.acme.Main")).isEqualTo("Main");
    }

    @Test
    void fromCommand_missing_fallback() {
        assertThat(AppName.fromCommand(null)).isEqualTo("java");
        assertThat(AppName.fromCommand("  ")).isEqualTo("java");
    }
}
