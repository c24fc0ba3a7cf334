using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RaxxPreflight.Fakes.Scenarios;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>One app's resources, as one request sees the app, in the exact shapes of the Heroku Platform API schema.</summary>
internal sealed class HerokuResources(AppState state, Uri webUrl)
{
    private AppState State => state;

    private static readonly DateTimeOffset Created = new(2026, 3, 2, 17, 4, 11, TimeSpan.Zero);

    public string App() =>
        new JsonObject
        {
            ["acm"] = false,
            ["archived_at"] = null,
            ["buildpack_provided_description"] = null,
            ["build_stack"] = Named(StackId, "container"),
            ["created_at"] = Stamp(Created),
            ["generation"] = new JsonObject { ["id"] = "1c1e2d88-0f2d-4f0b-9c8f-3c8d1a6d7e01", ["name"] = "cedar" },
            ["git_url"] = $"https://git.heroku.com/{State.Name}.git",
            ["id"] = State.Id.ToString(),
            ["internal_routing"] = null,
            ["maintenance"] = false,
            ["name"] = State.Name,
            ["organization"] = null,
            ["owner"] = new JsonObject { ["email"] = "ops@raxx.app", ["id"] = "5b9f3c1e-7a2d-4e6f-8b1a-2c3d4e5f6a7b" },
            ["region"] = Named("59accabd-516d-4f0e-83e6-6e3757701145", "us"),
            ["released_at"] = Stamp(Created.AddDays(60)),
            ["repo_size"] = null,
            ["slug_size"] = null,
            ["space"] = null,
            ["stack"] = Named(StackId, "container"),
            ["team"] = null,
            ["updated_at"] = Stamp(Created.AddDays(60)),
            ["web_url"] = webUrl.ToString(),
        }.ToJsonString();

    public string ConfigVars()
    {
        var vars = new JsonObject();
        foreach (var (name, value) in State.ConfigVars)
        {
            vars[name] = value;
        }

        return vars.ToJsonString();
    }

    public IReadOnlyList<HerokuListItem> Addons() =>
        [
            .. State.Addons.Select(addon =>
            {
                var id = Uuid($"{State.Name}/{addon.Name}");
                var json = new JsonObject
                {
                    ["actions"] = new JsonArray(),
                    ["addon_service"] = Named(Uuid(addon.Service), addon.Service),
                    ["app"] = Named(State.Id.ToString(), State.Name),
                    ["billed_price"] = new JsonObject
                    {
                        ["cents"] = 5000,
                        ["contract"] = false,
                        ["unit"] = "month",
                    },
                    ["billing_entity"] = new JsonObject
                    {
                        ["id"] = State.Id.ToString(),
                        ["name"] = State.Name,
                        ["type"] = "app",
                    },
                    ["config_vars"] = new JsonArray([.. addon.Attachments.Select(a => (JsonNode)$"{a}_URL")]),
                    ["created_at"] = Stamp(Created),
                    ["id"] = id,
                    ["name"] = addon.Name,
                    ["plan"] = Named(Uuid(addon.Plan), addon.Plan),
                    ["provider_id"] = Uuid($"provider/{addon.Name}"),
                    ["provision_message"] = string.Empty,
                    ["state"] = "provisioned",
                    ["updated_at"] = Stamp(Created),
                    ["web_url"] = $"https://addons-sso.heroku.com/apps/{State.Id}/addons/{id}",
                };
                return new HerokuListItem(
                    json,
                    new Dictionary<string, IComparable>(StringComparer.Ordinal) { ["id"] = id, ["name"] = addon.Name }
                );
            }),
        ];

