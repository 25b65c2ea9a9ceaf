package org.councilbrief.picture;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A picture read back as a reader's tools read it: parsed as XML, its marks found by their groups. */
public final class PictureDom {
    /** A group of the picture: its title (what a mouse or a screen reader shows) and the texts drawn in it. */
    public record Mark(String title, List<String> texts, Element element) {
        /** The texts that are whole numbers, in the order drawn. */
        public List<Integer> numbers() {
            return texts.stream().filter(t -> t.matches("\\d+")).map(Integer::valueOf).toList();
        }
    }

    private final Document document;

    private PictureDom(Document document) {
        this.document = document;
    }

    public static PictureDom parse(String svg) throws Exception {
        return new PictureDom(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
    }

    public Element root() {
        return document.getDocumentElement();
    }

    /** The picture's own title (its first child) and description. */
    public String title() {
        return root().getElementsByTagName("title").item(0).getTextContent();
    }

    public String description() {
        return root().getElementsByTagName("desc").item(0).getTextContent();
    }

    /** Every group whose title satisfies {@code filter}, in the order drawn. */
    public List<Mark> marks(java.util.function.Predicate<String> filter) {
        List<Mark> marks = new ArrayList<>();
        NodeList groups = document.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            String title = "";
            List<String> texts = new ArrayList<>();
            for (Node n = g.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("title")) {
                    title = n.getTextContent();
                } else if (n.getNodeName().equals("text")) {
                    texts.add(n.getTextContent());
                }
            }
            if (filter.test(title)) {
                marks.add(new Mark(title, texts, g));
            }
        }
        return marks;
    }

    /** The shapes of a kind directly in a group. */
    public static List<Element> shapes(Element group, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = group.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                out.add((Element) n);
            }
        }
        return out;
    }
}
