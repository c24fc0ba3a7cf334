using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;

namespace RaxxPreflight.Rules;

/// <summary>Prod's Stripe keys are live, staging's are test-mode.</summary>
public static class StripeKeyFindings
{
    /// <summary>Every Stripe var that is in the wrong mode, or missing on prod.</summary>
    public static IReadOnlyList<Finding> Evaluate(ConfigVars staging, ConfigVars prod, StripeVarNames names)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        ArgumentNullException.ThrowIfNull(names);
        (string Var, string Kind, VarKind VarKind)[] keys =
        [
            (names.SecretKey, "sk", VarKind.StripeSecretKey),
            (names.PublishableKey, "pk", VarKind.StripePublishableKey),
            (names.RestrictedKey, "rk", VarKind.StripeRestrictedKey),
        ];

        var findings = new List<Finding>();
        foreach (var (name, kind, varKind) in keys)
        {
            var live = $"{kind}_live_";
            var test = $"{kind}_test_";
            var prodValue = prod.Get(name);
            if (prodValue is null)
            {
                findings.Add(
                    new Finding(name, $"is not set on prod (a {live} key is needed)", ConfigVarFindings.SetCommand(name, varKind, prod.App))
                );
            }
            else if (!prodValue.HasPrefix(live))
            {
                var found = prodValue.HasPrefix(test) ? "a test-mode key" : "not a Stripe key";
                findings.Add(
                    new Finding(
                        name,
                        $"on prod is {found} ({prodValue.Masked}); prod needs {live}",
                        $"{ConfigVarFindings.SetCommand(name, varKind, prod.App)} (Stripe dashboard > Developers > API keys, live mode)"
                    )
                );
            }

            if (staging.Get(name) is { } stagingValue && stagingValue.HasPrefix(live))
            {
                findings.Add(
                    new Finding(
                        name,
                        $"on staging is a live key ({stagingValue.Masked}); staging must use {test}",
                        $"heroku config:set {name}=<{test}...> --app {staging.App}"
                    )
                );
            }
        }

        var webhook = prod.Get(names.WebhookSecret);
        if (webhook is null)
        {
            findings.Add(
                new Finding(
                    names.WebhookSecret,
                    "is not set on prod (a whsec_ signing secret of the live endpoint is needed)",
                    ConfigVarFindings.SetCommand(names.WebhookSecret, VarKind.StripeWebhookSecret, prod.App)
                )
            );
        }
        else if (!webhook.HasPrefix("whsec_"))
        {
            findings.Add(
                new Finding(
                    names.WebhookSecret,
                    $"on prod is not a webhook signing secret ({webhook.Masked}); it must start with whsec_",
                    ConfigVarFindings.SetCommand(names.WebhookSecret, VarKind.StripeWebhookSecret, prod.App)
                )
            );
        }

        return findings;
    }
}
