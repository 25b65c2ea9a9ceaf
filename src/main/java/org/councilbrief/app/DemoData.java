package org.councilbrief.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.councilbrief.AppException;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefJson;
import org.councilbrief.brief.BriefRepository;

/** The bundled demo dataset: a brief on Mali in its structured form ({@code demo/mali.json}). */
final class DemoData {
    static final String SITUATION = "mali";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A password for a demo account: 20 characters drawn afresh, never stored anywhere but the demo's memory. */
    static String password() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private DemoData() {
    }

    static Brief mali() throws AppException {
        try (InputStream in = DemoData.class.getResourceAsStream("/org/councilbrief/demo/mali.json")) {
            if (in == null) {
                throw new IllegalStateException("the demo data is missing from the application");
            }
            return BriefJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("the demo data cannot be read", e);
        }
    }

    static void load(BriefRepository briefs) throws AppException {
        briefs.save(mali(), "MLI");
    }
}
