package fr.capsules.ingest.parse;

import java.io.IOException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Opens DOCX/XLSX files under POI's ZIP-bomb guards and turns POI's failures into French messages.
 *
 * <p>The {@link ZipSecureFile} bounds are JVM-wide statics in POI; they are set once here, when
 * the first Office file is parsed. Values: an entry may not inflate more than 100 times its
 * compressed size (POI's default ratio, stated explicitly) nor beyond 256 MiB.
 */
final class OoxmlGuard {

    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /** Opens an OOXML document; the opener is POI code that may throw anything. */
    interface Opener<T> {
        T open() throws IOException, InvalidFormatException;
    }

    private OoxmlGuard() {}

    /**
     * Runs {@code opener} and maps failures: ZIP bombs and password protection become
     * {@link DocumentRejectedException}; other failures an {@link IOException} with a French
     * message naming {@code kind} ("document Word", "classeur Excel").
     */
    static <T> T open(String kind, Opener<T> opener) throws IOException {
        try {
            return opener.open();
        } catch (EncryptedDocumentException e) {
            throw new DocumentRejectedException(kind + " protégé par mot de passe");
        } catch (NotOfficeXmlFileException e) {
            throw new IOException(kind + " illisible : ce n'est pas un fichier Office valide", e);
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            if (isZipBomb(e)) {
                throw new DocumentRejectedException(
                        "fichier refusé : une fois décompressé, son contenu serait anormalement "
                                + "volumineux (possible « bombe ZIP »)");
            }
            throw new IOException(kind + " endommagé ou illisible", e);
        }
    }

    static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("max size of the expanded data")
                    || message.contains(ZipSecureFile.MAX_FILE_COUNT_MSG.substring(0, 20)))) {
                return true;
            }
        }
        return false;
    }
}
