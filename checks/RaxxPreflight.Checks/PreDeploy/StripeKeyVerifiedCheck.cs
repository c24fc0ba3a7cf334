using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>A key with the right prefix can still be revoked or mistyped: Stripe itself must accept it as live.</summary>
public sealed class StripeKeyVerifiedCheck(PreflightSession session)
{
    [Item(
        CheckIds.StripeKeyVerified,
        Phase.PreDeploy,
        "Stripe accepts prod's secret key and says it is live (GET /v1/balance)",
        Sources = Source.Heroku | Source.Stripe,
        FirstReads = [FirstRead.ProdStripeKey]
    )]
    public Task Stripe_accepts_the_prod_key_as_live() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var name = world.Config.Stripe.SecretKey;
                var app = world.Config.Prod.App;
                var setKey = $"{FixCommands.ConfigSet(app, name, "<sk_live_...>")} (Stripe dashboard > Developers > API keys, live mode)";
                var (stagingVars, prodVars) = await world.ConfigVarsAsync();
                Verdict.AppliesUnless(
                    Applicability.Stripe(stagingVars, prodVars, world.Config.Stripe, world.Config.Staging.App, world.Config.Prod.App)
                );
                var key = prodVars.Get(name);
                Verdict.NotNull(key, $"prod has no {name} to verify with Stripe", [$"{name} is not set on {app}"], [setKey]);

                var answer = await world.ProdStripeKey;
                Verdict.NotNull(answer, $"prod's {name} was not sent to Stripe", [], [setKey]);
                Seen.State(
                    Stages.Prod,
                    "Stripe's answer to its secret key",
                    answer.Refusal is null
                        ? $"{answer.Status}, livemode: {(answer.Livemode == true ? "true" : "false")}"
                        : $"{answer.Status}: refused"
                );
                Verdict.That(
                    answer.Refusal is null,
                    $"Stripe refused prod's {name} ({key.Masked}) with {answer.Status}: {answer.Refusal}",
                    [$"GET /v1/balance answered {answer.Status}"],
                    [setKey]
                );
                Verdict.That(
                    answer.Livemode == true,
                    $"Stripe says prod's {name} ({key.Masked}) is a test-mode key (livemode: false)",
                    ["GET /v1/balance answered 200 with livemode: false"],
                    [setKey]
                );
            }
        );
}
