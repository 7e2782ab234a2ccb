package fr.capsules.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Names what an OLE2 compound file (the container of .doc, .xls, .ppt, and of password-protected
 * .docx/.xlsx) holds, so the rejection tells the uploader what to do about it.
 */
final class LegacyOfficeFiles {

    private LegacyOfficeFiles() {}

    /** A French description of the content, to be used after "le contenu est ". */
    static String describe(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                return "un document Office protégé par mot de passe (retirez la protection puis déposez-le à nouveau)";
            }
            if (root.hasEntry("WordDocument")) {
                return "un document Word ancien format (.doc) ; enregistrez-le au format .docx";
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return "un classeur Excel ancien format (.xls) ; enregistrez-le au format .xlsx";
            }
            if (root.hasEntry("PowerPoint Document")) {
                return "une présentation PowerPoint ancien format (.ppt)";
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable container: fall through to the generic description.
        }
        return "un fichier Office ancien format (OLE2)";
    }
}
