using RaxxPreflight.Checks.Session;
using RaxxPreflight.Reporting;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>One Sentry project for both environments mixes prod's errors with staging's. Worth a warning, not a block.</summary>
[PreDeploy]
public sealed class SentryDsnPerEnvironmentCheck(PreflightSession session)
{
    [Fact(DisplayName = "Prod and staging report to different Sentry projects (warns when they share one)")]
    [Check(CheckIds.SentryDsnPerEnvironment)]
    public Task Prod_has_its_own_sentry_project() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var name = world.Config.SentryDsnVar;
                var vars = await world.ConfigVarsAsync();
                var staging = vars.Staging.Get(name);
                var prod = vars.Prod.Get(name);
                if (staging is null || prod is null)
                {
                    Verdict.Pass(
                        $"{name} is not set on both environments: nothing to compare (prod-config-vars-present judges a missing var)"
                    );
                    return;
                }

                var stagingDsn = SentryDsn.TryParse(staging.Reveal());
                var prodDsn = SentryDsn.TryParse(prod.Reveal());
                Seen.State(Environments.Staging, "Sentry", stagingDsn?.ToString() ?? staging.Masked);
                Seen.State(Environments.Prod, "Sentry", prodDsn?.ToString() ?? prod.Masked);
                var shared = staging.Equals(prod) || (stagingDsn is not null && prodDsn is not null && stagingDsn.SameProject(prodDsn));
                if (shared)
                {
                    Verdict.Warn(
                        $"prod and staging share one Sentry DSN ({prodDsn?.ToString() ?? prod.Masked}): their errors land in one project",
                        [$"{name} on {world.Config.Prod.App} and {world.Config.Staging.App}: {prodDsn?.ToString() ?? prod.Masked}"],
                        [$"if that is not intended: heroku config:set {name}=<prod project's DSN> --app {world.Config.Prod.App}"],
                        [new FindingData(name, "prod and staging share one Sentry project", null)]
                    );
                }
            }
        );
}
