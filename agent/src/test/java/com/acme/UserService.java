package com.acme;

/** Selected by {@code com.acme.*Service#*}, a static method too. */
public final class UserService {
    private static int count;

    public static int count() {
        return count;
    }

    public String name(int id) {
        count++;
        return "user" + id;
    }
}
