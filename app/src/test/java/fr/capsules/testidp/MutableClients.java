package fr.capsules.testidp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Registered clients that can be changed while the provider runs: the service under test learns
 * its port only after the provider has started, and its post-logout address contains that port.
 */
final class MutableClients implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

    @Override
    public void save(RegisteredClient client) {
        byId.put(client.getId(), client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byId.values().stream().filter(c -> c.getClientId().equals(clientId)).findFirst().orElse(null);
    }
}