    public IReadOnlyList<HerokuListItem> Attachments() =>
        [
            .. State.Addons.SelectMany(addon =>
                addon.Attachments.Select(name =>
                {
                    var addonId = Uuid($"{State.Name}/{addon.Name}");
                    var id = Uuid($"{State.Name}/{addon.Name}/attachment/{name}");
                    var json = new JsonObject
                    {
                        ["addon"] = new JsonObject
                        {
                            ["id"] = addonId,
                            ["name"] = addon.Name,
                            ["app"] = Named(State.Id.ToString(), State.Name),
                        },
                        ["app"] = Named(State.Id.ToString(), State.Name),
                        ["created_at"] = Stamp(Created),
                        ["id"] = id,
                        ["name"] = name,
                        ["namespace"] = null,
                        ["updated_at"] = Stamp(Created),
                        ["web_url"] = addon.Service == "heroku-postgresql" ? $"https://data.heroku.com/datastores/{addonId}" : null,
                        ["log_input_url"] = null,
                    };
                    return new HerokuListItem(
                        json,
                        new Dictionary<string, IComparable>(StringComparer.Ordinal) { ["id"] = id, ["name"] = name }
                    );
                })
            ),
        ];

    public IReadOnlyList<HerokuListItem> Releases() =>
        [
            .. State.Releases.Select(release =>
            {
                var id = Uuid($"{State.Name}/release/{release.Version}");
                var json = new JsonObject
                {
                    ["addon_plan_names"] = new JsonArray([.. State.Addons.Select(a => (JsonNode)a.Plan)]),
                    ["artifacts"] = new JsonArray(),
                    ["app"] = Named(State.Id.ToString(), State.Name),
                    ["created_at"] = Stamp(release.CreatedAt),
                    ["description"] = release.Description,
                    ["id"] = id,
                    ["updated_at"] = Stamp(release.CreatedAt),
                    ["slug"] = release.Slug is null ? null : new JsonObject { ["id"] = release.Slug },
                    ["status"] = release.Status,
                    ["user"] = new JsonObject { ["email"] = "ops@raxx.app", ["id"] = "5b9f3c1e-7a2d-4e6f-8b1a-2c3d4e5f6a7b" },
                    ["version"] = release.Version,
                    ["current"] = release.Current,
                    ["output_stream_url"] = null,
                    ["eligible_for_rollback"] = !release.Current,
                };
                return new HerokuListItem(
                    json,
                    new Dictionary<string, IComparable>(StringComparer.Ordinal) { ["id"] = id, ["version"] = release.Version }
                );
            }),
        ];

    public IReadOnlyList<HerokuListItem> Formation() =>
        [
            .. State.Formation.Select(formation =>
            {
                var id = Uuid($"{State.Name}/formation/{formation.Type}");
                var json = new JsonObject
                {
                    ["app"] = Named(State.Id.ToString(), State.Name),
                    ["command"] = "/usr/local/bin/raxx-queue",
                    ["created_at"] = Stamp(Created),
                    ["dyno_size"] = new JsonObject { ["id"] = Uuid(formation.Size), ["name"] = formation.Size },
                    ["id"] = id,
                    ["quantity"] = formation.Quantity,
                    ["size"] = formation.Size,
                    ["type"] = formation.Type,
                    ["updated_at"] = Stamp(Created),
                };
                return new HerokuListItem(
                    json,
                    new Dictionary<string, IComparable>(StringComparer.Ordinal) { ["id"] = id, ["type"] = formation.Type }
                );
            }),
        ];

    public IReadOnlyList<HerokuListItem> Dynos() =>
        [
            .. State.Dynos.Select(dyno =>
            {
                var id = Uuid($"{State.Name}/dyno/{dyno.Name}");
                var json = new JsonObject
                {
                    ["app"] = Named(State.Id.ToString(), State.Name),
                    ["attach_url"] = null,
                    ["command"] = "/usr/local/bin/raxx-queue",
                    ["created_at"] = Stamp(Created),
                    ["id"] = id,
                    ["name"] = dyno.Name,
                    ["release"] = new JsonObject
                    {
                        ["id"] = Uuid($"{State.Name}/release/{dyno.ReleaseVersion}"),
                        ["version"] = dyno.ReleaseVersion,
                    },
                    ["size"] = dyno.Size,
                    ["state"] = dyno.State,
                    ["type"] = dyno.Name.Split('.')[0],
                    ["updated_at"] = Stamp(Created),
                };
                return new HerokuListItem(
                    json,
                    new Dictionary<string, IComparable>(StringComparer.Ordinal) { ["id"] = id, ["name"] = dyno.Name }
                );
            }),
        ];

