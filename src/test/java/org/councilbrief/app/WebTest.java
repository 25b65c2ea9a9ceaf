package org.councilbrief.app;

import io.javalin.Javalin;

/**
 * Runs one test case against a Javalin application started on a free port of 127.0.0.1, with a {@link WebClient} to
 * it, and stops the application afterwards, whatever the case did. It does what javalin-testtools did for these tests;
 * that library's Javalin 7 release is not served to this project (decision 0036).
 */
final class WebTest {
    /** A test case: the running application and a client to it. */
    @FunctionalInterface
    interface Case {
        void accept(Javalin server, WebClient client) throws Exception;
    }

    private WebTest() {
    }

    static void test(Javalin app, Case testCase) {
        app.start("127.0.0.1", 0);
        Throwable failed = null;
        try {
            testCase.accept(app, new WebClient("http://localhost:" + app.port()));
        } catch (Error e) {
            failed = e;
            throw e;
        } catch (Exception e) {
            failed = e;
            throw WebTest.<RuntimeException>rethrown(e);
        } finally {
            try {
                app.stop();
            } catch (RuntimeException e) {
                if (failed == null) {
                    throw e;
                }
                failed.addSuppressed(e); // the case's own failure is the one to see
            }
        }
    }

    /** Throws {@code e} as it is, checked or not, as the test cases' code threw it. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E rethrown(Exception e) throws E {
        throw (E) e;
    }
}
