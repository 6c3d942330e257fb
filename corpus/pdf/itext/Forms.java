// Prints the forms that make.py lays out (one table row a line) with
// iText 5: the PDF library behind most Java report servers that publish
// these sheets (PdfPTable with rowspan/colspan, rows split across pages,
// an embedded TrueType subset in Identity-H with ToUnicode).
// Dev tool; built and run by make.py.
import com.itextpdf.text.Document;
import com.itextpdf.text.Element;
import com.itextpdf.text.Font;
import com.itextpdf.text.PageSize;
import com.itextpdf.text.Paragraph;
import com.itextpdf.text.Phrase;
import com.itextpdf.text.pdf.BaseFont;
import com.itextpdf.text.pdf.PdfPCell;
import com.itextpdf.text.pdf.PdfPTable;
import com.itextpdf.text.pdf.PdfWriter;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

public class Forms {
    public static void main(String[] args) throws Exception {
        BaseFont font = BaseFont.createFont(args[2], BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        Font body = new Font(font, 9), h1 = new Font(font, 14), h2 = new Font(font, 15);
        boolean portrait = args.length > 3 && args[3].equals("portrait");
        Document doc = new Document(portrait ? PageSize.A4 : PageSize.A4.rotate(), 34, 34, 34, 34);
        PdfWriter.getInstance(doc, new FileOutputStream(args[1]));
        doc.open();
        PdfPTable table = null;
        for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            String[] part = line.split("\t", 2);
            String rest = part.length > 1 ? part[1].replace("\\n", "\n") : "";
            switch (part[0]) {
                case "PAGE":
                    doc.newPage();
                    break;
                case "H1":
                case "H2":
                case "P": {
                    Paragraph p = new Paragraph(rest, part[0].equals("H1") ? h1 : part[0].equals("H2") ? h2 : body);
                    p.setAlignment(Element.ALIGN_CENTER);
                    p.setSpacingAfter(4);
                    doc.add(p);
                    break;
                }
                case "TABLE":
                    table = new PdfPTable(new float[] {8, 12, 12, 20, 14, 16, 8, 10});
                    table.setWidthPercentage(100);
                    break;
                case "ROW":
                    for (String cell : rest.split("\u001f", -1)) {
                        String[] f = cell.split("\u001e", -1);
                        PdfPCell c = new PdfPCell(new Phrase(f[0].replace("\\n", "\n"), body));
                        c.setColspan(Integer.parseInt(f[1]));
                        c.setRowspan(Integer.parseInt(f[2]));
                        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
                        if (f[3].equals("c")) {
                            c.setHorizontalAlignment(Element.ALIGN_CENTER);
                        }
                        c.setPadding(3);
                        c.setBorderWidth(0.75f);
                        table.addCell(c);
                    }
                    break;
                case "END":
                    doc.add(table);
                    break;
                default:
                    throw new IllegalArgumentException(line);
            }
        }
        doc.close();
    }
}
