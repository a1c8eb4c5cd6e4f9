package dev.tether.agent.instrument.recording;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SqlOperationTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT 1|select",
            "  select * from t|select",
            "(SELECT 1) UNION (SELECT 2)|select",
            "INSERT INTO t VALUES (1)|insert",
            "/* a */ Update t SET a=1|update",
            "delete from t|delete",
            "WITH x AS (SELECT 1) SELECT * FROM x|select",
            "CREATE TABLE t(a INT)|other",
            "sel|other",
            "/* unterminated|other"})
    void of_firstKeyword_isTheOperation(String sql, String operation) {
        assertThat(SqlOperation.of(sql)).isEqualTo(operation);
    }

    @Test
    void of_lineCommentFirst_isSkipped() {
        assertThat(SqlOperation.of("-- note\n  insert into t values (1)")).isEqualTo("insert");
        assertThat(SqlOperation.of(null)).isEqualTo("other");
    }
}
