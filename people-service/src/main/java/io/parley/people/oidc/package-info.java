/**
 * Sign-in and account linking through OpenID Connect providers: authorization code with
 * PKCE, flows bound to the browser that started them, and identities known by issuer and
 * subject, never by email.
 */
package io.parley.people.oidc;
