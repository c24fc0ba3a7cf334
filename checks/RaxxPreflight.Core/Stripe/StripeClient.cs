using System.Text.Json;
using Flurl.Http;
using RaxxPreflight.Http;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.Stripe;

/// <summary>Reads Stripe's <c>GET /v1/balance</c>: the cheapest read that says which mode a key is in.</summary>
public sealed class StripeClient
{
    /// <summary>How messages name this service.</summary>
    public const string Service = "Stripe API";

    private readonly IFlurlClient client;
    private readonly Redactor redactor;

    /// <summary>Reads through <paramref name="client"/>, whose base URL is Stripe's.</summary>
    public StripeClient(IFlurlClient client, Redactor redactor)
    {
        this.client = client;
        this.redactor = redactor;
    }

    /// <summary>What Stripe says of <paramref name="secretKey"/>: accepted and in which mode, or refused and why.</summary>
    /// <exception cref="RemoteServiceException">Stripe could not be reached, or answered something unexpected.</exception>
    public async Task<StripeKeyCheck> CheckKeyAsync(SecretValue secretKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        redactor.Remember(secretKey);
        var request = client.Request("v1", "balance").WithOAuthBearerToken(secretKey.Reveal()).WithHeader("User-Agent", "RaxxPreflight");
        var response = await RemoteResponse.GetAsync(request, Service, cancellationToken).ConfigureAwait(false);
        if (response.Status == 200)
        {
            var balance = response.Json<StripeBalance>("a balance object");
            return new StripeKeyCheck(200, balance.Livemode, null);
        }

        if (response.Status is 401 or 403)
        {
            // Stripe masks the key in its own message already; scrub it anyway in case it ever does not.
            return new StripeKeyCheck(response.Status, null, redactor.Scrub(ErrorMessage(response.Body) ?? "no message"));
        }

        var todo = response.Status switch
        {
            429 => "rate limited: wait a minute and run again",
            >= 500 => "Stripe is failing: check https://status.stripe.com and run again",
            _ => "the API answered something this checklist does not expect: run again, and report it if it stays",
        };
        throw new RemoteServiceException(
            $"{Service} answered {response.Status} to {response.Request}{Quote(ErrorMessage(response.Body))}: {todo}"
        )
        {
            StatusCode = response.Status,
        };
    }

    private string Quote(string? message) => message is null ? string.Empty : $" (\"{redactor.Scrub(message)}\")";

    private static string? ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return
                document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed record StripeBalance(bool Livemode);
}
