package dev.tether.agent.discovery;

/**
 * {@code 2026-11-21T05:40:00Z} from seconds since the epoch, without {@code java.time.format}, whose
 * formatter machinery costs some forty classes at start-up.
 */
final class Rfc3339 {
    private static final long SECONDS_PER_DAY = 86400;

    private Rfc3339() {
    }

    static String utc(long epochSecond) {
        long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        long secondOfDay = Math.floorMod(epochSecond, SECONDS_PER_DAY);
        // Proleptic Gregorian calendar, counted in 400-year eras that start on 1 March, so that the leap
        // day falls at the end of a year.
        long shifted = days + 719468;
        long era = Math.floorDiv(shifted, 146097);
        long dayOfEra = shifted - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        StringBuilder sb = new StringBuilder(20);
        pad(sb, year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2).append('T');
        pad(sb, secondOfDay / 3600, 2).append(':');
        pad(sb, secondOfDay / 60 % 60, 2).append(':');
        pad(sb, secondOfDay % 60, 2).append('Z');
        return sb.toString();
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
