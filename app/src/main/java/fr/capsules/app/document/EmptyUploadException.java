package fr.capsules.app.document;

/** An upload request without any file. */
final class EmptyUploadException extends fr.capsules.app.kernel.InvalidRequestException {

    EmptyUploadException() {
        super("aucun fichier reçu : envoyez un ou plusieurs fichiers dans le champ « files » (multipart/form-data)");
    }
}
