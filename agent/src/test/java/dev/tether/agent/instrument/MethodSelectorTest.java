package dev.tether.agent.instrument;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MethodSelectorTest {
    private static final int PUBLIC = 0x0001;

    @Test
    void matches_nameAndArgumentRules_selectOnlyThoseMethods() {
        MethodSelector send = MethodSelector.named("send", "sendAsync").argument(0, "java.net.http.HttpRequest");
        assertThat(send.matches(PUBLIC, "send", "(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;)Ljava/net/http/HttpResponse;")).isTrue();
        assertThat(send.matches(PUBLIC, "sendAsync", "(Ljava/net/http/HttpRequest;)V")).isTrue();
        assertThat(send.matches(PUBLIC, "send", "(Ljava/lang/Object;)V")).isFalse();
        assertThat(send.matches(PUBLIC, "send", "()V")).isFalse();
        assertThat(send.matches(PUBLIC, "other", "(Ljava/net/http/HttpRequest;)V")).isFalse();
    }

    @Test
    void matches_argumentCountAndPublicOnly_areBothRequired() {
        MethodSelector execute = MethodSelector.named("execute").publicOnly().arguments(0)
                .or(MethodSelector.named("execute").publicOnly().argument(0, "java.lang.String"));
        assertThat(execute.matches(PUBLIC, "execute", "()Z")).isTrue();
        assertThat(execute.matches(PUBLIC, "execute", "(Ljava/lang/String;I)Z")).isTrue();
        assertThat(execute.matches(PUBLIC, "execute", "(I)Z")).isFalse();
        assertThat(execute.matches(0, "execute", "()Z")).as("not public").isFalse();
    }

    @Test
    void matches_abstractNativeBridgeOrSynthetic_never() {
        MethodSelector any = MethodSelector.named("m");
        assertThat(any.matches(PUBLIC, "m", "()V")).isTrue();
        assertThat(any.matches(PUBLIC | 0x0400, "m", "()V")).isFalse();
        assertThat(any.matches(PUBLIC | 0x0100, "m", "()V")).isFalse();
        assertThat(any.matches(PUBLIC | 0x0040, "m", "()V")).isFalse();
        assertThat(any.matches(PUBLIC | 0x1000, "m", "()V")).isFalse();
    }

    @Test
    void argumentDescriptors_primitivesArraysAndObjects_splitOnePerArgument() {
        assertThat(MethodSelector.argumentDescriptors("(JLjava/lang/String;[I[[Ljava/lang/Object;Z)V"))
                .containsExactly("J", "Ljava/lang/String;", "[I", "[[Ljava/lang/Object;", "Z");
        assertThat(MethodSelector.descriptorOf("int[]")).isEqualTo("[I");
        assertThat(MethodSelector.descriptorOf("a.B$C")).isEqualTo("La/B$C;");
    }
}
