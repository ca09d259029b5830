/**
 * Fixtures for {@code org.linli.gateway.ArchitectureTest}: two pairs of tiny packages, one whose packages import
 * each other ({@code cycle}) and one where the dependency runs one way only ({@code acyclic}). They show that the
 * no-cycles rule can fail. Outside {@code org.linli.gateway} so they are never part of the gateway's own check.
 */
package org.linli.archfixture;
