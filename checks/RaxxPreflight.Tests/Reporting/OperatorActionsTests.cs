using RaxxPreflight.Reporting;

namespace RaxxPreflight.Tests.Reporting;

/// <summary>The run ends with the operator's actions as the seed wrote them: each once, one config:set per app, in order.</summary>
public class OperatorActionsTests
{
    [Fact]
    public void Each_fix_once_config_vars_of_one_app_in_one_command_failures_before_warnings()
    {
        var results = new[]
        {
            ResultsOf.Item(
                CheckIds.SentryDsnPerEnvironment,
                CheckStatus.Warn,
                "shared DSN",
                "if that is not intended: heroku config:set SENTRY_DSN_QUEUE=<prod project's DSN> --app raxx-queue-prod"
            ),
            ResultsOf.Item(
                CheckIds.ProdConfigVarsPresent,
                CheckStatus.Fail,
                "lacks 2",
                "heroku config:set RAPTOR_BASE_URL=<https URL> --app raxx-queue-prod",
                "heroku config:set QUEUE_SERVICE_TOKEN_CRON=<64-hex token> --app raxx-queue-prod"
            ),
            ResultsOf.Item(
                CheckIds.StripeKeysLive,
                CheckStatus.Fail,
                "not live",
                "heroku config:set STRIPE_API_KEY=<sk_live_...> --app raxx-queue-prod (Stripe dashboard > Developers > API keys, live mode)",
                "heroku config:set RAPTOR_BASE_URL=<https URL> --app raxx-queue-prod",
                "heroku config:set STRIPE_API_KEY=<sk_live_...> --app raxx-console-prod"
            ),
            ResultsOf.Item(CheckIds.ProdFormationSet, CheckStatus.Fail, "no formation", "heroku ps:scale web=1 --app raxx-queue-prod"),
            ResultsOf.Item(CheckIds.ProdDynosUp, CheckStatus.Fail, "no dyno", "heroku ps:scale web=1 --app raxx-queue-prod"),
            ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass, null, "heroku ps --app raxx-queue-staging"),
        };

        OperatorActions
            .From(results)
            .ShouldBe([
                "heroku config:set RAPTOR_BASE_URL=<https URL> QUEUE_SERVICE_TOKEN_CRON=<64-hex token> STRIPE_API_KEY=<sk_live_...> --app raxx-queue-prod  # Stripe dashboard > Developers > API keys, live mode",
                "heroku config:set STRIPE_API_KEY=<sk_live_...> --app raxx-console-prod",
                "heroku ps:scale web=1 --app raxx-queue-prod",
                "if that is not intended: heroku config:set SENTRY_DSN_QUEUE=<prod project's DSN> --app raxx-queue-prod",
            ]);
        OperatorActions.From([ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass)]).ShouldBeEmpty();
    }

    [Fact]
    public void A_service_where_nothing_applies_fails_the_run_by_name()
    {
        var outcome = ResultsOf.Outcome(
            ResultsOf.Item(CheckIds.StagingHealthy, CheckStatus.Pass) with
            {
                Service = "raxx-api",
            },
            ResultsOf.Item(CheckIds.StripeKeysLive, CheckStatus.NotApplicable, "no Stripe") with
            {
                Service = "raxx-velvet",
            }
        );

        outcome.IdleServices.ShouldBe(["raxx-velvet"]);
        outcome.Passed.ShouldBeFalse();
        outcome.RunExitCode.ShouldBe(1);
        outcome.Tail().ShouldContain("FAIL  no item applies to raxx-velvet: nothing of it was checked.");
    }
}
