using System.Text.Json.Serialization;
using RaxxPreflight.Heroku;
using RaxxPreflight.Stripe;

namespace RaxxPreflight.Http;

/// <summary>
/// The APIs' answers the checklist reads, their JSON contracts generated at compile time: a run reads each shape
/// without building it by reflection first (a run's start is mostly such first uses). <see cref="RemoteResponse.SnakeCase"/>
/// falls back to reflection for any other type.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HerokuApp))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
[JsonSerializable(typeof(HerokuLogSession))]
[JsonSerializable(typeof(List<HerokuAddon>))]
[JsonSerializable(typeof(List<HerokuAttachment>))]
[JsonSerializable(typeof(List<HerokuRelease>))]
[JsonSerializable(typeof(List<HerokuFormation>))]
[JsonSerializable(typeof(List<HerokuDyno>))]
[JsonSerializable(typeof(StripeClient.StripeBalance))]
internal sealed partial class ApiJson : JsonSerializerContext;
