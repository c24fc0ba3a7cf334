using System.Text.Json;
using System.Text.RegularExpressions;
using RaxxPreflight.Http;

namespace RaxxPreflight.Health;

/// <summary>
/// Reads a health answer by meaning, status code and body together, whatever wrote it: <c>application/health+json</c>,
/// Spring Boot Actuator, ASP.NET Core (plain and the HealthChecks UI writer), Kubernetes' <c>ok</c> and
/// <c>?verbose</c> lines, Rails' <c>/up</c>, NestJS terminus, django-health-check, hellofresh health-go, lightship,
/// Dropwizard, OkComputer, spatie/laravel-health, Flask's healthcheck, LiipMonitorBundle, and plain
/// <c>{"status":"ok"}</c> shapes. What is no health answer (a redirect, a Cloudflare or Heroku page, an
/// HTML page, an empty body) is named for what it is.
/// </summary>
public static partial class HealthFormats
{
    /// <summary>The format recognised when a 2xx answer's body names no health state: judged by its code alone.</summary>
    public const string CodeOnly = "an answer whose body names no health state";

    /// <summary>What <paramref name="answer"/> says of the service.</summary>
    public static HealthReading Read(HealthAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Status is not { } code)
        {
            return Reading(answer, HealthState.NoAnswer, null) with { Problem = answer.Problem ?? "no answer" };
        }

        if (answer.Problem is not null)
        {
            return Reading(answer, HealthState.NoAnswer, null) with { Problem = answer.Problem };
        }

        if (code is >= 300 and < 400)
        {
            return Redirect(answer);
        }

        // A byte order mark is no part of the text (a writer that adds one to JSON still means JSON).
        var body = answer.Body.Trim().TrimStart('\uFEFF').Trim();

        // An origin guard (an app that takes only what came through Cloudflare) refusing the raw herokuapp URL.
        if (code == 403 && OriginGuard().IsMatch(body))
        {
            return NotHealth(
                answer,
                "the Cloudflare origin guard's refusal",
                "the app's Cloudflare origin guard refused the probe (HTTP 403, direct origin blocked): it takes only requests that came through Cloudflare",
                HealthFixes.OriginGuard
            );
        }

        var html = IsHtml(answer.ContentType, body);
        if ((html || body.Length == 0 || body[0] is not ('{' or '[')) && NotHealthPage(answer, body, html) is { } page)
        {
            return page;
        }

        if (body.Length == 0)
        {
            return code is >= 200 and < 300
                ? NotHealth(answer, "an empty body", "an empty body, which says nothing of the service", HealthFixes.Path)
                : Reading(answer, HealthState.Fail, "an empty body") with
                {
                    Problem = $"answered HTTP {code} with an empty body",
                };
        }

