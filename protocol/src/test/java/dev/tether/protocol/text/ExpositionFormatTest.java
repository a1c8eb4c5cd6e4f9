package dev.tether.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class ExpositionFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Prometheus 2.x's own Accept header.
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1|OPENMETRICS",
        "application/openmetrics-text; version=1.0.0|OPENMETRICS",
        "APPLICATION/OpenMetrics-Text|OPENMETRICS",
        "text/plain;version=0.0.4|TEXT_004",
        "*/*|TEXT_004",
        "text/html,application/xhtml+xml,*/*;q=0.8|TEXT_004",
        "application/openmetrics-text;q=0|TEXT_004",
        "application/openmetrics-text;q=0.000|TEXT_004",
        "application/openmetrics-text; q=0.0, text/plain|TEXT_004",
        "text/plain;q=1,application/openmetrics-text;q=0.5|TEXT_004",
        "text/plain;q=0.5,application/openmetrics-text;q=0.9|OPENMETRICS",
        "application/openmetrics-text;q=bogus|TEXT_004",
        "application/json|TEXT_004",
        "''|TEXT_004"})
    void negotiate_acceptHeader_format(String accept, ExpositionFormat expected) {
        assertThat(ExpositionFormat.negotiate(accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    void negotiate_noHeader_text004(String accept) {
        assertThat(ExpositionFormat.negotiate(accept)).isEqualTo(ExpositionFormat.TEXT_004);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "text/plain; version=0.0.4; charset=utf-8|TEXT_004",
        "TEXT/PLAIN|TEXT_004",
        "application/x-www-form-urlencoded|TEXT_004",
        "application/openmetrics-text; version=1.0.0; charset=utf-8|OPENMETRICS",
        "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily|NULL",
        "application/json|NULL",
        "NULL|TEXT_004",
        "'  '|TEXT_004"})
    void fromContentType_header_formatOrNull(String contentType, ExpositionFormat expected) {
        assertThat(ExpositionFormat.fromContentType(contentType)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"TEXT_004", "OPENMETRICS"})
    void contentType_readBack_sameFormat(ExpositionFormat f) {
        assertThat(ExpositionFormat.fromContentType(f.contentType())).isEqualTo(f);
    }
}
