/**
 * The few types every feature may use and that belong to none: depends on no other package of the
 * service, so that sharing them creates no cycle. Nothing here knows HTTP; the edge ({@code web})
 * decides how each error is answered.
 */
package fr.capsules.app.kernel;
