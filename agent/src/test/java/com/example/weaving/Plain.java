package com.example.weaving;

/** Code with nothing newer than Java 5 needs, so its class file can be rewritten as version 49. */
public class Plain {
    public static int countDown(int n) {
        while (n > 0) {
            n--;
        }
        return n;
    }

    public int guarded(int x) {
        try {
            if (x < 0) {
                throw new IllegalStateException();
            }
            return x;
        } catch (IllegalStateException e) {
            return -1;
        }
    }
}
