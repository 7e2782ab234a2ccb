package fr.capsules.app.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseDurabilityTests}: commits rows one by one through
 * the service's own JDBC URL, prints how many it committed, then dies without any shutdown, as a
 * killed service would.
 */
public final class KilledWriter {

    private KilledWriter() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "capsules", "")) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS durability (id INT PRIMARY KEY)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO durability VALUES (?)")) {
                for (int i = 0; i < 200; i++) {
                    insert.setInt(1, i);
                    insert.executeUpdate();
                }
            }
            System.out.println("committed 200");
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
