package fr.capsules.app.web.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChatRequestTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ChatRequest parse(String json) {
        return ChatRequest.of(JSON.readTree(json.replace('\'', '"')), 200);
    }

    private static UnsupportedRequestException refused(String json) {
        try {
            parse(json);
        } catch (UnsupportedRequestException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void theQuestionIsTheLastUserMessageAndSystemMessagesAreLeftOut() {
        ChatRequest request = parse("{'model': 'reclamations', 'messages': [{'role': 'system', 'content': 'Sois bref.'},"
                + " {'role': 'user', 'content': 'Délai ?'}]}");

        assertThat(request.model()).isEqualTo("reclamations");
        assertThat(request.question()).isEqualTo("Délai ?");
        assertThat(request.earlier()).isEmpty();
        assertThat(request.stream()).isFalse();
    }

    @Test
    void earlierQuestionsArePairedWithTheRepliesThatFollowedThem() {
        ChatRequest request = parse("{'model': 'm1', 'stream': true, 'messages': [{'role': 'user', 'content': 'Q1'},"
                + " {'role': 'assistant', 'content': '*Généré par IA — à vérifier*\\n\\nR1 [1].\\n\\n**Sources**\\n- [1] Guide, p. 2'},"
                + " {'role': 'user', 'content': [{'type': 'text', 'text': 'Q2'}]}]}");

        assertThat(request.stream()).isTrue();
        assertThat(request.question()).isEqualTo("Q2");
        assertThat(request.earlier()).singleElement().satisfies(turn -> {
            assertThat(turn.question()).isEqualTo("Q1");
            assertThat(turn.answer()).isEqualTo("R1 [1].");
        });
    }

    @Test
    void onlyASystemMessageIsNoQuestion() {
        UnsupportedRequestException e = refused("{'model': 'm1', 'messages': [{'role': 'system', 'content': 'Sois bref.'}]}");

        assertThat(e.param()).isEqualTo("messages");
        assertThat(e.getMessage()).contains("aucune question");
    }

    @Test
    void aConversationEndingWithTheAssistantHasNoQuestionToAnswer() {
        UnsupportedRequestException e = refused("{'model': 'm1', 'messages': [{'role': 'user', 'content': 'Q'},"
                + " {'role': 'assistant', 'content': 'R'}]}");

        assertThat(e.getMessage()).contains("dernier message");
    }

    @Test
    void toolResultsAndToolCallsAreNotSupported() {
        assertThat(refused("{'model': 'm1', 'messages': [{'role': 'tool', 'content': '{}', 'tool_call_id': 'x'},"
                + " {'role': 'user', 'content': 'Q'}]}").param()).isEqualTo("messages[0].role");
        assertThat(refused("{'model': 'm1', 'messages': [{'role': 'assistant', 'tool_calls': [{'id': 'x'}]},"
                + " {'role': 'user', 'content': 'Q'}]}").param()).isEqualTo("messages[0].tool_calls");
        assertThat(refused("{'model': 'm1', 'tool_choice': 'auto', 'messages': [{'role': 'user', 'content': 'Q'}]}").param())
                .isEqualTo("tool_choice");
        assertThat(refused("{'model': 'm1', 'functions': [{'name': 'f'}], 'messages': [{'role': 'user', 'content': 'Q'}]}")
                .code()).isEqualTo("unsupported_parameter");
    }

    @Test
    void emptyToolListsAndToolChoiceNoneAreHarmless() {
        assertThat(parse("{'model': 'm1', 'tools': [], 'tool_choice': 'none', 'n': 1, 'response_format': {'type': 'text'},"
                + " 'temperature': 0.2, 'messages': [{'role': 'user', 'content': 'Q'}]}").question()).isEqualTo("Q");
    }

    @Test
    void imagesInAMessageAreNotSupported() {
        UnsupportedRequestException e = refused("{'model': 'm1', 'messages': [{'role': 'user', 'content':"
                + " [{'type': 'text', 'text': 'Q'}, {'type': 'image_url', 'image_url': {'url': 'data:'}}]}]}");

        assertThat(e.param()).isEqualTo("messages[0].content");
        assertThat(e.getMessage()).contains("image_url");
    }

    @Test
    void aMissingModelOrMessagesIsNamed() {
        assertThat(refused("{'messages': [{'role': 'user', 'content': 'Q'}]}").code()).isEqualTo("missing_required_parameter");
        assertThat(refused("{'model': 'm1'}").param()).isEqualTo("messages");
        assertThat(refused("{'model': 'm1', 'messages': []}").param()).isEqualTo("messages");
        assertThat(refused("[1, 2]").getMessage()).contains("objet JSON");
    }

    @Test
    void tooManyMessagesAreRefused() {
        String many = "{'role': 'user', 'content': 'Q'}, ".repeat(200);
        assertThatThrownBy(() -> parse("{'model': 'm1', 'messages': [" + many + "{'role': 'user', 'content': 'Q'}]}"))
                .hasMessageContaining("trop de messages (201 ; limite 200)");
    }

    @Test
    void logprobsAudioAndANonBooleanStreamAreRefused() {
        assertThat(refused("{'model': 'm1', 'logprobs': true, 'messages': [{'role': 'user', 'content': 'Q'}]}").param())
                .isEqualTo("logprobs");
        assertThat(refused("{'model': 'm1', 'audio': {'voice': 'alloy'}, 'messages': [{'role': 'user', 'content': 'Q'}]}")
                .param()).isEqualTo("audio");
        assertThat(refused("{'model': 'm1', 'stream': 'oui', 'messages': [{'role': 'user', 'content': 'Q'}]}").param())
                .isEqualTo("stream");
    }
}
