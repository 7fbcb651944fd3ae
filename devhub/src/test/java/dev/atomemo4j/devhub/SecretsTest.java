package dev.atomemo4j.devhub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomemo4j.model.property.ArrayProperty;
import dev.atomemo4j.model.property.DiscriminatedUnionProperty;
import dev.atomemo4j.model.property.EncryptedStringProperty;
import dev.atomemo4j.model.property.ObjectProperty;
import dev.atomemo4j.model.property.Property;
import dev.atomemo4j.model.property.PropertyCommon;
import dev.atomemo4j.model.property.StringProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

/** encrypted_string values are masked wherever the definition puts them (issue 11, defect 3). */
class SecretsTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    static Property secret(String name) {
        return EncryptedStringProperty.of(PropertyCommon.named(name));
    }

    static Property string(String name) {
        return new StringProperty(PropertyCommon.named(name), null, null, null, null, null);
    }

    @Test
    void secretsInARecordInAListAndInMapValuesAreMasked() throws Exception {
        Property connection = ObjectProperty.of(PropertyCommon.named("connection"),
                List.of(string("host"), secret("token")));
        Property tokens = new ArrayProperty(PropertyCommon.named("tokens"), null, null, null, secret(null), null,
                null);
        Property vault = new ObjectProperty(PropertyCommon.named("vault"), List.of(), secret(null), null, null,
                null);
        ObjectNode parameters = json("{'connection':{'host':'db','token':'t1'},'tokens':['t2'],'vault':{'k':'t3'}}");

        Secrets.maskParameters(List.of(connection, tokens, vault), parameters);

        assertThat(parameters).isEqualTo(json(
                "{'connection':{'host':'db','token':'••••'},'tokens':['••••'],'vault':{'k':'••••'}}"));
    }

    @Test
    void secretsInMapValuesThatAreRecordsAndInUnionVariantsAreMasked() throws Exception {
        Property entry = ObjectProperty.of(PropertyCommon.named(null), List.of(string("user"), secret("password")));
        Property accounts = new ObjectProperty(PropertyCommon.named("accounts"), List.of(), entry, null, null,
                null);
        Property variant = ObjectProperty.of(PropertyCommon.named(null), List.of(string("kind"), secret("key")));
        Property auths = new ArrayProperty(PropertyCommon.named("auths"), null, null, null,
                new DiscriminatedUnionProperty(List.of(variant), "kind", null), null, null);
        ObjectNode parameters = json(
                "{'accounts':{'a':{'user':'u','password':'p1'}},'auths':[{'kind':'k','key':'p2'}]}");

        Secrets.maskParameters(List.of(accounts, auths), parameters);

        assertThat(parameters).isEqualTo(json(
                "{'accounts':{'a':{'user':'u','password':'••••'}},'auths':[{'kind':'k','key':'••••'}]}"));
    }
}
