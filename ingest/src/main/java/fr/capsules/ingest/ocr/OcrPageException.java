package fr.capsules.ingest.ocr;

/** One page could not be recognised; the message says why, in French, for the file's report. */
public final class OcrPageException extends Exception {

    public OcrPageException(String message) {
        super(message);
    }
}
