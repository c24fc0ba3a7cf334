using RaxxPreflight.Configuration;
using RaxxPreflight.Heroku;
using RaxxPreflight.Rules.Values;

namespace RaxxPreflight.Rules;

/// <summary>
/// Prod's Stripe keys are live and of their var's kind; staging holds no live key at all. Keys are read by the
/// full documented prefix table (<see cref="StripeKey"/>): organization keys, every kind, the mode whatever the kind.
/// </summary>
public static class StripeKeyFindings
{
    /// <summary>Every Stripe var that is missing on prod, of the wrong kind or mode, and every live key on staging.</summary>
    public static IReadOnlyList<Finding> Evaluate(ConfigVars staging, ConfigVars prod, StripeVarNames names)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(prod);
        ArgumentNullException.ThrowIfNull(names);
        (string Var, string Kind, string Prefix, VarKind VarKind)[] keys =
        [
            (names.SecretKey, "secret key", "sk_live_", VarKind.StripeSecretKey),
            (names.PublishableKey, "publishable key", "pk_live_", VarKind.StripePublishableKey),
            (names.RestrictedKey, "restricted key", "rk_live_", VarKind.StripeRestrictedKey),
            (names.WebhookSecret, "webhook signing secret", "whsec_", VarKind.StripeWebhookSecret),
        ];

        var findings = new List<Finding>();
        foreach (var (name, kind, prefix, varKind) in keys.Where(k => !names.Unused.Contains(k.Var)))
        {
            var set = $"{ConfigVarFindings.SetCommand(name, varKind, prod.App)} (Stripe dashboard > Developers > API keys, live mode)";
            var prodValue = prod.Get(name);
            var needed = varKind == VarKind.StripeWebhookSecret ? "a whsec_ signing secret of the live endpoint" : $"a {prefix} key";
            if (prodValue is null)
            {
                findings.Add(
                    new Finding(name, $"is not set on prod ({needed} is needed)", ConfigVarFindings.SetCommand(name, varKind, prod.App))
                );
                continue;
            }

            var found = StripeKey.Classify(prodValue.Reveal());
            if (found is null)
            {
                findings.Add(new Finding(name, $"on prod is not a Stripe key ({prodValue.Masked}); prod needs {needed}", set));
            }
            else if (found.Kind != kind)
            {
                findings.Add(
                    new Finding(
                        name,
                        $"on prod is {found.Words} ({prodValue.Masked}), not the {kind} this var holds; prod needs {needed}",
                        set
                    )
                );
            }
            else if (found.Mode is not null && !found.Live)
            {
                findings.Add(new Finding(name, $"on prod is a test-mode key ({prodValue.Masked}); prod needs {prefix}", set));
            }
            else if (found.Organization)
            {
                // An organization key acts on an account only with a Stripe-Context header on every request.
                findings.Add(
                    new Finding(
                        name,
                        $"on prod is an organization key ({prodValue.Masked}), which acts on an account only with a Stripe-Context header on every request; the service needs an account {prefix} key",
                        $"{ConfigVarFindings.SetCommand(name, varKind, prod.App)} (an account key: the account's Dashboard > Developers > API keys, live mode, not the organization's keys)"
                    )
                );
            }
        }

        // Any live key on staging, of whatever kind and in whatever var, would charge real cards from staging.
        foreach (var name in staging.SetNames)
        {
            var value = staging.Get(name)!;
            if (StripeKey.Classify(value.Reveal()) is { Live: true } live)
            {
                findings.Add(
                    new Finding(
                        name,
                        $"on staging is {live.Words} ({value.Masked}); staging must use test-mode keys",
                        $"heroku config:set {name}=<{live.Prefix.Replace("live", "test", StringComparison.Ordinal)}...> --app {staging.App}"
                    )
                );
            }
        }

        return findings;
    }
}