    /// <summary><c>GET /apps/{app}/collaborators</c>: the owning account, as its one collaborator.</summary>
    public IReadOnlyList<HerokuListItem> Collaborators()
    {
        var id = Uuid($"{State.Name}/collaborator/{OwnerEmail}");
        var json = new JsonObject
        {
            ["app"] = Named(State.Id.ToString(), State.Name),
            ["created_at"] = Stamp(Created),
            ["id"] = id,
            ["permissions"] = new JsonArray(),
            ["role"] = "owner",
            ["updated_at"] = Stamp(Created),
            ["user"] = new JsonObject
            {
                ["email"] = OwnerEmail,
                ["federated"] = false,
                ["id"] = OwnerId,
            },
        };
        return
        [
            new HerokuListItem(json, new Dictionary<string, IComparable>(StringComparer.Ordinal) { ["id"] = id, ["email"] = OwnerEmail }),
        ];
    }

    /// <summary><c>GET /apps/{app}/pipeline-couplings</c>: both apps are coupled to the raxx-queue pipeline, at their stage.</summary>
    public string PipelineCoupling() =>
        new JsonObject
        {
            ["app"] = new JsonObject { ["id"] = State.Id.ToString() },
            ["created_at"] = Stamp(Created),
            ["id"] = Uuid($"{State.Name}/pipeline-coupling"),
            ["pipeline"] = new JsonObject { ["id"] = PipelineIdOf(State.Pipeline), ["name"] = State.Pipeline },
            ["stage"] = State.Stage,
            ["updated_at"] = Stamp(Created),
        }.ToJsonString();

    /// <summary>The pipeline both apps are coupled to.</summary>
    public const string PipelineName = "raxx-queue";

    /// <summary>Its id.</summary>
    public static string PipelineId => PipelineIdOf(PipelineName);

    /// <summary>The id of the pipeline named <paramref name="name"/>.</summary>
    public static string PipelineIdOf(string name) => Uuid($"pipeline/{name}");

    /// <summary><c>GET /pipelines/{id_or_name}</c>.</summary>
    public static JsonObject Pipeline(string name = PipelineName) =>
        new()
        {
            ["created_at"] = Stamp(Created),
            ["generation"] = new JsonObject { ["id"] = "1c1e2d88-0f2d-4f0b-9c8f-3c8d1a6d7e01", ["name"] = "cedar" },
            ["id"] = PipelineIdOf(name),
            ["name"] = name,
            ["owner"] = new JsonObject { ["id"] = OwnerId, ["type"] = "user" },
            ["updated_at"] = Stamp(Created),
        };

    /// <summary><c>GET /account</c>: the account the API key belongs to.</summary>
    public static string Account() =>
        new JsonObject
        {
            ["allow_tracking"] = false,
            ["beta"] = false,
            ["country_of_residence"] = null,
            ["created_at"] = Stamp(Created.AddYears(-2)),
            ["default_organization"] = null,
            ["default_team"] = null,
            ["delinquent_at"] = null,
            ["email"] = OwnerEmail,
            ["federated"] = false,
            ["id"] = OwnerId,
            ["identity_provider"] = null,
            ["last_login"] = Stamp(Created.AddDays(60)),
            ["name"] = "Raxx Ops",
            ["sms_number"] = null,
            ["suspended_at"] = null,
            ["two_factor_authentication"] = true,
            ["updated_at"] = Stamp(Created.AddDays(60)),
            ["verified"] = true,
        }.ToJsonString();

    private const string OwnerEmail = "ops@raxx.app";
    private const string OwnerId = "5b9f3c1e-7a2d-4e6f-8b1a-2c3d4e5f6a7b";

    private const string StackId = "69bee368-352b-4bd0-9b7c-819a6fa1d9d4";

    public static JsonObject Named(string id, string name) => new() { ["id"] = id, ["name"] = name };

    public static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A stable UUID for a name, so a scenario serves the same ids every run.</summary>
    public static string Uuid(string seed)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..16];
        return new Guid(bytes).ToString();
    }
}
