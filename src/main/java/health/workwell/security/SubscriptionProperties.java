package health.workwell.security;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where rest-hook Subscriptions may deliver, under {@code workwell.security.subscriptions}.
 *
 * @param allowedEndpoints origins ({@code scheme://host} or {@code scheme://host:port}, no port: any port)
 *     whose endpoints are accepted as they are: plain http, and a host on this machine or a private
 *     network. Every other endpoint must be https to a host whose addresses are all public.
 */
public record SubscriptionProperties(@DefaultValue({}) List<String> allowedEndpoints) {}
