/**
 * The web interface: server-rendered French pages (Thymeleaf) over the same services as the JSON
 * API, with small scripts under {@code static/js} that call the API for streaming answers, editing
 * drafts and uploading documents. No domain logic lives here.
 */
package fr.capsules.app.web.ui;
