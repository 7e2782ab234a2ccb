package fr.capsules.app.usage;

/**
 * The estimated energy and carbon of one generation.
 *
 * @param energyWh watt-hours drawn at the wall (server, GPUs, cooling)
 * @param carbonGrams grams of CO2-equivalent for that energy on the configured grid
 */
public record Footprint(double energyWh, double carbonGrams) {

    public static final Footprint NONE = new Footprint(0, 0);
}
