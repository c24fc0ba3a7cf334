using System.Globalization;
using System.Net;
using Polly;
using Polly.Retry;

namespace RaxxPreflight.Http;

/// <summary>
/// Retries a GET that met a transient fault (a 5xx, a 429, a connection failure) a few times, waiting as the
/// service asks (<c>Retry-After</c>, capped) or a short backoff, all within the call's own timeout. Above the
/// read-only guard, so every attempt passes it; never a write. Each retry that passed is told to <see cref="RetryLog"/>,
/// and a request given up on is recorded there as data (<see cref="GivenUp"/>) for its error message.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    /// <summary>How many times a GET is retried at most.</summary>
    public const int MaxRetries = 2;

    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly TimeProvider time;

    /// <summary>Retries over <paramref name="inner"/>, waiting <paramref name="backoff"/> (doubling) between attempts.</summary>
    public RetryHandler(HttpMessageHandler inner, TimeSpan backoff, TimeProvider? time = null)
        : base(inner)
    {
        this.time = time ?? TimeProvider.System;
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = this.time }
            .AddRetry(
                new RetryStrategyOptions<HttpResponseMessage>
                {
                    ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                        .Handle<HttpRequestException>(e => e is not RedirectRefusedException)
                        .HandleResult(r => Transient(r.StatusCode) && !Exhausted(r)),
                    MaxRetryAttempts = MaxRetries,
                    Delay = backoff,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                    DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
                    OnRetry = args =>
                    {
                        var what = args.Outcome.Result is { } r
                            ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture)
                            : Describe(args.Outcome.Exception);
                        if (args.Context.Properties.TryGetValue(Attempts, out var seen))
                        {
                            seen.Add(what);
                        }

                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                }
            )
            .Build();
    }

    private static readonly ResiliencePropertyKey<List<string>> Attempts = new("attempts");

    // Heroku's budget refills over the hour: a 429 with none left and no Retry-After will not pass on a retry soon.
    private static bool Exhausted(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        && response.Headers.RetryAfter is null
        && response.Headers.TryGetValues("RateLimit-Remaining", out var remaining)
        && remaining.FirstOrDefault()?.Trim() == "0";

    /// <summary>True for the answers worth asking again: 5xx and 429.</summary>
    public static bool Transient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Get)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var attempts = new List<string>();
        context.Properties.Set(Attempts, attempts);
        try
        {
            var response = await pipeline
                .ExecuteAsync(async ctx => await base.SendAsync(request, ctx.CancellationToken).ConfigureAwait(false), context)
                .ConfigureAwait(false);
            var where = $"{request.Method} {request.RequestUri?.AbsolutePath}";
            if (attempts.Count > 0 && Transient(response.StatusCode))
            {
                RetryLog.GaveUp(new GivenUp([.. attempts, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)]));
            }
            else if (attempts.Count > 0)
            {
                RetryLog.Record(
                    $"{where} passed after {attempts.Count} retr{(attempts.Count == 1 ? "y" : "ies")} ({string.Join(", ", attempts)})"
                );
            }

            return response;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, LongestWait.Ticks)) : null;
    }

    private static string Describe(Exception? error) =>
        error is HttpRequestException { HttpRequestError: var kind } ? $"connection failed ({kind})" : "connection failed";
}
