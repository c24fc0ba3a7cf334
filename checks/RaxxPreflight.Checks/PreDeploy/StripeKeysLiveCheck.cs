using RaxxPreflight.Checks.Session;
using RaxxPreflight.Declarations;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>Prod bills real customers only with live keys; staging must never hold one.</summary>
public sealed class StripeKeysLiveCheck(PreflightSession session)
{
    [Item(
        CheckIds.StripeKeysLive,
        Phase.PreDeploy,
        "Prod's Stripe keys are live (sk_live_, pk_live_, rk_live_, whsec_) and staging's are test-mode",
        Sources = Source.Heroku,
        FirstReads = [FirstRead.ConfigVars]
    )]
    public Task Stripe_keys_are_live_on_prod_only() =>
        Item.RunAsync(
            session,
            async () =>
            {
                var world = session.World;
                var (staging, prod) = await world.ConfigVarsAsync();
                Verdict.AppliesUnless(
                    Applicability.Stripe(staging, prod, world.Config.Stripe, world.Config.Staging.App, world.Config.Prod.App)
                );
                foreach (var (environment, vars) in new[] { (Stages.Staging, staging), (Stages.Prod, prod) })
                {
                    foreach (var name in world.Config.Stripe.All)
                    {
                        Seen.State(environment, name, vars.Get(name)?.Masked ?? "not set");
                    }
                }

                var findings = StripeKeyFindings.Evaluate(staging, prod, world.Config.Stripe);
                Verdict.NoFindings(
                    findings,
                    $"{findings.Count} Stripe key{(findings.Count == 1 ? " is" : "s are")} missing or in the wrong mode: {string.Join(", ", findings.Select(f => f.Subject).Distinct(StringComparer.Ordinal))}"
                );
            }
        );
}