        var read = html ? Html(answer, body) : Json(answer, body) ?? Text(answer, body);
        return WithCode(read, code);
    }

    // The code and the body together: a body that says down fails whatever the code; an error code is never healthy.
    private static HealthReading WithCode(HealthReading read, int code)
    {
        if (read.State is HealthState.Fail or HealthState.NotHealth)
        {
            return read.Problem is null ? read with { Problem = $"answered HTTP {code}{Saying(read)}" } : read;
        }

        if (code is >= 200 and < 300)
        {
            return read;
        }

        var said = read.ReportedStatus is null ? string.Empty : $" though its body says \"{read.ReportedStatus}\"";
        return read with
        {
            State = HealthState.Fail,
            Problem = $"answered HTTP {code}{said}",
            Fix = code == 404 ? HealthFixes.Path : read.Fix,
        };
    }

    private static string Saying(HealthReading read) =>
        (read.ReportedStatus is null ? string.Empty : $", status \"{read.ReportedStatus}\"")
        + (read.Failing.Count > 0 ? $", failing: {string.Join(", ", read.Failing)}" : string.Empty);

    private static HealthReading Redirect(HealthAnswer answer)
    {
        var code = answer.Status!.Value;
        if (answer.Header("Location") is not { } location || !Uri.TryCreate(answer.Url, location, out var target))
        {
            return NotHealth(answer, "a redirect", $"a redirect (HTTP {code}) to nowhere", HealthFixes.Path);
        }

        var where = target.GetLeftPart(UriPartial.Path);
        if (
            target.Host.EndsWith(".cloudflareaccess.com", StringComparison.OrdinalIgnoreCase)
            || target.AbsolutePath.Contains("/cdn-cgi/access/", StringComparison.OrdinalIgnoreCase)
        )
        {
            return NotHealth(
                answer,
                "a Cloudflare Access login",
                $"a redirect (HTTP {code}) to a Cloudflare Access login ({where}): the probe went through the Access-gated domain",
                HealthFixes.Access
            );
        }

        var sameHost = string.Equals(target.Host, answer.Url.Host, StringComparison.OrdinalIgnoreCase);
        return NotHealth(
            answer,
            "a redirect",
            $"a redirect (HTTP {code}) to {where}: not followed",
            sameHost
                ? $"fix the path: the health path redirects to {target.AbsolutePath} (health.path in the config)"
                : HealthFixes.Redirect
        );
    }

    // Pages that are not the service's: Heroku's router and Cloudflare's edge answer these for it.
    private static HealthReading? NotHealthPage(HealthAnswer answer, string body, bool html)
    {
        var code = answer.Status!.Value;
        if (
            html && body.Contains("error-pages/application-error", StringComparison.OrdinalIgnoreCase)
            || body.Contains("<title>Application Error</title>", StringComparison.OrdinalIgnoreCase)
        )
        {
            return Reading(answer, HealthState.NotHealth, "Heroku's Application Error page") with
            {
                Problem = $"Heroku's Application Error page (HTTP {code}): no web dyno answered (crashed, booting, or none running)",
                NoDynoAnswered = true,
            };
        }

        if (
            html && body.Contains("error-pages/maintenance-mode", StringComparison.OrdinalIgnoreCase)
            || body.Contains("Offline for Maintenance", StringComparison.OrdinalIgnoreCase)
        )
        {
            return NotHealth(
                answer,
                "Heroku's maintenance page",
                $"Heroku's maintenance page (HTTP {code}): the app is in maintenance mode",
                HealthFixes.Maintenance
            );
        }

        if (html && body.Contains("error-pages/no-such-app", StringComparison.OrdinalIgnoreCase))
        {
            return NotHealth(
                answer,
                "Heroku's no-such-app page",
                $"Heroku's no-such-app page (HTTP {code}): no app answers on this host",
                HealthFixes.Url
            );
        }

        var cloudflare =
            answer.Header("cf-ray") is not null || string.Equals(answer.Header("Server"), "cloudflare", StringComparison.OrdinalIgnoreCase);
        if (cloudflare && code is >= 400)
        {
            var ray = answer.Header("cf-ray") is { } r ? $", cf-ray {r}" : string.Empty;
            if (code is >= 520 and <= 530)
            {
                return Reading(answer, HealthState.NotHealth, "a Cloudflare page") with
                {
                    Problem = $"Cloudflare's error page (HTTP {code}{ray}): Cloudflare could not get an answer from the origin",
                    NoDynoAnswered = true,
                };
            }

            var (what, fix) = code switch
            {
                _ when answer.Header("cf-mitigated") is "challenge" => (
                    $"a Cloudflare challenge page (HTTP {code}{ray}): Cloudflare asks the probe to prove it is a browser",
                    HealthFixes.Cloudflare
                ),
                _ => (
                    $"a Cloudflare block page (HTTP {code}{ray}): Cloudflare refused the probe before the service saw it",
                    HealthFixes.Cloudflare
                ),
            };
            return NotHealth(answer, "a Cloudflare page", what, fix);
        }

        return null;
    }

    private static HealthReading Html(HealthAnswer answer, string body)
    {
        // Rails 7.1's /up: a page coloured green when the app booted, red when it raised.
        if (RailsUp().Match(body) is { Success: true } up)
        {
            var green = string.Equals(up.Groups["colour"].Value, "green", StringComparison.OrdinalIgnoreCase);
            return Reading(answer, green ? HealthState.Pass : HealthState.Fail, "Rails /up") with
            {
                ReportedStatus = green ? "green" : "red",
            };
        }

        var code = answer.Status!.Value;
        return code is >= 200 and < 300
            ? NotHealth(
                answer,
                "an HTML page",
                $"an HTML page (HTTP {code}), not a health answer: a single-page app's catch-all serves index.html for every path",
                HealthFixes.Path
            )
            : Reading(answer, HealthState.Fail, "an HTML page") with
            {
                Problem = $"answered HTTP {code} with an HTML page",
                Fix = code == 404 ? HealthFixes.Path : null,
            };
    }

    private static HealthReading? Json(HealthAnswer answer, string body)
    {
        if (body[0] is not ('{' or '[' or '"'))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // Declared JSON and not JSON (cut off, or garbage): nothing in it can be read, whatever the code says.
            return IsJson(answer.ContentType)
                ? NotHealth(
                    answer,
                    "a JSON body that does not parse",
                    $"a body declared JSON ({answer.ContentType}) that does not parse ({body.Length} characters: cut off or not JSON)",
                    HealthFixes.Json
                )
                : null;
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => Object(answer, root),
                JsonValueKind.String => Text(answer, root.GetString() ?? string.Empty),
                _ => Reading(answer, HealthState.Pass, CodeOnly),
            };
        }
    }

    private static HealthReading Object(HealthAnswer answer, JsonElement root)
    {
        var format = FormatOf(answer, root);
        var failing = new Parts();
        var listsParts = false;
        foreach (var container in Containers)
        {
            if (root.TryGetProperty(container, out var parts) && parts.ValueKind == JsonValueKind.Object)
            {
                listsParts = true;
                Components(parts, string.Empty, container, failing);
            }

            // MicroProfile Health (Quarkus, Open Liberty), spatie/laravel-health, Flask's healthcheck, LiipMonitorBundle
            // and others list them: [{"name": "db", "status": "DOWN"}], [{"checker": "db", "passed": false}].
            if (root.TryGetProperty(container, out var listed) && listed.ValueKind == JsonValueKind.Array)
            {
                listsParts = true;
                foreach (var part in listed.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
                {
                    var (partWord, partState) = StatusOf(part);
                    failing.Note(PartName(part) ?? container, partWord, partState);
                }
            }
        }

        // Dropwizard, OkComputer and the like: the body is the parts, each with its own state and no state above them:
        // {"deadlocks": {"healthy": true}, "postgres": {"healthy": false, "message": "..."}}.
        if (!listsParts && StatusOf(root).Word is null && IsMapOfParts(root))
        {
            Components(root, string.Empty, "the body", failing);
        }

        var version = VersionOf(root);
        var service =
            JsonText.Of(root, "service")
            ?? JsonText.Of(root, "serviceId")
            ?? JsonText.Of(root, "name")
            ?? NestedText(root, "component", "name");
        var (word, state) = StatusOf(root);
        if (state is null && word is null && Django(root) is { } django)
        {
            return Reading(answer, django.Count == 0 ? HealthState.Pass : HealthState.Fail, "django-health-check") with
            {
                Failing = django,
                Version = version,
            };
        }

        if (state is null)
        {
            if (word is not null)
            {
                return Reading(answer, HealthState.Fail, format) with
                {
                    ReportedStatus = word,
                    Service = service,
                    Version = version,
                    Failing = failing.Names,
                    Problem = $"status \"{word}\" is no health state this checklist knows",
                };
            }

            // No state above the parts: theirs is the service's (warnings only warn; spatie/laravel-health answers 200
            // whatever its checks say).
            state =
                failing.Names.Count == 0 ? HealthState.Pass
                : failing.AnyFails ? HealthState.Fail
                : HealthState.Warn;
            format = failing.Judged ? format : CodeOnly;
        }

        // Up, with parts that are not: partial, a warning that names them.
        if (state == HealthState.Pass && failing.Names.Count > 0)
        {
            state = HealthState.Warn;
        }

        return Reading(answer, state.Value, format) with
        {
            ReportedStatus = word,
            Service = service,
            Version = version,
            Failing = [.. failing.Names.Distinct(StringComparer.Ordinal)],
        };
    }

    private static HealthReading Text(HealthAnswer answer, string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Kubernetes' ?verbose: "[+]ping ok", "[-]etcd failed: reason withheld", then "healthz check passed".
        if (lines.Any(l => l.StartsWith("[+]", StringComparison.Ordinal) || l.StartsWith("[-]", StringComparison.Ordinal)))
        {
            var failing = lines
                .Where(l => l.StartsWith("[-]", StringComparison.Ordinal))
                .Select(l => $"{l[3..].Split(' ', 2)[0]} (failed)")
                .ToList();
            var passed = failing.Count == 0 && !lines[^1].EndsWith("check failed", StringComparison.OrdinalIgnoreCase);
            return Reading(answer, passed ? HealthState.Pass : HealthState.Fail, "Kubernetes-style verbose checks") with
            {
                ReportedStatus =
                    lines[^1].EndsWith("check passed", StringComparison.OrdinalIgnoreCase) ? "passed"
                    : lines[^1].EndsWith("check failed", StringComparison.OrdinalIgnoreCase) ? "failed"
                    : null,
                Failing = failing,
            };
        }

        var word = lines.Length == 1 && lines[0].Length <= 40 ? lines[0] : null;
        if (word is not null && Word(word) is { } state)
        {
            return Reading(answer, state, "plain text") with { ReportedStatus = word };
        }

        // A short sentence that says down ("Service Unavailable", "database down", "NOT OK") fails whatever the code;
        // one that says degraded warns. Other words in it leave the verdict to the code.
        if (lines.Length == 1 && lines[0].Length <= 80 && Phrase(lines[0]) is { } said)
        {
            return Reading(answer, said, "plain text") with { ReportedStatus = lines[0] };
        }

        return Reading(answer, HealthState.Pass, CodeOnly);
    }

    // What the top-level status says: a word (and its state, when the word is known), or a boolean.
    private static (string? Word, HealthState? State) StatusOf(JsonElement root)
    {
        // LiipMonitorBundle says globalStatus above its checks and status_name (beside a number) in each.
        foreach (var name in new[] { "status", "Status", "state", "health", "globalStatus", "status_name" })
        {
            if (!root.TryGetProperty(name, out var value))
            {
                continue;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var word = value.GetString() ?? string.Empty;
                    return (word, Word(word));
                case JsonValueKind.True:
                    return ("true", HealthState.Pass);
                case JsonValueKind.False:
                    return ("false", HealthState.Fail);
                case JsonValueKind.Object when StatusOf(value) is { Word: not null } inner:
                    return inner;
            }
        }

        foreach (var name in new[] { "healthy", "ok", "up", "alive", "success", "passed" })
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return (
                    $"{name}: {(value.ValueKind == JsonValueKind.True ? "true" : "false")}",
                    value.ValueKind == JsonValueKind.True ? HealthState.Pass : HealthState.Fail
                );
            }
        }

        return (null, null);
    }

    // The parts a body lists, with their own states: those not passing, by name (nested parts as a/b).
    private static void Components(JsonElement parts, string prefix, string container, Parts failing)
    {
        foreach (var part in parts.EnumerateObject())
        {
            var name = prefix + part.Name;
            switch (part.Value.ValueKind)
            {
                // health+json: "db:connections": [{"status":"warn", ...}, ...]
                case JsonValueKind.Array:
                    var said = part
                        .Value.EnumerateArray()
                        .Where(e => e.ValueKind == JsonValueKind.Object)
                        .Select(StatusOf)
                        .Where(s => s.Word is not null)
                        .ToList();
                    var worst = said.FirstOrDefault(s => s.State is not HealthState.Pass);
                    failing.Note(name, worst.Word ?? said.FirstOrDefault().Word, worst.Word is null ? HealthState.Pass : worst.State);

                    break;
                case JsonValueKind.Object:
                    var (word, state) = StatusOf(part.Value);
                    failing.Note(name, word, state);

                    foreach (var nested in new[] { "components", "details", "checks" })
                    {
                        if (part.Value.TryGetProperty(nested, out var inner) && inner.ValueKind == JsonValueKind.Object)
                        {
                            Components(inner, $"{name}/", container, failing);
                        }
                    }

                    break;

                // health-go's failures: {"postgres": "connection refused"}: every entry failed.
                case JsonValueKind.String when container == "failures":
                    failing.Note(name, "failed", HealthState.Fail);
                    break;

                // A part's state as a bare word or a boolean: "checks": {"redis": "down", "db": true}.
                case JsonValueKind.String when prefix.Length == 0 && Word(part.Value.GetString() ?? string.Empty) is { } partState:
                    failing.Note(name, part.Value.GetString(), partState);
                    break;
                case JsonValueKind.True
                or JsonValueKind.False when prefix.Length == 0 && container is not ("the body" or "details" or "error"):
                    var up = part.Value.ValueKind == JsonValueKind.True;
                    failing.Note(name, up ? "true" : "false", up ? HealthState.Pass : HealthState.Fail);
                    break;
            }
        }
    }

    // Every property an object, one at least with a state of its own: the body is a map of parts.
    private static bool IsMapOfParts(JsonElement root)
    {
        var properties = root.EnumerateObject().ToList();
        return properties.Count > 0
            && properties.All(p => p.Value.ValueKind == JsonValueKind.Object)
            && properties.Any(p => StatusOf(p.Value).Word is not null);
    }

    // What a listed part calls itself, in the fields the formats use.
    private static string? PartName(JsonElement part) => PartNames.Select(f => JsonText.Of(part, f)).FirstOrDefault(n => n is not null);

    private static readonly string[] PartNames = ["name", "checkName", "checker", "id", "component", "label"];

    /// <summary>The parts a body judges: those not well by name, whether any is worse than a warning, whether any said a state.</summary>
    private sealed class Parts
    {
        public List<string> Names { get; } = [];

        public bool AnyFails { get; private set; }

        public bool Judged { get; private set; }

        // A part and what it says: nothing when it says no state; named, with its word, when that is not a pass (an
        // unknown word included: a part is well only when it says so).
        public void Note(string name, string? word, HealthState? state)
        {
            if (word is null)
            {
                return;
            }

            Judged = true;
            if (state is HealthState.Pass)
            {
                return;
            }

            Names.Add($"{name} ({word})");
            AnyFails |= state is not HealthState.Warn;
        }
    }

    // django-health-check's JSON: {"DatabaseBackend": "working", "Cache backend: default": "unavailable: ..."}.
    private static List<string>? Django(JsonElement root)
    {
        var properties = root.EnumerateObject().ToList();
        if (properties.Count == 0 || properties.Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            return null;
        }

        if (!properties.Any(p => string.Equals(p.Value.GetString(), "working", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return
        [
            .. properties
                .Where(p => !string.Equals(p.Value.GetString(), "working", StringComparison.OrdinalIgnoreCase))
                .Select(p => $"{p.Name} ({p.Value.GetString()!.Split(':', 2)[0].Trim()})"),
        ];
    }

    /// <summary>The version a body gives, under the first field of <c>version</c>, <c>releaseId</c>, <c>build.version</c>, <c>git.commit.id</c>, <c>commit</c>.</summary>
    public static HealthVersion? VersionOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (Scalar(root, "version") is { } version)
        {
            return new HealthVersion("version", version);
        }

        if (Scalar(root, "releaseId") is { } release)
        {
            return new HealthVersion("releaseId", release);
        }

        if (root.TryGetProperty("build", out var build) && build.ValueKind == JsonValueKind.Object && Scalar(build, "version") is { } built)
        {
            return new HealthVersion("build.version", built);
        }

        if (
            root.TryGetProperty("git", out var git)
            && git.ValueKind == JsonValueKind.Object
            && git.TryGetProperty("commit", out var gitCommit)
            && gitCommit.ValueKind == JsonValueKind.Object
            && gitCommit.TryGetProperty("id", out var id)
            && CommitId(id, "full", "abbrev") is { } full
        )
        {
            return new HealthVersion("git.commit.id", full);
        }

        if (root.TryGetProperty("commit", out var commit) && CommitId(commit, "id", "sha") is { } sha)
        {
            return new HealthVersion("commit", sha);
        }

        return NestedText(root, "component", "version") is { } component ? new HealthVersion("version", component) : null;
    }

    // A commit given as a string, or as an object naming it under one of two fields (the first that is there).
    private static string? CommitId(JsonElement value, string first, string second)
    {
        var id =
            value.ValueKind == JsonValueKind.String ? value.GetString()
            : value.ValueKind == JsonValueKind.Object ? JsonText.Of(value, first) ?? JsonText.Of(value, second)
            : null;
        return string.IsNullOrWhiteSpace(id) ? null : id;
    }

    private static string FormatOf(HealthAnswer answer, JsonElement root)
    {
        if (answer.ContentType?.Contains("health+json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return "application/health+json";
        }

        var status = JsonText.Of(root, "status");
        return root switch
        {
            _ when root.TryGetProperty("entries", out _) && root.TryGetProperty("totalDuration", out _) =>
                "ASP.NET Core HealthChecks UI JSON",
            _ when root.TryGetProperty("components", out _) || status is "UP" or "DOWN" or "OUT_OF_SERVICE" or "UNKNOWN" =>
                "Spring Boot Actuator",
            _ when root.TryGetProperty("info", out _) && root.TryGetProperty("error", out _) => "NestJS terminus",
            _ when root.TryGetProperty("failures", out _) || status is "Partially Available" or "Unavailable" => "health-go",
            // health+json's checks are lists ("db:responseTime": [{...}]); others map a check to its state.
            _ when root.TryGetProperty("checks", out var checks)
                    && checks.ValueKind == JsonValueKind.Object
                    && checks.EnumerateObject().Any(c => c.Value.ValueKind == JsonValueKind.Array) => "application/health+json",
            _ => "status JSON",
        };
    }

    // The state a status word means, in any format's words; null for a word no format uses.
    private static HealthState? Word(string word) =>
        Normal(word) switch
        {
            "OK"
            or "OKAY"
            or "UP"
            or "PASS"
            or "PASSED"
            or "PASSING"
            or "HEALTHY"
            or "GREEN"
            or "AVAILABLE"
            or "GOOD"
            or "SUCCESS"
            or "ALIVE"
            or "RUNNING"
            or "READY"
            or "SERVING"
            or "WORKING"
            or "TRUE"
            or "SERVER_IS_READY"
            or "SERVER_IS_NOT_SHUTTING_DOWN"
            or "FINE"
            or "ONLINE"
            or "LIVE"
            // A check that did not run says nothing against the service (spatie/laravel-health, LiipMonitorBundle).
            or "SKIPPED"
            or "CHECK_RESULT_OK"
            or "CHECK_RESULT_SKIP" => HealthState.Pass,
            "WARN"
            or "WARNING"
            or "WARNINGS"
            or "DEGRADED"
            or "PARTIAL"
            or "PARTIALLY_AVAILABLE"
            or "YELLOW"
            or "UNKNOWN"
            or "CHECK_RESULT_WARNING"
            or "CHECK_RESULT_UNKNOWN" => HealthState.Warn,
            "FAIL"
            or "FAILED"
            or "FAILING"
            or "FAILURE"
            or "ERROR"
            or "ERRORS"
            or "DOWN"
            or "UNHEALTHY"
            or "RED"
            or "UNAVAILABLE"
            or "CRITICAL"
            or "OUT_OF_SERVICE"
            or "SHUTTING_DOWN"
            or "SERVER_IS_NOT_READY"
            or "SERVER_IS_SHUTTING_DOWN"
            or "FALSE"
            or "NOT_SERVING"
            or "TIMEOUT_DURING_HEALTH_CHECK"
            or "OFFLINE"
            or "DEAD"
            or "NOT_READY"
            or "KO"
            or "CRASHED"
            or "CHECK_RESULT_FAILURE" => HealthState.Fail,
            _ => null,
        };

    // The worst state a sentence's words name: "not" before a good word makes it bad, "no" or "0" before a bad word
    // makes it nothing ("no errors"). Null when no word names a state other than pass.
    private static HealthState? Phrase(string line)
    {
        var words = PhraseWords().Matches(line).Select(m => m.Value).ToList();
        HealthState? worst = null;
        for (var i = 0; i < words.Count; i++)
        {
            var before = i > 0 ? words[i - 1].ToUpperInvariant() : string.Empty;
            var state = words[i].Equals("NOT", StringComparison.OrdinalIgnoreCase) ? null : Word(words[i]);
            if (state == HealthState.Pass && before is "NOT")
            {
                state = HealthState.Fail;
            }
            else if (state is HealthState.Fail or HealthState.Warn && before is "NO" or "0" or "ZERO" or "WITHOUT" or "NOT")
            {
                state = null;
            }

            if (state is HealthState.Fail || (state is HealthState.Warn && worst is null))
            {
                worst = state;
            }
        }

        return worst;
    }

    [GeneratedRegex("[A-Za-z0-9_]+")]
    private static partial Regex PhraseWords();

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (
            contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase)
        );

    private static string Normal(string word) =>
        string.Join('_', word.Trim().ToUpperInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));

    private static HealthReading NotHealth(HealthAnswer answer, string format, string problem, string fix) =>
        Reading(answer, HealthState.NotHealth, format) with
        {
            Problem = problem,
            Fix = fix,
        };

    private static HealthReading Reading(HealthAnswer answer, HealthState state, string? format) =>
        new(answer.Url, answer.Status, state, format, null, null, null, [], null);

    private static bool IsHtml(string? contentType, string body) =>
        contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
        || body.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
        || body.StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    private static string? Scalar(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string? NestedText(JsonElement element, string outer, string inner) =>
        element.TryGetProperty(outer, out var value) && value.ValueKind == JsonValueKind.Object ? JsonText.Of(value, inner) : null;

    // Where the formats list their parts: health+json checks, Actuator components (details before 2.2), HealthChecks
    // UI entries, terminus info/error/details, health-go failures, spatie/laravel-health checkResults, Flask
    // healthcheck's results, and the dependencies of home-made shapes.
    private static readonly string[] Containers =
    [
        "checks",
        "checkResults",
        "results",
        "components",
        "details",
        "entries",
        "error",
        "failures",
        "dependencies",
        "services",
    ];

    [GeneratedRegex(
        @"direct[_ -]origin[_ -](blocked|forbidden|denied)|not (come|arrive)d? (through|via) cloudflare|cloudflare[_ -]origin[_ -]guard",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex OriginGuard();

    [GeneratedRegex("background-color:\\s*(?<colour>green|red)", RegexOptions.IgnoreCase)]
    private static partial Regex RailsUp();
}

/// <summary>What to do about an answer that is not the service's health.</summary>
public static class HealthFixes
{
    /// <summary>The path names no health endpoint.</summary>
    public const string Path =
        "fix the path: health.path in the config must name the service's health endpoint (an HTML page or an empty body is not one)";

    /// <summary>The probe met Cloudflare Access.</summary>
    public const string Access =
        "probe the app's herokuapp.com URL (healthUrl in the config), or send an Access service token with the probe: in the config, health.headers maps CF-Access-Client-Id and CF-Access-Client-Secret to the environment variables that hold them (CF_ACCESS_CLIENT_ID, CF_ACCESS_CLIENT_SECRET)";

    /// <summary>The probe met Cloudflare's edge.</summary>
    public const string Cloudflare =
        "probe the app's herokuapp.com URL (healthUrl in the config), or let the probe through Cloudflare (a service token in health.headers, or a WAF skip rule for the health path)";

    /// <summary>The app's own Cloudflare origin guard refused a probe of its herokuapp.com URL.</summary>
    public const string OriginGuard =
        "probe the Cloudflare domain instead (healthUrl in the config) with an Access service token in health.headers, or exempt the health path from the origin guard";

    /// <summary>A redirect to another host.</summary>
    public const string Redirect =
        "probe the URL the service answers on itself (healthUrl in the config): the checklist follows no redirect";

    /// <summary>A body declared JSON that does not parse.</summary>
    public const string Json = "check what the health endpoint writes: its body must be whole, valid JSON";

    /// <summary>The URL reaches no app.</summary>
    public const string Url = "check healthUrl in the config, or the app's domains (heroku domains --app <app>)";

    /// <summary>Maintenance mode is on.</summary>
    public const string Maintenance = "heroku maintenance:off --app <app> once the maintenance is over";
}
