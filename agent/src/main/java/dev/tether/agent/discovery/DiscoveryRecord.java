package dev.tether.agent.discovery;

/**
 * What an agent tells the tray about itself: the contract of {@code <discovery.dir>/<pid>.json}.
 * Exactly these keys, in this order: {@code pid, url, app, startedAt, agentVersion, jvm}.
 */
public final class DiscoveryRecord {
    private final long pid;
    private final String url;
    private final String app;
    private final long startedAtEpochSecond;
    private final String agentVersion;
    private final String jvm;

    /**
     * @param startedAtEpochSecond when the JVM started; with the pid it tells a live agent from a reused pid
     */
    public DiscoveryRecord(long pid, String url, String app, long startedAtEpochSecond, String agentVersion, String jvm) {
        this.pid = pid;
        this.url = url;
        this.app = app;
        this.startedAtEpochSecond = startedAtEpochSecond;
        this.agentVersion = agentVersion;
        this.jvm = jvm;
    }

    public long pid() {
        return pid;
    }

    public String url() {
        return url;
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder(192);
        sb.append("{\"pid\":").append(pid);
        sb.append(",\"url\":");
        quote(sb, url);
        sb.append(",\"app\":");
        quote(sb, app);
        sb.append(",\"startedAt\":");
        quote(sb, Rfc3339.utc(startedAtEpochSecond));
        sb.append(",\"agentVersion\":");
        quote(sb, agentVersion);
        sb.append(",\"jvm\":");
        quote(sb, jvm);
        return sb.append('}').toString();
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
