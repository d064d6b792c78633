package dev.tidings.render;

import dev.tidings.text.Sanitize;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A {@code <table>} read into one {@link Block.Table}: its caption and the text of each row's
 * {@code td}/{@code th} cells, one line each. Rows with no text are left out; a nested table's text
 * stays in the outer cell that holds it.
 *
 * <pre>
 * read(&lt;table&gt;&lt;caption&gt;Scores&lt;/caption&gt;&lt;tr&gt;&lt;th&gt;Team&lt;td&gt;3&lt;/table&gt;) = Table("Scores", [["Team", "3"]])
 * read(&lt;table&gt;&lt;tr&gt;&lt;td&gt; &lt;/table&gt;) = null
 * </pre>
 */
final class TableReader {
    private TableReader() {
    }

    /** The table's block, or null when it has neither a caption nor a row with text. */
    static Block.Table read(Element table) {
        String caption = "";
        Element cap = table.selectFirst("caption");
        if (cap != null) {
            caption = Sanitize.line(cap.text());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue; // nested tables: their text shows in the outer cell
            }
            List<String> cells = new ArrayList<>();
            for (Element cell : tr.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    cells.add(Sanitize.line(cell.text()));
                }
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(cells);
            }
        }
        return rows.isEmpty() && caption.isEmpty() ? null : new Block.Table(caption, rows);
    }
}
