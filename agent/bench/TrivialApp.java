/**
 * The app the agent benchmark starts: {@code exit} returns from main at once (start-up cost),
 * {@code serve} says it is up and then waits for stdin to close (RSS and scrape time).
 */
public final class TrivialApp {
    private TrivialApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("serve")) {
            System.out.println("up");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the driver to close stdin.
            }
        }
    }
}
