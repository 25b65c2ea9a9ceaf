package org.councilbrief.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.councilbrief.theme.Language;
import org.councilbrief.theme.Sentences;

/**
 * The sentence corpus of the positions reader (issue 11): every sentence of every speech by a Council member in the
 * 2020 meeting records of ../shared/data/council-speeches, and every paragraph's sentences of the stored June 2023
 * Mali statements, each with a stable id ({@code SPV.8703/5/3}: meeting, speech, sentence from 1; {@code
 * 9350/USA/2/1}: meeting, member, paragraph, sentence for the 2023 statements). Sentences are cut by the product's
 * own sentence model ({@link Sentences}), so the ids follow what the reader sees at run time.
 * <p>
 * The texts stay in ../shared; the project keeps ids, offsets and readings only. {@link #main} writes the reading
 * packets (texts with ids, for the readers, outside the repository) and {@code corpus/sentences.tsv} (ids and
 * offsets).
 */
public final class PositionCorpus {
    /** One sentence: its id, where it is (source file, speech or paragraph, character range), who speaks. */
    public record Sentence(String id, String unit, String source, int start, int end, String text) {
    }

    /** One unit a reader annotates as a whole: a speech, or a member's statement of 2023. */
    public record Unit(String id, String source, String date, String label, List<String> speakers,
            List<Sentence> sentences) {
    }

    private static final DateTimeFormatter MANIFEST_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private PositionCorpus() {
    }

    /** Every unit of the corpus, in a fixed order: meetings by symbol, speeches in order, then the 2023 statements. */
    public static List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        Map<String, LocalDate> dates = meetingDates();
        for (Path file : list(SharedData.root().resolve("data/council-speeches/meetings"))) {
            String meeting = file.getFileName().toString().replace(".txt", "");
            LocalDate date = dates.get(meeting);
            Set<String> members = Membership.shipped().on(date).codes();
            List<Speech> speeches;
            try {
                speeches = new SpeechSplitter().split(SourceTexts.read(file), date);
            } catch (Exception e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
            for (Speech speech : speeches) {
                List<String> speakers = speech.members();
                if (speakers.isEmpty() || !members.containsAll(speakers)) {
                    continue;
                }
                String unit = meeting + "/" + speech.index();
                units.add(new Unit(unit, meeting, date.toString(), speech.label(), speakers,
                        sentences(unit, meeting, speech.text(), 0)));
            }
        }
        units.addAll(mali2023());
        return units;
    }

    /** The stored statements of 16 and 30 June 2023, a unit per member, sentences per paragraph. */
    static List<Unit> mali2023() {
        List<Unit> out = new ArrayList<>();
        Pattern heading = Pattern.compile("^=== (.+?) ===");
        for (String file : List.of("member_statements_9350_16jun2023.txt", "member_statements_9365_30jun2023.txt",
                "ghana_A3_explanation_of_vote_30jun2023.txt")) {
            String text = SharedData.read(SharedData.root().resolve("data/pages/seed_sources/" + file));
            String meeting = file.contains("9350") ? "9350" : "9365";
            String date = meeting.equals("9350") ? "2023-06-16" : "2023-06-30";
            String member = file.startsWith("ghana") ? "A3" : null;
            String label = file.startsWith("ghana") ? "Ghana, on behalf of the A3" : null;
            List<Sentence> sentences = new ArrayList<>();
            int offset = 0;
            int paragraph = 0;
            for (String line : text.split("\n", -1)) {
                int start = offset;
                offset += line.length() + 1;
                Matcher m = heading.matcher(line);
                if (m.find()) {
                    addUnit(out, meeting, date, member, label, file, sentences);
                    sentences = new ArrayList<>();
                    label = m.group(1);
                    member = States.shipped().byNameOrNear(m.group(1).replaceAll("\\(.*\\)", "").strip())
                            .map(s -> s.code()).orElse(null);
                    paragraph = 0;
                    continue;
                }
                String body = line.strip();
                if (member == null || body.isEmpty() || body.startsWith("URL:") || body.startsWith("Retrieved")
                        || body.startsWith("(")) {
                    continue;
                }
                paragraph++;
                sentences.addAll(sentences(meeting + "/" + member + "/" + paragraph, file, line, start));
            }
            addUnit(out, meeting, date, member, label, file, sentences);
        }
        return out;
    }

    private static void addUnit(List<Unit> out, String meeting, String date, String member, String label,
            String file, List<Sentence> sentences) {
        if (member == null || sentences.isEmpty()) {
            return;
        }
        List<String> speakers = member.equals("A3") ? List.of("GAB", "GHA", "MOZ") : List.of(member);
        out.add(new Unit(meeting + "/" + member, file, date, label, speakers, List.copyOf(sentences)));
    }

    /** The sentences of a text, ids {@code prefix/n} from 1, offsets into the source file. */
    static List<Sentence> sentences(String prefix, String source, String text, int base) {
        List<Sentence> out = new ArrayList<>();
        int cursor = 0;
        for (String s : Sentences.of(text, Language.ENGLISH)) {
            int at = text.indexOf(s, cursor);
            if (at < 0) {
                throw new IllegalStateException("sentence not found again in " + prefix + ": " + s);
            }
            cursor = at + s.length();
            out.add(new Sentence(prefix + "/" + (out.size() + 1), prefix, source, base + at, base + cursor, s));
        }
        return out;
    }

    private static Map<String, LocalDate> meetingDates() {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        List<String> lines = SharedData.read(SharedData.root().resolve("data/council-speeches/manifest.tsv"))
                .lines().skip(1).toList();
        for (String line : lines) {
            String[] f = line.split("\t");
            dates.put(f[0], LocalDate.parse(f[2], MANIFEST_DATE));
        }
        return dates;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the reading packets (one file per meeting, texts with sentence ids) to {@code args[0]}, and the
     * sentence index (ids and offsets, no text) to {@code args[1]}.
     */
    public static void main(String[] args) throws IOException {
        Path packets = Path.of(args[0]);
        Files.createDirectories(packets);
        List<Unit> units = units();
        Map<String, StringBuilder> byMeeting = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("# sentence\tunit\tsource\tstart\tend\tspeakers\n");
        int count = 0;
        for (Unit unit : units) {
            String meeting = unit.id().substring(0, unit.id().indexOf('/'));
            StringBuilder out = byMeeting.computeIfAbsent(meeting, k -> new StringBuilder());
            out.append("\n### ").append(unit.id()).append(" | ").append(unit.date()).append(" | ")
                    .append(unit.label()).append('\n');
            for (Sentence s : unit.sentences()) {
                out.append(s.id()).append('\t').append(s.text().replaceAll("\\s+", " ")).append('\n');
                index.append(s.id()).append('\t').append(unit.id()).append('\t').append(s.source()).append('\t')
                        .append(s.start()).append('\t').append(s.end()).append('\t')
                        .append(String.join(",", unit.speakers())).append('\n');
                count++;
            }
        }
        for (Map.Entry<String, StringBuilder> e : byMeeting.entrySet()) {
            Files.writeString(packets.resolve(e.getKey() + ".txt"), e.getValue().toString().stripLeading(),
                    StandardCharsets.UTF_8);
        }
        Files.createDirectories(Path.of(args[1]).getParent());
        Files.writeString(Path.of(args[1]), index.toString(), StandardCharsets.UTF_8);
        System.out.println(units.size() + " units, " + count + " sentences, " + byMeeting.size() + " packets");
    }
}
