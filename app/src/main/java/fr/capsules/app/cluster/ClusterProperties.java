package fr.capsules.app.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node takes part in a group of application nodes sharing one database.
 *
 * @param nodeName this node's name in leases and logs; empty: host name and process id
 * @param leaseTtl how long a lease outlives its holder's last renewal (a node that died holding a
 *     lease frees it after this); the holder renews every third of it
 */
@ConfigurationProperties("capsules.cluster")
public record ClusterProperties(String nodeName, @DefaultValue("60s") Duration leaseTtl) {}
