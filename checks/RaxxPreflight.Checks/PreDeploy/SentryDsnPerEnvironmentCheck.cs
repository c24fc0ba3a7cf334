using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Reporting;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>One Sentry project for both environments mixes prod's errors with staging's. Worth a warning, not a block.</summary>
public sealed class SentryDsnPerEnvironmentCheck(PreflightSession session)
{
    [Item(
        CheckIds.SentryDsnPerEnvironment,
        Phase.PreDeploy,
        "Prod and staging report to different Sentry projects (warns when they share one)",
        Sources = Source.Heroku,
        FirstReads = [FirstRead.ConfigVars]
    )]
    public Task Prod_has_its_own_sentry_project() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var name = world.Config.SentryDsnVar;
                var vars = await world.ConfigVarsAsync();
                Verdict.AppliesUnless(Applicability.Sentry(vars.Staging, vars.Prod, name, world.Config.Staging.App, world.Config.Prod.App));
                var staging = vars.Staging.Get(name);
                var prod = vars.Prod.Get(name);
                if (staging is null || prod is null)
                {
                    Verdict.Pass(
                        $"{name} is not set on both environments: nothing to compare (prod-config-vars-present judges a missing var)"
                    );
                    return;
                }

                var (shared, stagingSeen, prodSeen) = SentryDsn.Compare(staging, prod);
                Seen.State(Stages.Staging, "Sentry", stagingSeen);
                Seen.State(Stages.Prod, "Sentry", prodSeen);
                if (shared)
                {
                    Verdict.Warn(
                        $"prod and staging share one Sentry DSN ({prodSeen}): their errors land in one project",
                        [$"{name} on {world.Config.Prod.App} and {world.Config.Staging.App}: {prodSeen}"],
                        [$"if that is not intended: {FixCommands.ConfigSet(world.Config.Prod.App, name, "<prod project's DSN>")}"],
                        [new Finding(name, "prod and staging share one Sentry project", null)]
                    );
                }
            }
        );
}
