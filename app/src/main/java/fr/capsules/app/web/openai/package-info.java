/**
 * The OpenAI-compatible API ({@code /v1/models}, {@code /v1/chat/completions}) for the tools that
 * speak OpenAI's protocol (Open WebUI, LibreChat, the OpenAI SDKs): a capsule is a model, and each
 * completion is an ask through {@link fr.capsules.app.ask.Asking}, so scope, audit and the AI label
 * are those of {@code /api/capsules/{id}/ask}. Translation only: OpenAI's shapes in and out, and
 * OpenAI's error format from the one problem catalogue ({@link fr.capsules.app.web.OpenAiError}).
 */
package fr.capsules.app.web.openai;
