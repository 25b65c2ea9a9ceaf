package org.councilbrief.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.AppException;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefJson;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.statement.Act;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.Statement;
import org.councilbrief.statement.StatementRepository;

/**
 * The bundled demo dataset: a brief on Mali in its structured form ({@code demo/mali.json}), and the two Council
 * meetings it reports with the positions its comments section attributes to members ({@link #loadMeetings}).
 */
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

    /** What some members did at a meeting, in the demo brief's words. */
    private record Said(String act, String theme, String words, List<String> members) {
    }

    /** S/PV.9350, 16 June 2023: who did what, as the demo brief's comments section says it (item comments-2). */
    private static final List<Said> MEETING_9350 = List.of(
            new Said("calls-for", "accountability", "called for investigations and accountability",
                    List.of("GAB", "GHA", "MOZ", "ALB", "ECU", "FRA", "JPN", "CHE", "GBR")),
            new Said("calls-for", "womens-participation", "called for women and young people to take part in the "
                    + "transition", List.of("GAB", "GHA", "MOZ", "BRA", "FRA", "MLT", "ARE")),
            new Said("expresses-concern", "foreign-security-personnel", "linked the worsening of violations to the "
                    + "Wagner Group", List.of("ALB", "FRA", "GBR", "USA")),
            new Said("calls-for", "sexual-violence", "asked that abductions, sexual violence and attacks on schools "
                    + "and hospitals be investigated and their authors punished", List.of("GAB", "GHA", "MOZ")),
            new Said("calls-for", "protection-of-civilians", "asked for renewed efforts to protect the most "
                    + "vulnerable civilians", List.of("BRA")),
            new Said("notes", "terrorism", "presented counter-terrorism operations as a way of protecting human "
                    + "rights", List.of("CHN")),
            new Said("rejects", "cooperation-with-un", "agreed with Mali that the OHCHR report was biased",
                    List.of("RUS")));

    /** S/PV.9365, 30 June 2023 (summarised in SC/15341), as the demo brief's item comments-1 says it. */
    private static final List<Said> MEETING_9365 = List.of(
            new Said("calls-for", "protection-of-civilians", "reminded Mali of its duty to protect all civilians",
                    List.of("ALB", "ECU", "MLT", "CHE", "GBR", "USA")),
            new Said("calls-for", "ihl-ihrl", "reminded Mali of its duty to respect international humanitarian and "
                    + "human rights law", List.of("ALB", "ECU", "MLT", "CHE", "GBR", "USA")),
            new Said("condemns", "foreign-security-personnel", "described the Wagner Group's presence as a grave "
                    + "threat to Malians", List.of("ALB")));

    /**
     * The demo's two Council meetings on Mali (S/PV.9350 and S/PV.9365) with the positions the demo brief's comments
     * section attributes to members, accepted as an editor would after reading them, so that the public site's
     * pictures (a member's Geneva and New York, the themes of the situation's meetings) have something to show. The
     * statements hold the brief's own summary of each speech, not the record's words. Two more positions show what
     * the public never sees: one left proposed and one rejected. Loaded by {@code serve --demo} and
     * {@code publish --demo} (not by every start on the demo brief, which tests use with meetings of their own).
     */
    static void loadMeetings(org.councilbrief.db.Database database) {
        StatementRepository statements = new StatementRepository(database.jdbi());
        meeting(statements, new Meeting("S/PV.9350", SITUATION, LocalDate.of(2023, 6, 16), "The situation in Mali",
                null), MEETING_9350, null);
        meeting(statements, new Meeting("S/PV.9365", SITUATION, LocalDate.of(2023, 6, 30), "The situation in Mali",
                "SC/15341"), MEETING_9365, "FRA");
        statements.addPositions("S/PV.9365", speakers(MEETING_9365, "FRA").indexOf("FRA") + 1, List.of(
                new Position("FRA", Act.CALLS_FOR, "elections-and-transition", "France spoke of the transition (a "
                        + "proposal no editor has accepted).", Position.Status.PROPOSED)));
        statements.addPositions("S/PV.9350", speakers(MEETING_9350, null).indexOf("CHN") + 1, List.of(
                new Position("CHN", Act.CALLS_FOR, "accountability", "China presented counter-terrorism operations "
                        + "as a way of protecting human rights (a reading an editor rejected).",
                        Position.Status.REJECTED)));
    }

    /** Saves a meeting, one speech per member, and the accepted positions; {@code extra} speaks last, unsummarised. */
    private static void meeting(StatementRepository statements, Meeting meeting, List<Said> said, String extra) {
        List<String> speakers = speakers(said, extra);
        List<Statement> speeches = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) {
            String member = speakers.get(i);
            String text = String.join(" ", said.stream().filter(s -> s.members().contains(member))
                    .map(s -> sentence(member, s)).toList());
            speeches.add(new Statement(meeting.symbol(), i + 1, "The representative of " + name(member), member,
                    null, null, text.isEmpty() ? name(member) + "'s speech is not summarised in the demo brief."
                            : text));
        }
        statements.saveMeeting(meeting, speeches);
        for (Said s : said) {
            for (String member : s.members()) {
                statements.addPositions(meeting.symbol(), speakers.indexOf(member) + 1, List.of(new Position(member,
                        Act.byId(s.act()), s.theme(), sentence(member, s), Position.Status.ACCEPTED)));
            }
        }
    }

    /** The members who spoke, in the order they first appear, then {@code extra} when it is not among them. */
    private static List<String> speakers(List<Said> said, String extra) {
        List<String> order = new ArrayList<>();
        said.forEach(s -> s.members().stream().filter(m -> !order.contains(m)).forEach(order::add));
        if (extra != null && !order.contains(extra)) {
            order.add(extra);
        }
        return order;
    }

    private static String sentence(String member, Said said) {
        return name(member) + " " + said.words() + ".";
    }

    private static String name(String member) {
        String name = org.councilbrief.council.Membership.shipped().states().require(member).shortName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
