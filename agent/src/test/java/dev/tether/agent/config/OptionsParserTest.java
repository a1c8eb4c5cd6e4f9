package dev.tether.agent.config;

import dev.tether.agent.instrument.Instrumentations;
import dev.tether.agent.log.LogLevel;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsParserTest {
    private final Map<String, String> env = new HashMap<>();
    private final Properties props = new Properties();

    private AgentOptions parse(String args) throws OptionException {
        return new OptionsParser(env, props).parse(args);
    }

    @Test
    void parse_noOptions_defaults() throws Exception {
        props.setProperty("sun.java.command", "com.acme.Billing --flag");
        props.setProperty("user.home", "/home/ann");
        AgentOptions o = parse(null);
        assertThat(o.app()).isEqualTo("Billing");
        assertThat(o.port()).isZero();
        assertThat(o.bind()).isEqualTo("127.0.0.1");
        assertThat(o.log()).isEqualTo(LogLevel.INFO);
        assertThat(o.instrument()).containsExactly(Instrumentations.names());
        assertThat(o.maxLabelValues()).isEqualTo(100);
        assertThat(o.methods()).isEmpty();
    }

    @Test
    void parse_defaultDiscoveryDir_isUnderUserHome() throws Exception {
        AgentOptions o = parse("");
        assertThat(o.discoveryDir()).isEqualTo(new File(System.getProperty("user.home"), "/.tether/agents"));
    }

    @Test
    void parse_agentArgs_setEveryOption() throws Exception {
        AgentOptions o = parse("app=billing,port=9400,bind=0.0.0.0,discovery.dir=/tmp/d,instrument=none,log=debug");
        assertThat(o.app()).isEqualTo("billing");
        assertThat(o.port()).isEqualTo(9400);
        assertThat(o.bind()).isEqualTo("0.0.0.0");
        assertThat(o.discoveryDir()).isEqualTo(new File("/tmp/d"));
        assertThat(o.instrument()).isEmpty();
        assertThat(o.log()).isEqualTo(LogLevel.DEBUG);
    }

    @Test
    void parse_sameOptionInThreeSources_agentArgsWinThenPropertiesThenEnvironment() throws Exception {
        env.put("TETHER_PORT", "1");
        env.put("TETHER_APP", "from-env");
        env.put("TETHER_DISCOVERY_DIR", "/env/dir");
        props.setProperty("tether.port", "2");
        props.setProperty("tether.app", "from-prop");
        AgentOptions o = parse("port=3");
        assertThat(o.port()).isEqualTo(3);
        assertThat(o.app()).isEqualTo("from-prop");
        assertThat(o.discoveryDir()).isEqualTo(new File("/env/dir"));
    }

    @Test
    void parse_unknownKeyCloseToKnown_suggestsIt() {
        assertThatThrownBy(() -> parse("prot=9400"))
                .isInstanceOf(OptionException.class)
                .hasMessage("unknown option 'prot' (did you mean 'port'?)");
    }

    @Test
    void parse_unknownKeyFarFromAll_listsKnownKeys() {
        assertThatThrownBy(() -> parse("colour=blue"))
                .hasMessage("unknown option 'colour' (expected one of: app, port, bind, discovery.dir, instrument, methods, max.label.values, log)");
    }

    @Test
    void parse_badPort_saysWhatWasExpected() {
        assertThatThrownBy(() -> parse("port=http"))
                .hasMessage("bad value 'http' for option 'port' (expected a port number from 0 to 65535; 0 picks a free one)");
        assertThatThrownBy(() -> parse("port=70000")).hasMessageStartingWith("bad value '70000' for option 'port'");
        assertThatThrownBy(() -> parse("port=-1")).hasMessageStartingWith("bad value '-1' for option 'port'");
    }

    @Test
    void parse_badValueFromEnvironment_namesTheVariable() {
        env.put("TETHER_PORT", "abc");
        assertThatThrownBy(() -> parse(null)).hasMessageEndingWith(" from TETHER_PORT");
    }

    @Test
    void parse_badValueFromSystemProperty_namesTheProperty() {
        props.setProperty("tether.log", "loud");
        assertThatThrownBy(() -> parse(null)).hasMessageEndingWith(" from -Dtether.log");
    }

    @Test
    void parse_mistypedLogLevel_suggestsIt() {
        assertThatThrownBy(() -> parse("log=debgu")).hasMessage("bad value 'debgu' for option 'log' (did you mean 'debug'?)");
    }

    @Test
    void parse_bindHostName_isRefusedToAvoidDns() {
        assertThatThrownBy(() -> parse("bind=example.com")).hasMessageStartingWith("bad value 'example.com' for option 'bind'");
        assertThatThrownBy(() -> parse("bind=300.1.1.1")).hasMessageStartingWith("bad value '300.1.1.1' for option 'bind'");
        assertThatThrownBy(() -> parse("bind=1.2.3")).hasMessageStartingWith("bad value '1.2.3' for option 'bind'");
        assertThatThrownBy(() -> parse("bind=1.2.3.4.5")).hasMessageStartingWith("bad value '1.2.3.4.5' for option 'bind'");
        assertThatThrownBy(() -> parse("bind=::g")).hasMessageStartingWith("bad value '::g' for option 'bind'");
    }

    @Test
    void parse_bindLiterals_areAccepted() throws Exception {
        assertThat(parse("bind=localhost").bind()).isEqualTo("127.0.0.1");
        assertThat(parse("bind=::1").bind()).isEqualTo("::1");
        assertThat(parse("bind=[::1]").bind()).isEqualTo("::1");
    }

    @Test
    void parse_keyGivenTwice_isRefused() {
        assertThatThrownBy(() -> parse("port=1,port=2")).hasMessage("option 'port' is given twice");
    }

    @Test
    void parse_keyWithoutValue_isRefused() {
        assertThatThrownBy(() -> parse("port")).hasMessage("option 'port' has no value (write port=...)");
    }

    @Test
    void parse_bareTokenAfterListOption_continuesTheList() throws Exception {
        AgentOptions o = parse("instrument=jdbc,http-server,port=7");
        assertThat(o.instrument()).containsExactly("jdbc", "http-server");
        assertThat(o.port()).isEqualTo(7);
        assertThatThrownBy(() -> parse("instrument=none,jdbc,port=0"))
                .hasMessage("bad value 'none, jdbc' for option 'instrument' ('none' cannot be combined with other names)");
    }

    @Test
    void parse_maxLabelValues_boundedNumber() throws Exception {
        assertThat(parse("max.label.values=5").maxLabelValues()).isEqualTo(5);
        assertThatThrownBy(() -> parse("max.label.values=0"))
                .hasMessageStartingWith("bad value '0' for option 'max.label.values'");
        assertThatThrownBy(() -> parse("max.label.values=lots"))
                .hasMessageStartingWith("bad value 'lots' for option 'max.label.values'");
    }

    @Test
    void parse_bareTokenAfterPlainOption_isUnknownOption() {
        assertThatThrownBy(() -> parse("port=0,jdbc")).hasMessageStartingWith("unknown option 'jdbc'");
    }

    @Test
    void parse_unknownInstrumentation_isRefused() {
        assertThatThrownBy(() -> parse("instrument=jdbcc"))
                .hasMessage("bad value 'jdbcc' for option 'instrument' (did you mean 'jdbc'?)");
        assertThatThrownBy(() -> parse("instrument=kafka"))
                .hasMessage("bad value 'kafka' for option 'instrument' (expected all, none, a list of: http-server, http-client, jdbc, executors, logging, methods, or -name to leave one out)");
    }

    @Test
    void parse_instrumentMinusNames_isAllButThose() throws Exception {
        assertThat(parse("instrument=-jdbc,-logging").instrument()).containsExactly("http-server", "http-client", "executors", "methods");
        assertThatThrownBy(() -> parse("instrument=-jdbcc"))
                .hasMessage("bad value '-jdbcc' for option 'instrument' (did you mean 'jdbc'?)");
        assertThatThrownBy(() -> parse("instrument=-jdbc,logging"))
                .hasMessageStartingWith("bad value '-jdbc, logging' for option 'instrument' (either name what to instrument");
    }

    @Test
    void parse_emptyApp_isRefused() {
        assertThatThrownBy(() -> parse("app=")).hasMessageStartingWith("bad value '' for option 'app'");
    }

    @Test
    void parse_unknownTetherPropertiesAndVariables_areLeftToOtherTools() throws Exception {
        env.put("TETHER_GATEWAY_URL", "https://gw");
        props.setProperty("tether.tray.interval", "15s");
        assertThat(parse(null).port()).isZero();
    }

    @Test
    void parse_tildeInDiscoveryDir_isTheUserHome() throws Exception {
        assertThat(parse("discovery.dir=~/x").discoveryDir()).isEqualTo(new File(System.getProperty("user.home"), "/x"));
    }

    @Test
    void parse_methods_classAndMethodGlobsInOrder() throws Exception {
        AgentOptions o = parse("methods=com.acme.Billing#charge,com.acme.*Service#*,port=0");
        assertThat(o.methods()).extracting(MethodPattern::toString).containsExactly("com.acme.Billing#charge", "com.acme.*Service#*");
        assertThat(o.methods()).extracting(MethodPattern::classGlob).containsExactly("com.acme.Billing", "com.acme.*Service");
        assertThat(o.methods()).extracting(MethodPattern::methodGlob).containsExactly("charge", "*");
        assertThat(parse("methods=*#*,com.acme.Outer$Inner#get*").methods()).hasSize(2);
    }

    @Test
    void parse_methodsFromEnvironment_isAList() throws Exception {
        env.put("TETHER_METHODS", "com.acme.Billing#charge, com.acme.*Service#*");
        assertThat(parse(null).methods()).extracting(MethodPattern::toString).containsExactly("com.acme.Billing#charge", "com.acme.*Service#*");
    }

    @Test
    void parse_methodsWithInstrumentNoneOrAList_turnsOnMethodsToo() throws Exception {
        assertThat(parse("methods=com.acme.Billing#charge").instrument()).containsExactly(Instrumentations.names());
        assertThat(parse("methods=com.acme.Billing#charge,instrument=none").instrument()).containsExactly("methods");
        assertThat(parse("instrument=jdbc,methods=com.acme.Billing#charge").instrument()).containsExactly("jdbc", "methods");
        assertThat(parse("instrument=none,methods=").instrument()).isEmpty();
    }

    @Test
    void parse_methodsWithInstrumentMinusMethods_staysOff() throws Exception {
        assertThat(parse("methods=com.acme.Billing#charge,instrument=-methods").instrument())
                .containsExactly("http-server", "http-client", "jdbc", "executors", "logging");
        assertThat(parse("methods=com.acme.Billing#charge,instrument=-METHODS,-jdbc").instrument()).doesNotContain("methods", "jdbc");
    }

    @Test
    void parse_badMethodsPattern_saysWhatWasExpected() {
        String expected = " for option 'methods' (expected class#method, each a name with * as a wildcard,"
                + " such as com.acme.Billing#charge or com.acme.*Service#*)";
        for (String bad : new String[] {"com.acme.Billing", "com.acme.Billing#", "#charge", "a#b#c", "com.acme.Bill ing#charge",
                "com..acme.Billing#charge", ".com.acme.Billing#charge", "com.acme.#charge", "com.acme.Billing#char.ge",
                "com.acme.Billing#<init>", "com.acme.Billing#charge()"}) {
            assertThatThrownBy(() -> parse("methods=" + bad)).as(bad).hasMessage("bad value '" + bad + "'" + expected);
        }
    }

    @Test
    void parse_methodsOfJdkOrAgentClasses_isRefused() {
        assertThatThrownBy(() -> parse("methods=java.util.*#put"))
                .hasMessage("bad value 'java.util.*#put' for option 'methods' (classes under java.* are the JDK's or the agent's and are never instrumented)");
        assertThatThrownBy(() -> parse("methods=dev.tether.agent.TetherAgent#premain"))
                .hasMessageStartingWith("bad value 'dev.tether.agent.TetherAgent#premain' for option 'methods' (classes under dev.tether.agent.*");
    }

    @Test
    void parse_badMethodsFromProperty_namesTheSource() {
        props.setProperty("tether.methods", "com.acme.Billing");
        assertThatThrownBy(() -> parse(null)).hasMessageEndingWith(" from -Dtether.methods");
    }
}
