namespace RaxxPreflight.Stripe;

/// <summary>What Stripe answered for a secret key.</summary>
/// <param name="Status">200, or 401/403 when the key was refused.</param>
/// <param name="Livemode">The balance's <c>livemode</c> when the key was accepted.</param>
/// <param name="Refusal">Stripe's message when it was refused, the key masked.</param>
public sealed record StripeKeyCheck(int Status, bool? Livemode, string? Refusal);
