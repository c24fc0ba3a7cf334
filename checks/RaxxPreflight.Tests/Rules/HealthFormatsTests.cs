using RaxxPreflight.Health;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Tests.Rules;

/// <summary>Health answers of the common frameworks, as they write them, read by meaning.</summary>
public class HealthFormatsTests
{
    private static readonly Uri Url = new("https://raxx-api-prod-4f2a9c.herokuapp.com/health");

    private static HealthReading Read(int status, string contentType, string body, params (string Name, string Value)[] headers) =>
        HealthFormats.Read(
            new HealthAnswer(
                Url,
                status,
                contentType,
                headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase),
                body
            )
        );

    public static TheoryData<string, int, string, string, HealthState, string[]> Answers =>
        new()
        {
            // Raxx's own: the queue, the console (no service, no version), velvet.
            {
                "raxx-queue",
                200,
                "application/json",
                """{"service":"raxx-queue","status":"ok","version":"0.1.0"}""",
                HealthState.Pass,
                []
            },
            {
                "raxx-console",
                200,
                "application/json",
                """{"status": "ok", "poller_last_poll_at": "2026-12-06T10:00:00Z"}""",
                HealthState.Pass,
                []
            },
            { "raxx-velvet", 200, "application/json", """{"service":"velvet","status":"ok"}""", HealthState.Pass, [] },
            // application/health+json (draft-inadarei-api-health-check).
            {
                "health+json pass",
                200,
                "application/health+json",
                """{"status":"pass","version":"1","releaseId":"1.2.2","checks":{"cassandra:responseTime":[{"componentId":"dfd6cf2b","status":"pass","observedValue":250}]}}""",
                HealthState.Pass,
                []
            },
            {
                "health+json warn",
                200,
                "application/health+json",
                """{"status":"warn","checks":{"cpu:utilization":[{"componentId":"6fd416e0","componentType":"system","status":"warn","observedValue":85}],"memory:utilization":[{"status":"pass"}]}}""",
                HealthState.Warn,
                ["cpu:utilization (warn)"]
            },
            {
                "health+json fail",
                503,
                "application/health+json",
                """{"status":"fail","output":"db down","checks":{"postgres:connections":[{"status":"fail"}]}}""",
                HealthState.Fail,
                ["postgres:connections (fail)"]
            },
            // Spring Boot Actuator.
            {
                "actuator up",
                200,
                "application/vnd.spring-boot.actuator.v3+json",
                """{"status":"UP","components":{"db":{"status":"UP","details":{"database":"PostgreSQL","validationQuery":"isValid()"}},"diskSpace":{"status":"UP"},"ping":{"status":"UP"}}}""",
                HealthState.Pass,
                []
            },
            {
                "actuator down",
                503,
                "application/vnd.spring-boot.actuator.v3+json",
                """{"status":"DOWN","components":{"db":{"status":"DOWN","details":{"error":"org.springframework.jdbc.CannotGetJdbcConnectionException"}},"ping":{"status":"UP"}}}""",
                HealthState.Fail,
                ["db (DOWN)"]
            },
            { "actuator out of service", 503, "application/json", """{"status":"OUT_OF_SERVICE"}""", HealthState.Fail, [] },
            { "actuator unknown", 200, "application/json", """{"status":"UNKNOWN"}""", HealthState.Warn, [] },
            {
                "actuator nested",
                200,
                "application/json",
                """{"status":"UP","components":{"db":{"status":"UP","components":{"primary":{"status":"UP"},"reporting":{"status":"DOWN"}}}}}""",
                HealthState.Warn,
                ["db/reporting (DOWN)"]
            },
            // MicroProfile Health (Quarkus, Open Liberty): checks as a list.
            {
                "microprofile up",
                200,
                "application/json",
                """{"status":"UP","checks":[{"name":"Database connections health check","status":"UP"}]}""",
                HealthState.Pass,
                []
            },
            {
                "microprofile down",
                503,
                "application/json",
                """{"status":"DOWN","checks":[{"name":"Database connections health check","status":"DOWN","data":{"<default>":"Unable to execute the validation check"}},{"name":"ping","status":"UP"}]}""",
                HealthState.Fail,
                ["Database connections health check (DOWN)"]
            },
            // ASP.NET Core: plain text, and the HealthChecks UI writer.
            { "aspnet healthy", 200, "text/plain", "Healthy", HealthState.Pass, [] },
            { "aspnet degraded", 200, "text/plain", "Degraded", HealthState.Warn, [] },
            { "aspnet unhealthy", 503, "text/plain", "Unhealthy", HealthState.Fail, [] },
            {
                "healthchecks ui",
                200,
                "application/json",
                """{"status":"Degraded","totalDuration":"00:00:00.0123","entries":{"redis":{"data":{},"duration":"00:00:00.01","status":"Degraded","tags":[]},"npgsql":{"data":{},"duration":"00:00:00.002","status":"Healthy","tags":[]}}}""",
                HealthState.Warn,
                ["redis (Degraded)"]
            },
            // Kubernetes.
            { "k8s ok", 200, "text/plain; charset=utf-8", "ok", HealthState.Pass, [] },
            {
                "k8s verbose pass",
                200,
                "text/plain; charset=utf-8",
                "[+]ping ok\n[+]log ok\n[+]etcd ok\nhealthz check passed\n",
                HealthState.Pass,
                []
            },
            {
                "k8s verbose fail",
                500,
                "text/plain; charset=utf-8",
                "[+]ping ok\n[-]etcd failed: reason withheld\nhealthz check failed\n",
                HealthState.Fail,
                ["etcd (failed)"]
            },
            // Rails 7.1 /up.
            {
                "rails up",
                200,
                "text/html; charset=utf-8",
                """<!DOCTYPE html><html><body style="background-color: green"></body></html>""",
                HealthState.Pass,
                []
            },
            {
                "rails down",
                500,
                "text/html; charset=utf-8",
                """<!DOCTYPE html><html><body style="background-color: red"></body></html>""",
                HealthState.Fail,
                []
            },
            // NestJS terminus.
            {
                "terminus ok",
                200,
                "application/json",
                """{"status":"ok","info":{"database":{"status":"up"}},"error":{},"details":{"database":{"status":"up"}}}""",
                HealthState.Pass,
                []
            },
            {
                "terminus error",
                503,
                "application/json",
                """{"status":"error","info":{},"error":{"database":{"status":"down","message":"timeout"}},"details":{"database":{"status":"down","message":"timeout"}}}""",
                HealthState.Fail,
                ["database (down)"]
            },
            // django-health-check's JSON.
            {
                "django working",
                200,
                "application/json",
                """{"Cache backend: default": "working", "DatabaseBackend": "working", "DefaultFileStorageHealthCheck": "working"}""",
                HealthState.Pass,
                []
            },
            {
                "django failing",
                500,
                "application/json",
                """{"Cache backend: default": "working", "DatabaseBackend": "unavailable: Database error"}""",
                HealthState.Fail,
                ["DatabaseBackend (unavailable)"]
            },
            // hellofresh health-go.
            {
                "health-go ok",
                200,
                "application/json",
                """{"status":"OK","timestamp":"2017-01-01T00:00:00.413567856+03:00","system":{"version":"go1.8","goroutines_count":4},"component":{"name":"myservice","version":"v1.0"}}""",
                HealthState.Pass,
                []
            },
            {
                "health-go partial",
                200,
                "application/json",
                """{"status":"Partially Available","timestamp":"2017-01-01T00:00:00Z","failures":{"rabbitmq":"Failed during rabbitmq health check"},"component":{"name":"myservice","version":"v1.0"}}""",
                HealthState.Warn,
                ["rabbitmq (failed)"]
            },
            {
                "health-go unavailable",
                503,
                "application/json",
                """{"status":"Unavailable","failures":{"postgres":"Failed during postgres health check"}}""",
                HealthState.Fail,
                ["postgres (failed)"]
            },
            // lightship.
            { "lightship ready", 200, "text/plain", "SERVER_IS_READY", HealthState.Pass, [] },
            { "lightship not ready", 500, "text/plain", "SERVER_IS_NOT_READY", HealthState.Fail, [] },
            { "lightship shutting down", 500, "text/plain", "SERVER_IS_SHUTTING_DOWN", HealthState.Fail, [] },
            // Dropwizard and OkComputer: the body is the checks, each with its own state.
            {
                "Dropwizard healthy",
                200,
                "application/json",
                """{"deadlocks":{"healthy":true,"duration":0,"timestamp":"2026-12-06T10:00:00Z"},"postgres":{"healthy":true,"duration":3}}""",
                HealthState.Pass,
                []
            },
            {
                "Dropwizard unhealthy",
                500,
                "application/json",
                """{"deadlocks":{"healthy":true,"duration":0},"postgres":{"healthy":false,"message":"Connection refused","duration":3}}""",
                HealthState.Fail,
                ["postgres (healthy: false)"]
            },
            {
                "OkComputer",
                500,
                "application/json",
                """{"default":{"message":"Application is running","success":true,"time":0.0},"database":{"message":"Error: could not connect","success":false,"time":0.01}}""",
                HealthState.Fail,
                ["database (success: false)"]
            },
            // spatie/laravel-health answers 200 whatever its checks say: the checks are the verdict.
            {
                "laravel-health ok and skipped",
                200,
                "application/json",
                """{"finishedAt":1765015200,"checkResults":[{"name":"Database","label":"Database","notificationMessage":"","shortSummary":"Ok","status":"ok","meta":[]},{"name":"Horizon","label":"Horizon","notificationMessage":"","shortSummary":"Skipped","status":"skipped","meta":[]}]}""",
                HealthState.Pass,
                []
            },
            {
                "laravel-health warning",
                200,
                "application/json",
                """{"finishedAt":1765015200,"checkResults":[{"name":"Database","label":"Database","notificationMessage":"","shortSummary":"Ok","status":"ok","meta":[]},{"name":"UsedDiskSpace","label":"Used Disk Space","notificationMessage":"The disk is almost full (92% used).","shortSummary":"92%","status":"warning","meta":{"disk_space_used_percentage":92}}]}""",
                HealthState.Warn,
                ["UsedDiskSpace (warning)"]
            },
            {
                "laravel-health failed at 200",
                200,
                "application/json",
                """{"finishedAt":1765015200,"checkResults":[{"name":"Database","label":"Database","notificationMessage":"Could not connect to the database","shortSummary":"Failed","status":"failed","meta":[]}]}""",
                HealthState.Fail,
                ["Database (failed)"]
            },
            // Flask's healthcheck (py-healthcheck).
            {
                "Flask healthcheck success",
                200,
                "application/json",
                """{"hostname":"web.1","status":"success","timestamp":1765015200.1,"results":[{"checker":"database","output":"database ok","passed":true,"timestamp":1765015200.1,"expires":1765015227.1,"response_time":0.001}]}""",
                HealthState.Pass,
                []
            },
            {
                "Flask healthcheck failure",
                500,
                "application/json",
                """{"hostname":"web.1","status":"failure","timestamp":1765015200.1,"results":[{"checker":"database","output":"connection refused","passed":false}]}""",
                HealthState.Fail,
                ["database (passed: false)"]
            },
            // LiipMonitorBundle: globalStatus above, status_name beside each check's number.
            {
                "Liip warning",
                200,
                "application/json",
                """{"checks":[{"checkName":"Disk usage","message":"91% used","status":1,"status_name":"check_result_warning","service_id":"disk_usage"}],"globalStatus":"OK"}""",
                HealthState.Warn,
                ["Disk usage (check_result_warning)"]
            },
            {
                "Liip failure",
                502,
                "application/json",
                """{"checks":[{"checkName":"Doctrine DBAL","message":"connection refused","status":2,"status_name":"check_result_failure","service_id":"doctrine_dbal"}],"globalStatus":"KO"}""",
                HealthState.Fail,
                ["Doctrine DBAL (check_result_failure)"]
            },
            // alexliesenfeld/health (Go).
            {
                "Go health down",
                503,
                "application/json",
                """{"status":"down","details":{"database":{"status":"down","timestamp":"2026-12-06T10:00:00Z","error":"connection refused"}}}""",
                HealthState.Fail,
                ["database (down)"]
            },
            // Home-made shapes.
            { "healthy boolean", 200, "application/json", """{"healthy":true,"uptime":1234}""", HealthState.Pass, [] },
            { "body says down at 200", 200, "application/json", """{"status":"down"}""", HealthState.Fail, [] },
            { "down, after a byte order mark", 200, "application/json", "\uFEFF{\"status\":\"down\"}", HealthState.Fail, [] },
            { "body says ok at 503", 503, "application/json", """{"status":"ok"}""", HealthState.Fail, [] },
            { "no state, 200", 200, "application/json", """{"uptime":1234,"pid":7}""", HealthState.Pass, [] },
            // Objects that say no state are no checks: this body's parts judge nothing.
            {
                "objects without states",
                200,
                "application/json",
                """{"app":{"name":"raxx","region":"us"},"build":{"sha":"4f2a9c"}}""",
                HealthState.Pass,
                []
            },
            { "an unknown word", 200, "application/json", """{"status":"starting"}""", HealthState.Fail, [] },
            // Checks mapped to a bare word or a boolean.
            {
                "checks as words",
                200,
                "application/json",
                """{"status":"degraded","checks":{"postgres":"ok","redis":"down"}}""",
                HealthState.Warn,
                ["redis (down)"]
            },
            {
                "checks as booleans",
                200,
                "application/json",
                """{"status":"ok","checks":{"postgres":true,"redis":false}}""",
                HealthState.Warn,
                ["redis (false)"]
            },
            {
                "checks as booleans, no state above",
                200,
                "application/json",
                """{"checks":{"postgres":true,"redis":false}}""",
                HealthState.Fail,
                ["redis (false)"]
            },
            // A detail that happens to be false is no check.
            { "a false detail", 200, "application/json", """{"status":"UP","details":{"cached":false}}""", HealthState.Pass, [] },
            // A sentence: the words that say down decide; "no" and "not" turn them.
            { "Service Unavailable at 200", 200, "text/plain", "Service Unavailable", HealthState.Fail, [] },
            { "database down", 200, "text/plain", "database down", HealthState.Fail, [] },
            { "NOT OK", 200, "text/plain", "NOT OK", HealthState.Fail, [] },
            { "no errors", 200, "text/plain", "No errors found", HealthState.Pass, [] },
            { "a sentence that says nothing", 200, "text/plain", "All systems operational", HealthState.Pass, [] },
            { "degraded sentence", 200, "text/plain", "Running degraded: cache cold", HealthState.Warn, [] },
        };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Each_format_is_read_by_what_it_says(
        string format,
        int status,
        string contentType,
        string body,
        HealthState state,
        string[] failing
    )
    {
        var reading = Read(status, contentType, body);

        reading.State.ShouldBe(state, $"{format}: {reading.Summary}; {reading.Problem}");
        reading.Failing.ShouldBe(failing, format);
        var problems = HealthFindings.Problems(reading, new HealthExpectations());
        if (state is HealthState.Pass or HealthState.Warn)
        {
            problems.ShouldBeEmpty(format);
            HealthFindings.Warnings(reading).Count.ShouldBe(state == HealthState.Warn ? 1 : 0, format);
        }
        else
        {
            problems.ShouldHaveSingleItem(format);
        }
    }

    [Fact]
    public void A_warning_names_the_parts_that_are_not_well()
    {
        var reading = Read(
            200,
            "application/json",
            """{"status":"UP","components":{"db":{"status":"UP"},"redis":{"status":"DOWN"},"mail":{"status":"OUT_OF_SERVICE"}}}"""
        );

        HealthFindings.Warnings(reading).ShouldBe([$"{Url} says \"UP\": not passing: redis (DOWN), mail (OUT_OF_SERVICE)"]);
    }

    [Fact]
    public void A_body_that_says_down_fails_whatever_the_code_and_names_what_failed()
    {
        var reading = Read(200, "application/json", """{"status":"DOWN","components":{"db":{"status":"DOWN"}}}""");

        HealthFindings
            .Problems(reading, new HealthExpectations())
            .ShouldBe([$"{Url} answered HTTP 200, status \"DOWN\", failing: db (DOWN)"]);
    }

    [Fact]
    public void A_5xx_is_never_healthy_even_when_the_body_says_so()
    {
        HealthFindings
            .Problems(Read(503, "application/json", """{"status":"ok"}"""), new HealthExpectations())
            .ShouldBe([$"{Url} answered HTTP 503 though its body says \"ok\""]);
    }

    public static TheoryData<string, int, string, string, (string, string)[], string, string> NotHealthAnswers =>
        new()
        {
            {
                "Access login",
                302,
                "text/html",
                "",
                new[]
                {
                    ("Location", "https://raxx.cloudflareaccess.com/cdn-cgi/access/login/api.raxx.app?kid=abc&redirect_url=%2Fhealth"),
                },
                "a redirect (HTTP 302) to a Cloudflare Access login (https://raxx.cloudflareaccess.com/cdn-cgi/access/login/api.raxx.app)",
                "CF-Access-Client-Id"
            },
            {
                "elsewhere",
                301,
                "text/html",
                "",
                new[] { ("Location", "https://www.raxx.app/health") },
                "a redirect (HTTP 301) to https://www.raxx.app/health: not followed",
                "healthUrl"
            },
            {
                "same host",
                308,
                "text/html",
                "",
                new[] { ("Location", "/health/") },
                "a redirect (HTTP 308) to https://raxx-api-prod-4f2a9c.herokuapp.com/health/",
                "/health/"
            },
            {
                "Cloudflare block",
                403,
                "text/html; charset=UTF-8",
                "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>",
                new[] { ("cf-ray", "8f1c2d3e4a5b6c7d-IAD"), ("Server", "cloudflare") },
                "a Cloudflare block page (HTTP 403, cf-ray 8f1c2d3e4a5b6c7d-IAD)",
                "WAF"
            },
            {
                "Cloudflare 1020 as text",
                403,
                "text/plain; charset=UTF-8",
                "error code: 1020",
                new[] { ("Server", "cloudflare") },
                "a Cloudflare block page (HTTP 403)",
                "herokuapp.com"
            },
            {
                "Cloudflare origin error",
                522,
                "text/html",
                "<html><title>Connection timed out | api.raxx.app | Cloudflare</title></html>",
                new[] { ("cf-ray", "8f1c2d3e4a5b6c7d-IAD") },
                "Cloudflare's error page (HTTP 522",
                "heroku ps --app raxx-api-prod"
            },
            {
                "Application Error",
                503,
                "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Application Error</title></head><body><iframe src=\"//www.herokucdn.com/error-pages/application-error.html\"></iframe></body></html>",
                Array.Empty<(string, string)>(),
                "Heroku's Application Error page (HTTP 503)",
                "heroku ps --app raxx-api-prod"
            },
            {
                "maintenance",
                503,
                "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Offline for Maintenance</title></head><body><iframe src=\"//www.herokucdn.com/error-pages/maintenance-mode.html\"></iframe></body></html>",
                Array.Empty<(string, string)>(),
                "Heroku's maintenance page (HTTP 503)",
                "heroku maintenance:off --app raxx-api-prod"
            },
            {
                "SPA catch-all",
                200,
                "text/html; charset=utf-8",
                "<!doctype html><html lang=\"en\"><head><title>Raxx</title></head><body><div id=\"root\"></div><script src=\"/static/js/main.js\"></script></body></html>",
                Array.Empty<(string, string)>(),
                "an HTML page (HTTP 200), not a health answer: a single-page app's catch-all serves index.html for every path",
                "health.path"
            },
            { "empty", 200, "application/json", "", Array.Empty<(string, string)>(), "an empty body", "health.path" },
            {
                "JSON cut off",
                200,
                "application/json; charset=utf-8",
                """{"service":"raxx-api","status":""",
                Array.Empty<(string, string)>(),
                "a body declared JSON (application/json; charset=utf-8) that does not parse (31 characters: cut off or not JSON)",
                "valid JSON"
            },
            {
                "origin guard",
                403,
                "application/json",
                """{"error":"direct_origin_blocked","detail":"request did not transit Cloudflare"}""",
                Array.Empty<(string, string)>(),
                "the app's Cloudflare origin guard refused the probe (HTTP 403, direct origin blocked)",
                "exempt the health path from the origin guard"
            },
        };

    [Theory]
    [MemberData(nameof(NotHealthAnswers))]
    public void What_is_no_health_answer_is_named_for_what_it_is_and_says_what_to_do(
        string what,
        int status,
        string contentType,
        string body,
        (string, string)[] headers,
        string named,
        string fix
    )
    {
        var reading = Read(status, contentType, body, headers);

        var problem = HealthFindings.Problems(reading, new HealthExpectations()).ShouldHaveSingleItem(what);
        problem.ShouldContain(named, Case.Sensitive, what);
        string.Join("\n", HealthFindings.Fixes(reading, "raxx-api-prod")).ShouldContain(fix, Case.Sensitive, what);
        problem.ShouldNotContain("kid=abc", Case.Sensitive, "a redirect's query is not printed");
    }

    public static TheoryData<string, string, string?> Versions =>
        new()
        {
            { """{"status":"ok","version":"0.1.0"}""", "version", "0.1.0" },
            { """{"status":"pass","releaseId":"1.2.2"}""", "releaseId", "1.2.2" },
            { """{"status":"UP","build":{"version":"3.4.1","artifact":"api"}}""", "build.version", "3.4.1" },
            {
                """{"status":"UP","git":{"branch":"main","commit":{"id":"4e1b2c3","time":"2026-12-01T10:00:00Z"}}}""",
                "git.commit.id",
                "4e1b2c3"
            },
            {
                """{"status":"UP","git":{"commit":{"id":{"abbrev":"4e1b2c3","full":"4e1b2c3d5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"}}}}""",
                "git.commit.id",
                "4e1b2c3d5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"
            },
            { """{"status":"ok","commit":"4e1b2c3d5f6a"}""", "commit", "4e1b2c3d5f6a" },
            { """{"status":"ok"}""", "", null },
        };

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_version_is_read_where_the_body_has_one(string body, string field, string? value)
    {
        var version = Read(200, "application/json", body).Version;

        if (value is null)
        {
            version.ShouldBeNull();
        }
        else
        {
            version.ShouldBe(new HealthVersion(field, value));
        }
    }

    [Fact]
    public void Prod_is_held_to_staging_s_version_when_both_give_one()
    {
        var prod = Read(
            200,
            "application/json",
            """{"status":"UP","git":{"commit":{"id":{"abbrev":"4e1b2c3","full":"4e1b2c3d5f6a7b8c"}}}}"""
        );

        HealthFindings.Problems(prod, new HealthExpectations(Version: new HealthVersion("commit", "4e1b2c3"))).ShouldBeEmpty();
        HealthFindings
            .Problems(prod, new HealthExpectations(Version: new HealthVersion("git.commit.id", "9a8b7c6d5e4f")))
            .ShouldBe(["git.commit.id is \"4e1b2c3d5f6a7b8c\", not staging's \"9a8b7c6d5e4f\""]);

        // A body without one, or with another field, is not a failure: it is not compared, and says so.
        var bare = Read(200, "application/json", """{"status":"ok"}""");
        HealthFindings.Problems(bare, new HealthExpectations(Version: new HealthVersion("version", "0.1.0"))).ShouldBeEmpty();
        HealthFindings.NotCompared(bare.Version, new HealthVersion("version", "0.1.0")).ShouldNotBeNull();
    }

    [Fact]
    public void A_service_name_and_a_status_word_are_checks_a_service_adds()
    {
        var reading = Read(200, "application/json", """{"service":"velvet","status":"ok"}""");

        HealthFindings.Problems(reading, new HealthExpectations()).ShouldBeEmpty();
        HealthFindings
            .Problems(reading, new HealthExpectations("raxx-velvet", "healthy"))
            .ShouldBe([
                "status is \"ok\", not \"healthy\" (health.status in the config)",
                "service is \"velvet\", not \"raxx-velvet\" (health.service in the config)",
            ]);
    }

    [Fact]
    public void No_answer_is_one_problem()
    {
        var reading = HealthFormats.Read(HealthAnswer.None(Url, "no answer within 10s"));

        HealthFindings.Problems(reading, new HealthExpectations()).ShouldBe([$"{Url} gave no answer within 10s"]);
    }
}
