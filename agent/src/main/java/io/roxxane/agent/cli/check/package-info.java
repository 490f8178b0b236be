/**
 * {@code java -jar roxxane.jar check}: whether the agent could ship to a stream. Only the CLI
 * builds the SDK's generated Firehose client ({@code FirehoseClientFactory}), for
 * DescribeDeliveryStream; the test put takes the agent's own path.
 */
package io.roxxane.agent.cli.check;
