package fr.capsules.app.access;

/**
 * What the login page offers.
 *
 * @param localForm the form of the local accounts (users file, demo)
 * @param providerName the identity provider's name for "Se connecter avec …"; null without single
 *     sign-on
 * @param providerLoginPath the address that starts the provider's login; null without single
 *     sign-on
 */
public record SignInOptions(boolean localForm, String providerName, String providerLoginPath) {

    public boolean singleSignOn() {
        return providerLoginPath != null;
    }
}
