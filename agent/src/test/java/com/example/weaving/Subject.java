package com.example.weaving;

/** Methods the weaver tests rewrite, one shape of code each; compiled by javac, so with real frames. */
public class Subject {
    private final String name;

    public Subject(String name) {
        super();
        this.name = name;
    }

    /** {@code while} compiles to a loop whose back edge targets the method's first instruction; it reassigns its argument. */
    public static int countDown(int n) {
        while (n > 0) {
            n--;
        }
        return n;
    }

    /** Long and double arguments and locals around an int loop; a primitive return. */
    public double mix(long a, double b, int times) {
        long twice = a * 2;
        double sum = b + twice;
        for (int i = 0; i < times; i++) {
            sum += i;
        }
        return sum;
    }

    /** Its own handlers must still catch first, the inner before the outer. */
    public String nested(String message) {
        try {
            try {
                throw new IllegalStateException(message);
            } catch (IllegalStateException e) {
                return "inner " + e.getMessage();
            }
        } catch (RuntimeException e) {
            return "outer";
        }
    }

    /** A catch-all of its own, which must see the exception before the weaver's. */
    public String catchesAll(String message) {
        try {
            throw new Error(message);
        } catch (Throwable t) {
            return "caught " + t.getMessage();
        }
    }

    public void touch(int[] counter) {
        counter[0]++;
    }

    public int fail(String message) {
        throw new IllegalArgumentException(message + " from " + name);
    }

    public String describe(Object value) {
        return name + ":" + value;
    }
}
