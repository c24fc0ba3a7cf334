namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>Health answers that are not the queue's own: degraded, behind Cloudflare Access; and a release that migrated nothing.</summary>
public static class HealthScenarios
{
    /// <summary>The Access service token the <c>health-behind-access</c> scenario's gate accepts (a fake's, never a real one).</summary>
    public static IReadOnlyDictionary<string, string> AccessToken { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["CF-Access-Client-Id"] = "0f3c2a1b9d8e7f6a5b4c3d2e1f0a9b8c.access",
            ["CF-Access-Client-Secret"] = "3e8f1c0b9a7d6e5f4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2918f7e6d5c",
        };

    /// <summary>
    /// Deployed, but prod's health says it is up with a part down (Spring Boot Actuator: UP, redis DOWN): the
    /// post-deploy health item warns, naming redis; every other item passes.
    /// </summary>
    public static Scenario DeployedDegraded()
    {
        var deployed = DeployScenarios.Deployed();
        return deployed with
        {
            Name = ScenarioNames.DeployedDegraded,
            Description = "prod's health says UP with redis DOWN (Spring Boot Actuator's shape): prod-healthy warns",
            Prod = deployed.Prod with
            {
                Router = new RouterState(
                    200,
                    "application/vnd.spring-boot.actuator.v3+json",
                    """{"service":"raxx-queue","status":"UP","components":{"db":{"status":"UP","details":{"database":"PostgreSQL"}},"redis":{"status":"DOWN","details":{"error":"io.lettuce.core.RedisConnectionException"}}},"version":"""
                        + $"\"{SeedScenarios.ServiceVersion}\"}}"
                ),
            },
        };
    }

    /// <summary>
    /// The seed's ready world, both apps behind Cloudflare Access: a probe without the service token is redirected to
    /// the Access login (the staging health item fails, naming it); with <c>health.headers</c> it passes.
    /// </summary>
    public static Scenario HealthBehindAccess()
    {
        var ready = SeedScenarios.Ready();
        return ready with
        {
            Name = ScenarioNames.HealthBehindAccess,
            Description = "both apps behind Cloudflare Access: the probe needs the service token (health.headers), else a login redirect",
            Staging = ready.Staging with { Router = ready.Staging.Router with { AccessToken = AccessToken } },
            Prod = ready.Prod with { Router = ready.Prod.Router with { AccessToken = AccessToken } },
        };
    }

    /// <summary>
    /// Deployed and healthy, but the release phase did not run: staging has billing_events and billing_customers,
    /// prod neither (the queue's incident: <c>heroku container:release</c> skips heroku.yml's release phase).
    /// </summary>
    public static Scenario DeployedNotMigrated()
    {
        var deployed = DeployScenarios.Deployed();
        var staging = deployed.Staging.Database with
        {
            Tables = new Dictionary<string, IReadOnlyList<string>>(deployed.Staging.Database.Tables, StringComparer.Ordinal)
            {
                ["billing_customers"] = ["id uuid primary key default gen_random_uuid()", "stripe_customer_id text not null"],
            },
        };
        var prod = deployed.Prod.Database with
        {
            Tables = deployed
                .Prod.Database.Tables.Where(t => t.Key is not "billing_events")
                .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
        };
        return deployed with
        {
            Name = ScenarioNames.DeployedNotMigrated,
            Description = "deployed and healthy, but prod lacks billing_events and billing_customers: the release phase did not run",
            Staging = deployed.Staging with { Database = staging },
            Prod = deployed.Prod with { Database = prod },
        };
    }
}
