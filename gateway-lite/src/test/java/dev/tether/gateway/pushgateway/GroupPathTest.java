package dev.tether.gateway.pushgateway;

import dev.tether.gateway.http.HttpError;
import dev.tether.protocol.model.Labels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Path parsing, table-driven with the Pushgateway's cases (its {@code TestSplitLabels} and push handler tests). */
class GroupPathTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("/metrics/job/foo", Labels.of("job", "foo")),
                arguments("/metrics/job/foo/", Labels.of("job", "foo")),
                arguments("/metrics/job/foo/label1/value1", Labels.of("job", "foo", "label1", "value1")),
                arguments("/metrics/job/foo/label1/value1/label2/value2",
                        Labels.of("job", "foo", "label1", "value1", "label2", "value2")),
                // Empty values: a trailing empty segment, or base64 "=" (padding only) and "".
                arguments("/metrics/job/foo/label1/", Labels.of("job", "foo", "label1", "")),
                arguments("/metrics/job/foo/label1@base64/=", Labels.of("job", "foo", "label1", "")),
                // "/" in values and job names only through base64, padding optional.
                arguments("/metrics/job/foo/label1@base64/L3Zhci90bXA=", Labels.of("job", "foo", "label1", "/var/tmp")),
                arguments("/metrics/job/foo/label1@base64/L3Zhci90bXA", Labels.of("job", "foo", "label1", "/var/tmp")),
                arguments("/metrics/job@base64/L3Zhci90bXA=", Labels.of("job", "/var/tmp")),
                arguments("/metrics/job@base64/L3Zhci90bXA/a/b", Labels.of("job", "/var/tmp", "a", "b")),
                // URL-safe alphabet: "-" and "_" (bytes 0xfb 0xff: "+/" in the standard alphabet).
                arguments("/metrics/job/foo/v@base64/4pyTIMOgIGxhIG1vZGU", Labels.of("job", "foo", "v", "✓ à la mode")),
                // An empty instance names the same group as none: both get instance="" on their series.
                arguments("/metrics/job/foo/instance/", Labels.of("job", "foo")),
                arguments("/metrics/job/foo/instance@base64/=/a/b", Labels.of("job", "foo", "a", "b")),
                // A job label in the path is overridden by the job.
                arguments("/metrics/job/foo/job/bar", Labels.of("job", "foo")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parse_validPath_groupingLabels(String path, Labels expected) {
        assertThat(GroupPath.parse(path)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void percentDecode_escapesOnlyAndPlusKept() {
        assertThat(GroupPath.percentDecode("/metrics/job/a%20b/l/v%2Fw+%E2%9C%93")).isEqualTo("/metrics/job/a b/l/v/w+✓");
        assertThatThrownBy(() -> GroupPath.percentDecode("/metrics/job/a%2")).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> GroupPath.percentDecode("/metrics/job/a%zz")).isInstanceOf(HttpError.class);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // No job, or an empty one: no Pushgateway route matches (404).
                arguments("/metrics/", 404, "no such endpoint"),
                arguments("/metrics/foo/bar", 404, "no such endpoint"),
                arguments("/metrics/job/", 404, "no such endpoint"),
                arguments("/metrics/job@base64/", 404, "no such endpoint"),
                // A job that decodes to nothing, bad base64, odd segments, bad names: 400.
                arguments("/metrics/job@base64/=", 400, "job name is required"),
                arguments("/metrics/job@base64/a*b", 400, "invalid base64 encoding for job"),
                arguments("/metrics/job/foo/label1", 400, "odd number of components in label string \"/label1\""),
                arguments("/metrics/job/foo/label1/value1/label2", 400, "odd number of components"),
                arguments("/metrics/job/foo/__name__/x", 400, "improper label name \"__name__\""),
                arguments("/metrics/job/foo/__a@base64/eA", 400, "improper label name \"__a\""),
                arguments("/metrics/job/foo/1a/x", 400, "improper label name \"1a\""),
                arguments("/metrics/job/foo/a-b/x", 400, "improper label name \"a-b\""),
                arguments("/metrics/job/foo//x", 400, "improper label name \"\""),
                arguments("/metrics/job/foo/l@base64/a+b", 400, "invalid base64 encoding for l=\"a+b\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void parse_invalidPath_refusedWithStatusAndReason(String path, int status, String reason) {
        assertThatThrownBy(() -> GroupPath.parse(path))
                .isInstanceOf(HttpError.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((HttpError) e).status()).isEqualTo(status));
    }
}
