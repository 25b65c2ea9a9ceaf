package org.councilbrief.quality;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.councilbrief.statement.PositionExtractor;
import org.councilbrief.statement.PositionModel;
import org.councilbrief.statement.PositionReader;

/**
 * Learns the product's positions model (decision 0038) from the corpus and measures it: the sentence reader is
 * learnt on the training meetings in three folds by meeting, so that the second level learns how far to trust it
 * from speeches it was not learnt from; the second level is learnt on those training speeches; the calibration and
 * the default threshold (precision 0.85) are chosen on the validation meetings. The test meetings are read once, by
 * {@link PositionModelQualityTest}, with the model as it ships.
 * <p>
 * {@code main(EMBEDDING|none [--write])} prints the validation figures and, with {@code --write}, writes the model to
 * src/main/resources.
 */
public final class PositionModelQuality {
    static final Path SHIPPED = Path.of("src/main/resources/org/councilbrief/statement/positions.model");
    static final double SECOND_LEVEL_L2 = 1.0;

    private PositionModelQuality() {
    }

    /** A speech of the corpus: its rows (indices into the corpus rows) and the part of the split it belongs to. */
    record Speech(String unit, String part, List<Integer> rows) {
    }

    static List<Speech> speeches(List<PositionReaderQuality.Row> rows) {
        Map<String, List<Integer>> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byUnit.computeIfAbsent(rows.get(i).unit().id(), k -> new ArrayList<>()).add(i);
        }
        List<Speech> out = new ArrayList<>();
        byUnit.forEach((unit, r) -> out.add(new Speech(unit, rows.get(r.get(0)).part(), r)));
        return out;
    }

    /** The rules' pairs of a speech ("act theme"), read as the product reads them, on the whole speech. */
    static Set<String> rules(PositionCorpus.Unit unit) {
        Set<String> out = new HashSet<>();
        if (unit.speakers().isEmpty()) {
            return out;
        }
        String text = String.join(" ", unit.sentences().stream().map(PositionCorpus.Sentence::text).toList());
        for (PositionExtractor.Found f : new PositionExtractor().extract(text, unit.speakers().subList(0, 1))) {
            out.add(f.act().id() + " " + f.theme().id());
        }
        return out;
    }

    /**
     * The model learnt on the training meetings, calibrated and thresholded on the validation ones; {@code raw}
     * receives each row's sentence reading (cross-fitted on training rows).
     */
    static PositionModel learn(String embedding, List<PositionReaderQuality.Row> rows,
            PositionReadings.Reading gold, float[][] dense, double frenchProbability, double[][] raw) {
        return learn(embedding, rows, gold, dense, frenchProbability, raw, List.of());
    }

    /**
     * As above, the sentence reader learning besides from {@code extra} examples (UPR recommendations read as calls
     * for their Council themes, an experiment: {@code main(EMBEDDING --upr N)}).
     */
    static PositionModel learn(String embedding, List<PositionReaderQuality.Row> rows,
            PositionReadings.Reading gold, float[][] dense, double frenchProbability, double[][] raw,
            List<PositionReader.Example> extra) {
        PositionReader.Settings d = PositionReader.Settings.DEFAULT;
        PositionReader.Settings settings = new PositionReader.Settings(embedding == null, false, d.epochs(),
                d.learningRate(), d.l2(), d.minCount(), d.seed());
        List<PositionReader.Example> examples = PositionReaderQuality.examples(rows, gold, dense);
        List<String> trainingMeetings = rows.stream().filter(r -> r.part().equals("training"))
                .map(r -> PositionReadings.meetingOf(r.unit().id())).distinct().sorted().toList();
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < trainingMeetings.size(); i++) {
            fold.put(trainingMeetings.get(i), i % 3);
        }
        for (int f = 0; f < 3; f++) {
            List<PositionReader.Example> learnt = new ArrayList<>(extra);
            for (int i = 0; i < rows.size(); i++) {
                Integer of = fold.get(PositionReadings.meetingOf(rows.get(i).unit().id()));
                if (of != null && of != f) {
                    learnt.add(examples.get(i));
                }
            }
            PositionReader reader = PositionReader.train(learnt, settings);
            for (int i = 0; i < rows.size(); i++) {
                Integer of = fold.get(PositionReadings.meetingOf(rows.get(i).unit().id()));
                if (of != null && of == f) {
                    raw[i] = raw(reader, rows.get(i), dense, i);
                }
            }
        }
        List<PositionReader.Example> training = new ArrayList<>(extra);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).part().equals("training")) {
                training.add(examples.get(i));
            }
        }
        PositionReader reader = PositionReader.train(training, settings);
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).part().equals("training")) {
                raw[i] = raw(reader, rows.get(i), dense, i);
            }
        }
        List<double[]> inputs = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (Speech s : speeches(rows)) {
            if (!s.part().equals("training") || rows.get(s.rows().get(0)).unit().speakers().isEmpty()) {
                continue;
            }
            Set<String> held = held(s, rows, gold);
            for (PositionModel.Candidate c : candidates(s, rows, raw)) {
                inputs.add(c.inputs());
                right.add(held.contains(c.act().id() + " " + c.theme()));
            }
        }
        double[] weights = PositionModel.learn(inputs, right, SECOND_LEVEL_L2);
        PositionModel model = new PositionModel(reader, embedding, weights, 1, 0, 0.5, frenchProbability);
        // calibration on the validation speeches' candidates, then the threshold for precision 0.85 by meeting
        List<Double> scores = new ArrayList<>();
        List<Boolean> validationRight = new ArrayList<>();
        for (Speech s : speeches(rows)) {
            if (!s.part().equals("validation") || rows.get(s.rows().get(0)).unit().speakers().isEmpty()) {
                continue;
            }
            Set<String> held = held(s, rows, gold);
            for (PositionModel.Candidate c : candidates(s, rows, raw)) {
                scores.add(PositionModel.score(weights, c.inputs()));
                validationRight.add(held.contains(c.act().id() + " " + c.theme()));
            }
        }
        boolean[] y = new boolean[validationRight.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = validationRight.get(i);
        }
        double[] ab = PositionReader.fitCalibration(scores.stream().mapToDouble(Double::doubleValue).toArray(), y);
        model = model.withCalibration(ab[0], ab[1], 0.5);
        Map<String, Double> proposed = proposals(model, rows, raw, "validation");
        double threshold = PositionReaderQuality.thresholdFor(proposed,
                PositionReaderQuality.goldPositions(gold, rows, "validation"), 0.85);
        return model.withCalibration(ab[0], ab[1], threshold);
    }

    private static double[] raw(PositionReader reader, PositionReaderQuality.Row row, float[][] dense, int i) {
        return reader.raw(row.sentence().text(), row.previous(), row.unit().speakers(),
                dense == null ? null : dense[i]);
    }

    static List<PositionModel.Candidate> candidates(Speech s, List<PositionReaderQuality.Row> rows, double[][] raw) {
        List<double[]> raws = s.rows().stream().map(i -> raw[i]).toList();
        return PositionModel.candidates(raws, rules(rows.get(s.rows().get(0)).unit()));
    }

    /** The pairs the gold reading holds in a speech, "act theme". */
    static Set<String> held(Speech s, List<PositionReaderQuality.Row> rows, PositionReadings.Reading gold) {
        Set<String> out = new HashSet<>();
        for (int i : s.rows()) {
            out.addAll(gold.of(rows.get(i).sentence().id()));
        }
        return out;
    }

    /** The positions of a part by meeting, from readings computed once (the candidates the product would weigh). */
    static Map<String, Double> proposals(PositionModel model, List<PositionReaderQuality.Row> rows, double[][] raw,
            String part) {
        Map<String, Double> bySpeech = new TreeMap<>();
        for (Speech s : speeches(rows)) {
            PositionCorpus.Unit unit = rows.get(s.rows().get(0)).unit();
            if (!s.part().equals(part) || unit.speakers().isEmpty()) {
                continue;
            }
            for (PositionModel.Candidate c : candidates(s, rows, raw)) {
                double p = model.probability(c.inputs());
                for (String member : unit.speakers()) {
                    bySpeech.merge(s.unit() + " " + member + " " + c.act().id() + " " + c.theme(), p, Math::max);
                }
            }
        }
        return PositionReaderQuality.byMeeting(bySpeech);
    }

    /** The positions of a part by meeting, read by the model exactly as the product reads a speech. */
    static Map<String, Double> read(PositionModel model, List<PositionReaderQuality.Row> rows, String part) {
        Map<String, Double> bySpeech = new TreeMap<>();
        Map<String, PositionCorpus.Unit> units = new LinkedHashMap<>();
        rows.stream().filter(r -> r.part().equals(part)).forEach(r -> units.put(r.unit().id(), r.unit()));
        for (PositionCorpus.Unit unit : units.values()) {
            String text = String.join(" ", unit.sentences().stream().map(PositionCorpus.Sentence::text).toList());
            for (PositionModel.Proposed p : model.read(text, unit.speakers())) {
                if (PositionReader.THEMES.contains(p.theme())) {
                    bySpeech.merge(unit.id() + " " + p.stateCode() + " " + p.act().id() + " " + p.theme(),
                            p.probability(), Math::max);
                }
            }
        }
        return PositionReaderQuality.byMeeting(bySpeech);
    }

    /**
     * {@code n} UPR recommendations made by states (UPR Info's sessions 1-12, drawn with a fixed seed from those with a
     * Council theme) as sentences calling for their Council themes: weak labels, from rules and UPR Info's issues.
     */
    static List<PositionReader.Example> uprExamples(int n, String embedding) {
        org.councilbrief.compare.ThemeCrosswalk crosswalk = new org.councilbrief.compare.ThemeCrosswalk();
        org.councilbrief.council.States states = org.councilbrief.council.States.shipped();
        List<String[]> found = new ArrayList<>();
        try {
            org.councilbrief.document.CsvReader.Table table = org.councilbrief.document.CsvReader.read(
                    org.councilbrief.document.SourceTexts.read(org.councilbrief.SharedData.root().resolve(
                            "data/upr-themes/upr_recommendations_sessions_01-12.csv")));
            for (org.councilbrief.document.CsvReader.Row row : table.rows()) {
                var from = states.byName(row.get("from"));
                if (from.isEmpty()) {
                    continue;
                }
                Set<String> themes = new java.util.TreeSet<>(crosswalk.themes(row.get("text"),
                        List.of(row.get("issues").split(","))));
                themes.retainAll(PositionReader.THEMES);
                if (!themes.isEmpty()) {
                    found.add(new String[] {row.get("text"), from.get().code(), String.join(",", themes)});
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        java.util.Collections.shuffle(found, new java.util.Random(2029));
        List<String[]> chosen = found.subList(0, Math.min(n, found.size()));
        float[][] dense = embedding == null ? null : PositionReaderQuality.embed(embedding,
                chosen.stream().map(c -> c[0]).toList());
        List<PositionReader.Example> out = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Set<String> labels = new java.util.TreeSet<>();
            for (String theme : chosen.get(i)[2].split(",")) {
                labels.add("calls-for " + theme);
            }
            out.add(new PositionReader.Example(chosen.get(i)[0], "", List.of(chosen.get(i)[1]), labels,
                    dense == null ? null : dense[i]));
        }
        System.err.printf("%d UPR recommendations with a Council theme, %d used%n", found.size(), out.size());
        return out;
    }

    public static void main(String[] args) throws IOException {
        PositionReadings.Reading gold = PositionReadings.read(PositionReaderQuality.CORPUS.resolve("gold"));
        List<PositionReaderQuality.Row> rows = PositionReaderQuality.rows();
        if (args[0].equals("--table")) { // per act and per theme, the shipped model on a part: counts only
            PositionModel shipped = PositionModel.shipped();
            Set<String> held = PositionReaderQuality.goldPositions(gold, rows, args[1]);
            Map<String, Double> read = read(shipped, rows, args[1]);
            Set<String> proposed = new java.util.TreeSet<>();
            read.forEach((k, p) -> {
                if (p >= shipped.threshold()) {
                    proposed.add(k);
                }
            });
            for (int field : new int[] {2, 3}) {
                Map<String, int[]> by = new TreeMap<>();
                for (String k : proposed) {
                    by.computeIfAbsent(k.split(" ")[field], x -> new int[3])[held.contains(k) ? 0 : 1]++;
                }
                for (String k : held) {
                    if (!proposed.contains(k)) {
                        by.computeIfAbsent(k.split(" ")[field], x -> new int[3])[2]++;
                    }
                }
                by.forEach((name, c) -> System.out.printf("| %s | %d | %d | %d | %s | %s |%n", name, c[0], c[1], c[2],
                        c[0] + c[1] == 0 ? "–" : String.format("%.2f", c[0] / (double) (c[0] + c[1])),
                        c[0] + c[2] == 0 ? "–" : String.format("%.2f", c[0] / (double) (c[0] + c[2]))));
                System.out.println();
            }
            return;
        }
        if (args[0].equals("--test")) { // the shipped model on the test meetings: counts only, never the errors
            PositionModel shipped = PositionModel.shipped();
            Set<String> held = PositionReaderQuality.goldPositions(gold, rows, "test");
            Map<String, Double> read = read(shipped, rows, "test");
            PositionReaderQuality.Score s = PositionReaderQuality.score(read, shipped.threshold(), held);
            System.out.printf("test: %d positions; %d right, %d wrong, %d missed: precision %.3f, recall %.3f%n",
                    held.size(), s.right(), s.wrong(), s.missed(), s.precision(), s.recall());
            System.out.println("    " + PositionReaderQuality.curve(read, held));
            PositionReaderQuality.Score r = PositionReaderQuality.score(PositionReaderQuality.rules(rows, "test"), 0.5,
                    held);
            System.out.printf("rules alone: %d right, %d wrong, %d missed: precision %.3f, recall %.3f%n", r.right(),
                    r.wrong(), r.missed(), r.precision(), r.recall());
            return;
        }
        String embedding = args[0].equals("none") ? null : args[0];
        float[][] dense = embedding == null ? null : PositionReaderQuality.embeddings(embedding, rows);
        long start = System.nanoTime();
        double[][] raw = new double[rows.size()][];
        int upr = List.of(args).indexOf("--upr");
        List<PositionReader.Example> extra = upr < 0 ? List.of() : uprExamples(Integer.parseInt(args[upr + 1]),
                embedding);
        PositionModel model = learn(embedding, rows, gold, dense, FrenchPositionQuality.rulesPrecision(), raw, extra);
        System.out.printf("learnt in %.1f s; threshold %.3f%n", (System.nanoTime() - start) / 1e9,
                model.threshold());
        Set<String> g = PositionReaderQuality.goldPositions(gold, rows, "validation");
        Map<String, Double> proposed = proposals(model, rows, raw, "validation");
        PositionReaderQuality.Score s = PositionReaderQuality.score(proposed, model.threshold(), g);
        System.out.printf("| %s | %d | %d | %d | %.2f | %.2f |%n", embedding == null ? "words" : embedding,
                s.right(), s.wrong(), s.missed(), s.precision(), s.recall());
        System.out.println("    " + PositionReaderQuality.curve(proposed, g));
        if (embedding == null || org.councilbrief.statement.SentenceEmbedder.shipped(embedding)) {
            start = System.nanoTime();
            Map<String, Double> read = read(model, rows, "validation");
            PositionReaderQuality.Score r = PositionReaderQuality.score(read, model.threshold(), g);
            System.out.printf("read as the product reads: %d right, %d wrong, %d missed (%.1f s)%n", r.right(),
                    r.wrong(), r.missed(), (System.nanoTime() - start) / 1e9);
        }
        if (List.of(args).contains("--write")) {
            Files.createDirectories(SHIPPED.getParent());
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(SHIPPED))) {
                model.write(out);
            }
            System.out.println("written to " + SHIPPED);
        }
    }
}
