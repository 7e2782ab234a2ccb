import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Regenerates the binary example documents (PDF, DOCX, XLSX) of the capsule catalogue, then checks
 * them. Markdown, HTML and YAML files are written by hand and are not touched.
 *
 * <p>Usage: {@code java -cp CLASSPATH Main.java <capsules-dir> <font-dir>}
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        Path capsules = Path.of(args.length > 0 ? args[0] : "capsules");
        Path fonts = Path.of(args.length > 1 ? args[1] : "/usr/share/fonts/truetype/dejavu");
        PdfRenderer pdf = new PdfRenderer(fonts);
        DocxRenderer docx = new DocxRenderer();
        List<Path> written = new ArrayList<>();

        Path inspection = capsules.resolve("mesures-inspection");
        for (InspectionReport r : Inspections.reports()) {
            Path out = inspection.resolve(r.path);
            pdf.render(r.toDoc(), out);
            written.add(out);
        }
        for (MeasureSheet s : MeasureSheets.sheets()) {
            s.write(inspection);
            written.add(inspection.resolve(s.path()));
        }
        for (var entry : List.of(
                new Object[] {"reclamations", Reclamations.docs()},
                new Object[] {"charte-ia", CharteIa.docs()})) {
            Path root = capsules.resolve((String) entry[0]);
            @SuppressWarnings("unchecked")
            List<Doc> docs = (List<Doc>) entry[1];
            for (Doc d : docs) {
                Path out = root.resolve(d.path);
                if (d.path.endsWith(".pdf")) pdf.render(d, out);
                else docx.render(d, out);
                written.add(out);
            }
        }
        for (Path p : written) System.out.printf("%8d  %s%n", Files.size(p), capsules.relativize(p));
        Check.run(capsules);
    }
}
