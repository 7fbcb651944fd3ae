package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.model.PluginDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registration log line counts what a definition brought in words that agree with the numbers. */
class RegistrationLogTest {

    @Test
    void countsOfOneAreSingular() {
        ObjectNode json = TestDefinitions.acmeEcho();
        keepFirst((ArrayNode) json.get("tools"));
        keepFirst((ArrayNode) json.get("credentials"));

        assertThat(HubChannel.contents(definition(json), List.of())).isEqualTo("1 tool, 1 credential");
    }

    @Test
    void otherCountsArePluralAndWarningsAreCountedOnlyWhenThereAreAny() {
        ObjectNode json = TestDefinitions.acmeEcho();
        json.putArray("credentials");
        ((ArrayNode) json.get("tools")).remove(1);
        ((ArrayNode) json.get("tools")).remove(1);

        assertThat(HubChannel.contents(definition(json), List.of())).isEqualTo("1 tool, 0 credentials");
        assertThat(HubChannel.contents(definition(TestDefinitions.acmeEcho()), List.of()))
                .isEqualTo("3 tools, 2 credentials");
    }

    private static void keepFirst(ArrayNode array) {
        while (array.size() > 1) {
            array.remove(array.size() - 1);
        }
    }

    private static PluginDefinition definition(ObjectNode json) {
        HubChannel.Checked checked = HubChannel.check(json);
        assertThat(checked.errors()).as("test definition is valid").isEmpty();
        return checked.definition();
    }
}
