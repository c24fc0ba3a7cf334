using System.Text.Json.Nodes;
using RaxxPreflight.Fakes.Scenarios;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>
/// Stripe's <c>GET /v1/balance</c> as Stripe answers it: Bearer secret key, the balance object with
/// <c>livemode</c>, and 401 <c>invalid_request_error</c> with the key masked for a key Stripe does not know.
/// </summary>
public sealed class StripeFake : IDisposable
{
    private readonly WireMockServer server;

    private StripeFake(WireMockServer server) => this.server = server;

    /// <summary>The API's base URL.</summary>
    public Uri Url => new(server.Url! + "/");

    /// <summary>Every request the fake has received, oldest first.</summary>
    public IReadOnlyList<IRequestMessage> Requests => [.. server.LogEntries.Select(e => e.RequestMessage)];

    /// <summary>Starts the fake knowing the keys of <paramref name="state"/>.</summary>
    public static StripeFake Start(StripeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var fake = new StripeFake(WireMockServer.Start());
        fake.server.Given(Request.Create().WithPath("/v1/balance").UsingGet())
            .AtPriority(10)
            .RespondWith(Response.Create().WithCallback(r => Balance(state, r)));
        fake.server.Given(Request.Create().WithPath(new WildcardMatcher("/*")))
            .AtPriority(100)
            .RespondWith(
                Response
                    .Create()
                    .WithCallback(r =>
                        Answer(
                            r,
                            404,
                            Error(
                                $"Unrecognized request URL ({r.Method}: {r.Path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/."
                            )
                        )
                    )
            );
        return fake;
    }

    /// <inheritdoc />
    public void Dispose() => server.Stop();

    /// <summary>Delays every answer by <paramref name="latency"/> (on top of any delay already added): a benchmark's network.</summary>
    internal void AddLatency(TimeSpan latency) => server.AddGlobalProcessingDelay(latency);

    private static ResponseMessage Balance(StripeState state, IRequestMessage request)
    {
        var authorization = FakeHttp.Header(request, "Authorization");
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Answer(
                request,
                401,
                Error(
                    "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/."
                )
            );
        }

        var key = authorization["Bearer ".Length..];
        if (!state.Keys.TryGetValue(key, out var livemode))
        {
            return Answer(request, 401, Error($"Invalid API Key provided: {Masked(key)}"));
        }

        var amounts = new JsonArray(
            new JsonObject
            {
                ["amount"] = 0,
                ["currency"] = "usd",
                ["source_types"] = new JsonObject { ["card"] = 0 },
            }
        );
        return Answer(
            request,
            200,
            new JsonObject
            {
                ["object"] = "balance",
                ["available"] = amounts.DeepClone(),
                ["connect_reserved"] = new JsonArray(new JsonObject { ["amount"] = 0, ["currency"] = "usd" }),
                ["livemode"] = livemode,
                ["pending"] = amounts.DeepClone(),
            }.ToJsonString()
        );
    }

    // Stripe shows the key's mode prefix, stars, and its last four characters.
    private static string Masked(string key)
    {
        var prefix = key.Length > 8 && key[2] == '_' && key.IndexOf('_', 3) is var second and > 0 ? key[..(second + 1)] : string.Empty;
        return key.Length <= prefix.Length + 4
            ? "****"
            : $"{prefix}{new string('*', Math.Max(4, key.Length - prefix.Length - 4))}{key[^4..]}";
    }

    private static string Error(string message) =>
        new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error" },
        }.ToJsonString();

    /// <summary>The account's API version, answered when a request does not pin one.</summary>
    public const string AccountApiVersion = "2024-06-20";

    // Stripe answers in the version the request pins with Stripe-Version, else in the account's, and says which.
    private static ResponseMessage Answer(IRequestMessage request, int status, string body) =>
        FakeHttp.Answer(
            status,
            "application/json",
            body,
            [
                new("Request-Id", "req_" + Guid.NewGuid().ToString("N")[..14]),
                new("Stripe-Version", FakeHttp.Header(request, "Stripe-Version") ?? AccountApiVersion),
            ]
        );
}
