using RaxxPreflight.Checks.Session;

namespace RaxxPreflight.Checks.PreDeploy;

/// <summary>A key with the right prefix can still be revoked or mistyped: Stripe itself must accept it as live.</summary>
[PreDeploy]
public sealed class StripeKeyVerifiedCheck(PreflightSession session)
{
    [Fact(DisplayName = "Stripe accepts prod's secret key and says it is live (GET /v1/balance)")]
    [Check(CheckIds.StripeKeyVerified)]
    public async Task Stripe_accepts_the_prod_key_as_live()
    {
        var world = session.World;
        var name = world.Config.Stripe.SecretKey;
        var app = world.Config.Prod.App;
        var setKey = $"heroku config:set {name}=<sk_live_...> --app {app} (Stripe dashboard > Developers > API keys, live mode)";
        var prodVars = await world.ProdVars;
        var key = prodVars.Get(name);
        key.ShouldNotBeNull(Verdict.Message($"prod has no {name} to verify with Stripe", [$"{name} is not set on {app}"], [setKey]));

        var answer = await world.ProdStripeKey;
        answer.ShouldNotBeNull();
        answer.Refusal.ShouldBeNull(
            Verdict.Message(
                $"Stripe refused prod's {name} ({key.Masked}) with {answer.Status}: {answer.Refusal}",
                [$"GET /v1/balance answered {answer.Status}"],
                [setKey]
            )
        );
        answer.Livemode.ShouldBe(
            true,
            Verdict.Message(
                $"Stripe says prod's {name} ({key.Masked}) is a test-mode key (livemode: false)",
                ["GET /v1/balance answered 200 with livemode: false"],
                [setKey]
            )
        );
    }
}
