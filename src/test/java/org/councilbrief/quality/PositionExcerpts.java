package org.councilbrief.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.councilbrief.SharedData;
import org.councilbrief.council.Membership;
import org.councilbrief.council.States;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.statement.Speech;
import org.councilbrief.statement.SpeechSplitter;

/**
 * The statements of the positions evaluation set (src/test/resources/positions/gold.tsv), found again in
 * ../shared/data by reference: a meeting record's speech and a character range of its text, or a paragraph of the
 * stored June 2023 Mali statements. The texts stay in ../shared; the project keeps references and annotations only.
 * <p>
 * {@link #main} drew the sample (seed 2026) and printed it for annotation, before any extractor existed.
 */
public final class PositionExcerpts {
    /** One statement to annotate: where it is, who speaks (ISO codes), and its text. */
    public record Excerpt(String id, String source, int speech, int start, int end, List<String> members,
            String text) {
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[”\"’)]?\\s+(?=[\\p{Lu}“\"(])");

    /** Sentence boundaries of a text, as offsets where sentences start. */
    static List<Integer> sentenceStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        Matcher m = SENTENCE_END.matcher(text);
        while (m.find()) {
            starts.add(m.end());
        }
        return starts;
    }

    /** Draws the sample: three consecutive sentences of randomly chosen Council members' speeches of 2020. */
    static List<Excerpt> draw() {
        return draw(2026, 130, "s", Set.of());
    }

    /**
     * A second dev sample (seed 2027, ids d1…), from speeches the first sample did not use, drawn after the first
     * measurement to write rules from more statements without reading the held-out errors.
     */
    static List<Excerpt> drawMore() {
        Set<String> used = new java.util.HashSet<>();
        for (Excerpt e : draw()) {
            used.add(e.source() + "#" + e.speech());
        }
        return draw(2027, 80, "d", used);
    }

    /**
     * A fresh held-out sample (seed 2028, ids h1…), from speeches neither earlier sample used, drawn and annotated
     * before the rules were written again from all earlier statements (whose texts had all been read by then).
     */
    static List<Excerpt> drawHeldOut() {
        Set<String> used = new java.util.HashSet<>();
        for (Excerpt e : draw()) {
            used.add(e.source() + "#" + e.speech());
        }
        for (Excerpt e : drawMore()) {
            used.add(e.source() + "#" + e.speech());
        }
        return draw(2028, 80, "h", used);
    }

    static List<Excerpt> draw(long seed, int count, String prefix, Set<String> exclude) {
        Path meetings = SharedData.root().resolve("data/council-speeches/meetings");
        Random random = new Random(seed);
        Set<String> members = Membership.shipped().on(LocalDate.of(2020, 6, 1)).codes();
        List<Excerpt> out = new ArrayList<>();
        List<Path> files = list(meetings);
        List<int[]> candidates = new ArrayList<>(); // file index, speech index
        List<List<Speech>> speechesByFile = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            List<Speech> speeches;
            try {
                speeches = new SpeechSplitter().split(SourceTexts.read(files.get(f)), LocalDate.of(2020, 6, 1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            speechesByFile.add(speeches);
            for (Speech s : speeches) {
                if (s.countryCode() != null && members.contains(s.countryCode()) && s.text().length() > 400) {
                    candidates.add(new int[] {f, s.index()});
                }
            }
        }
        Collections.shuffle(candidates, random);
        int[] perFile = new int[files.size()];
        for (int[] c : candidates) {
            if (out.size() >= count) {
                break;
            }
            if (exclude.contains(files.get(c[0]).getFileName().toString().replace(".txt", "") + "#" + c[1])) {
                continue;
            }
            if (perFile[c[0]] >= 9) {
                continue;
            }
            perFile[c[0]]++;
            Speech speech = speechesByFile.get(c[0]).get(c[1] - 1);
            List<Integer> starts = sentenceStarts(speech.text());
            if (starts.size() < 4) {
                continue;
            }
            int first = 1 + random.nextInt(starts.size() - 3); // never the opening thanks
            int start = starts.get(first);
            int end = first + 3 < starts.size() ? starts.get(first + 3) : speech.text().length();
            List<String> speakers = speech.onBehalfOf().isEmpty() ? List.of(speech.countryCode()) : speech.onBehalfOf();
            String meeting = files.get(c[0]).getFileName().toString().replace(".txt", "");
            out.add(new Excerpt(prefix + (out.size() + 1), meeting, c[1], start, end, speakers,
                    speech.text().substring(start, end).strip()));
        }
        return out;
    }

    /** The paragraphs of the stored June 2023 statements, each under its "=== Member ===" heading. */
    static List<Excerpt> mali2023() {
        List<Excerpt> out = new ArrayList<>();
        for (String file : List.of("member_statements_9350_16jun2023.txt", "member_statements_9365_30jun2023.txt",
                "ghana_A3_explanation_of_vote_30jun2023.txt")) {
            String text = SharedData.read(SharedData.root().resolve("data/pages/seed_sources/" + file));
            String member = file.startsWith("ghana") ? "A3" : null;
            int offset = 0;
            int paragraph = 0;
            for (String line : text.split("\n", -1)) {
                int start = offset;
                offset += line.length() + 1;
                Matcher heading = Pattern.compile("^=== (.+?) ===").matcher(line);
                if (heading.find()) {
                    member = States.shipped().byNameOrNear(heading.group(1).replaceAll("\\(.*\\)", "").strip())
                            .map(s -> s.code()).orElse(null);
                    continue;
                }
                paragraph++;
                String body = line.strip();
                if (member == null || body.length() < 120 || body.startsWith("URL:") || body.startsWith("Retrieved")
                        || body.startsWith("(")) {
                    continue;
                }
                List<String> speakers = member.equals("A3") ? List.of("GAB", "GHA", "MOZ") : List.of(member);
                out.add(new Excerpt("m" + (out.size() + 1), file, paragraph, start, start + line.length(), speakers,
                        body));
            }
        }
        return out;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        List<Excerpt> all = new ArrayList<>();
        if (args.length > 0 && args[0].equals("more")) {
            all.addAll(drawMore());
        } else if (args.length > 0 && args[0].equals("held-out")) {
            all.addAll(drawHeldOut());
        } else {
            all.addAll(draw());
            all.addAll(mali2023());
        }
        for (Excerpt e : all) {
            System.out.println(e.id() + "\t" + e.source() + "\t" + e.speech() + "\t" + e.start() + "\t" + e.end()
                    + "\t" + String.join(",", e.members()));
            System.out.println("    " + e.text());
        }
        System.out.println(all.size() + " excerpts");
    }
}
