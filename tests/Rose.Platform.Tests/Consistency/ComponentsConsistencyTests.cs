using Rose.Platform.Bindings;
using Rose.Platform.Dapr;
using Rose.Platform.PubSub;
using Xunit;

namespace Rose.Platform.Tests.Consistency;

/// <summary>Every component, topic, binding and app-id the code names exists in components/ and dapr.yaml, and vice versa.</summary>
public sealed class ComponentsConsistencyTests
{
    private static readonly IReadOnlyList<DaprResource> Resources = DaprResource.LoadAll();

    private static IEnumerable<DaprResource> Components => Resources.Where(r => r.Kind == "Component");

    /// <summary>Each file of components/ with its parsed YAML, for what <see cref="DaprResource"/> does not keep.</summary>
    private static IEnumerable<(DaprResource Resource, object Root)> Raw =>
        Resources.Select(r => (r, MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "components", r.File)))));

    private static IEnumerable<(string Name, string Secret, string Key)> SecretRefs(object root) =>
        (((Dictionary<string, object>)root).TryGetValue("spec", out var spec) ? spec.List("metadata") : [])
            .Cast<Dictionary<string, object>>()
            .Where(m => m.ContainsKey("secretKeyRef"))
            .Select(m => ((string)m["name"], m.Map("secretKeyRef").Scalar("name")!, m.Map("secretKeyRef").Scalar("key")!));

    [Fact]
    public void Every_component_the_code_names_has_a_file_and_every_file_is_named_in_code()
    {
        var inCode = DaprComponents.All.Concat(DeclaredInCode.CronJobs.Select(j => j.Name)).Order().ToList();

        Assert.Equal(inCode, Components.Select(c => c.Name).Order());
        Assert.All(Components, c => Assert.Equal(c.Name + ".yaml", c.File));
    }

    [Fact]
    public void Components_have_the_types_the_adapters_expect()
    {
        var types = Components.ToDictionary(c => c.Name, c => c.Type);

        Assert.Equal("state.redis", types[DaprComponents.StateStore]);
        Assert.Equal("pubsub.redis", types[DaprComponents.PubSub]);
        Assert.Equal("pubsub.redis", types[DaprComponents.BroadcastPubSub]);
        Assert.StartsWith("bindings.", types[DaprComponents.BlobStore], StringComparison.Ordinal);
        Assert.StartsWith("secretstores.", types[DaprComponents.SecretStore], StringComparison.Ordinal);
        Assert.Equal("true", Components.Single(c => c.Name == DaprComponents.StateStore).Metadata["actorStateStore"]);
    }

    [Fact]
    public void Blob_binding_is_the_kind_the_adapter_defaults_to_and_every_example_decodes_base64()
    {
        // The binding type per Rose:Platform:BlobBinding:Kind (components-contrib's type names).
        var types = new Dictionary<string, string>
        {
            ["localstorage"] = "bindings.localstorage",
            ["s3"] = "bindings.aws.s3",
            ["gcs"] = "bindings.gcp.bucket",
            ["azure"] = "bindings.azure.blobstorage",
        };
        Assert.Equal(BlobBindingOptions.Kinds.Order(), types.Keys.Order());
        Assert.Equal(types[new BlobBindingOptions().Kind], Components.Single(c => c.Name == DaprComponents.BlobStore).Type);

        var examples = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "components", "examples"), "blobstore.*.yaml").Select(DaprResource.Load).ToList();
        Assert.Equal(["bindings.aws.s3", "bindings.azure.blobstorage", "bindings.gcp.bucket"], examples.Select(e => e.Type).Order());
        Assert.All(examples, e =>
        {
            Assert.Equal(DaprComponents.BlobStore, e.Name);
            // Rose sends Base64; these bindings store it as-is unless told to decode.
            Assert.Equal("true", e.Metadata["decodeBase64"]);
            var kind = types.Single(t => t.Value == e.Type).Key;
            Assert.Contains($"Rose__Platform__BlobBinding__Kind={kind}", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "components", "examples", e.File)), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Each_pubsub_component_allows_exactly_the_topics_its_events_name_and_their_dead_letter_topics()
    {
        var events = DeclaredInCode.Events;
        Assert.Contains(events, e => e.Topic == "knowledge.updated" && e.PubSub == DaprComponents.BroadcastPubSub);
        Assert.Contains(events, e => e.Topic == "conversation.ended" && e.PubSub == DaprComponents.PubSub);
        // Every topic travels on exactly one component, whichever event types use it.
        Assert.All(events.GroupBy(e => e.Topic), topic => Assert.Single(topic.Select(e => e.PubSub).Distinct()));
        Assert.Equal(DeclaredInCode.Topics, events.Select(e => e.Topic).Distinct().Order(StringComparer.Ordinal));

        foreach (var pubsub in Components.Where(c => c.Type == "pubsub.redis"))
        {
            var topics = events.Where(e => e.PubSub == pubsub.Name).Select(e => e.Topic).Distinct().ToList();
            var expected = topics.Concat(topics.Select(Topics.DeadLetterFor)).Order();
            Assert.Equal(expected, pubsub.Metadata["allowedTopics"].Split(',').Select(t => t.Trim()).Order());
        }

        Assert.All(events, e => Assert.Contains(e.PubSub, Components.Where(c => c.Type == "pubsub.redis").Select(c => c.Name)));
    }

    [Fact]
    public void Pubsub_streams_are_bounded_and_only_the_broadcast_component_gives_each_sidecar_its_own_group()
    {
        var shared = Components.Single(c => c.Name == DaprComponents.PubSub);
        var broadcast = Components.Single(c => c.Name == DaprComponents.BroadcastPubSub);

        Assert.All(new[] { shared, broadcast }, c => Assert.True(int.Parse(c.Metadata["maxLenApprox"], System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.Equal("{appID}", shared.Metadata["consumerID"]);
        // {uuid} is replaced per sidecar start in self-hosted mode and on Kubernetes; {podName} fails without POD_NAME.
        Assert.Equal("{uuid}", broadcast.Metadata["consumerID"]);
        Assert.Equal([AppIds.Search, AppIds.Worker], broadcast.Scopes.Order());
        Assert.Equal(shared.Metadata["redisHost"], broadcast.Metadata["redisHost"]);
    }

    [Fact]
    public void Every_cron_job_has_a_cron_binding_with_the_same_schedule_and_route_scoped_to_the_app_that_runs_it()
    {
        Assert.Contains(DeclaredInCode.CronJobs, j => j.Name == "conversation-idle-check");
        foreach (var job in DeclaredInCode.CronJobs)
        {
            var binding = Components.Single(c => c.Name == job.Name);
            Assert.Equal("bindings.cron", binding.Type);
            Assert.Equal(job.Schedule, binding.Metadata["schedule"]);
            Assert.Equal("/" + job.Name, binding.Metadata["route"]);
            Assert.Equal("input", binding.Metadata["direction"]);
            Assert.Equal([job.RunBy], binding.Scopes);
            Cronos.CronExpression.Parse(job.Schedule, Cronos.CronFormat.IncludeSeconds);
        }

        Assert.Equal(
            DeclaredInCode.CronJobs.Select(j => j.Name).Order(),
            Components.Where(c => c.Type == "bindings.cron").Select(c => c.Name).Order());
    }

    [Fact]
    public void Every_component_is_scoped_to_known_app_ids_only()
    {
        Assert.All(Components, c =>
        {
            Assert.NotEmpty(c.Scopes);
            Assert.All(c.Scopes, scope => Assert.Contains(scope, AppIds.All));
        });
        // The gateway only proxies through its sidecar's invocation API: it loads no component.
        Assert.All(AppIds.All.Except([AppIds.Gateway]), appId => Assert.Contains(Components, c => c.Scopes.Contains(appId)));
        Assert.DoesNotContain(Components, c => c.Scopes.Contains(AppIds.Gateway));
    }

    [Fact]
    public void Secret_store_hands_out_only_prefixed_variables_and_only_to_apps_whose_components_need_them()
    {
        var store = Components.Single(c => c.Name == DaprComponents.SecretStore);
        Assert.Equal("secretstores.local.env", store.Type);
        Assert.Equal("ROSE_SECRET_", store.Metadata["prefix"]);

        var users = Raw.Where(r => r.Resource.Kind == "Component" && r.Resource.Name != DaprComponents.SecretStore)
            .Where(r => SecretRefs(r.Root).Any())
            .ToList();
        Assert.All(users, u => Assert.Equal(DaprComponents.SecretStore, u.Root.Map("auth").Scalar("secretStore")));
        Assert.Equal(users.SelectMany(u => u.Resource.Scopes).Distinct().Order(), store.Scopes.Order());

        // No app reads a secret through the secrets API; components still resolve their references.
        var scopes = MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "components", "config.yaml"))).Map("spec").Map("secrets").List("scopes").Cast<Dictionary<string, object>>().Single();
        Assert.Equal((DaprComponents.SecretStore, "deny"), ((string)scopes["storeName"], (string)scopes["defaultAccess"]));
        Assert.False(scopes.ContainsKey("allowedSecrets"));
    }

    [Fact]
    public void Redis_components_take_the_password_from_the_secret_store()
    {
        var redis = Raw.Where(r => r.Resource.Type is "state.redis" or "pubsub.redis").ToList();

        Assert.Equal(3, redis.Count);
        Assert.All(redis, r =>
        {
            Assert.Equal(DaprComponents.SecretStore, r.Root.Map("auth").Scalar("secretStore"));
            var password = Assert.Single(SecretRefs(r.Root), s => s.Name == "redisPassword");
            Assert.Equal(("redis-password", "redis-password"), (password.Secret, password.Key));
            Assert.DoesNotContain("redisPassword", r.Resource.Metadata.Keys);
        });
    }

    [Fact]
    public void Every_app_has_an_access_configuration_that_denies_by_default_and_allows_only_its_callers()
    {
        var callers = new Dictionary<string, string[]>
        {
            [AppIds.Gateway] = [],
            [AppIds.Search] = [AppIds.Gateway],
            [AppIds.Backoffice] = [AppIds.Gateway],
            [AppIds.Admin] = [AppIds.Gateway],
            [AppIds.Worker] = [AppIds.Backoffice, AppIds.Admin],
        };
        var shared = MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "components", "config.yaml"))).Map("spec");
        Assert.False(shared.ContainsKey("accessControl"));
        Assert.Equal(AppIds.All.Order(), callers.Keys.Order());
        Assert.Equal(
            AppIds.All.Select(a => a + ".yaml").Order(),
            Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "components", "access"), "*.yaml").Select(Path.GetFileName).Order());

        foreach (var (appId, allowed) in callers)
        {
            var root = MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "components", "access", appId + ".yaml")));
            Assert.Equal("Configuration", root.Scalar("kind"));
            Assert.Equal("rose-" + appId, root.Map("metadata").Scalar("name"));
            var spec = root.Map("spec");
            Assert.Equal(shared.Map("tracing").Map("otel")["endpointAddress"], spec.Map("tracing").Map("otel")["endpointAddress"]);
            Assert.Equal("deny", spec.Map("secrets").List("scopes").Cast<Dictionary<string, object>>().Single()["defaultAccess"]);
            var access = spec.Map("accessControl");
            Assert.Equal(("deny", "public"), ((string)access["defaultAction"], (string)access["trustDomain"]));
            var policies = access.List("policies").Cast<Dictionary<string, object>>().ToList();
            Assert.Equal(allowed.Order(), policies.Select(p => (string)p["appId"]).Order());
            // daprd ignores a policy without trustDomain or namespace (dapr/dapr pkg/acl/acl.go ParseAccessControlSpec).
            Assert.All(policies, p => Assert.Equal(("allow", "public", "default"), ((string)p["defaultAction"], (string)p["trustDomain"], (string)p["namespace"])));
        }
    }

    [Fact]
    public void Resiliency_targets_only_existing_components_and_app_ids()
    {
        var resiliency = MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "components", "resiliency.yaml")));
        var targets = resiliency.Map("spec").Map("targets");

        Assert.Equal(AppIds.All.Order(), targets.Map("apps").Keys.Order());
        Assert.All(targets.Map("components").Keys, name => Assert.Contains(name, DaprComponents.All));
        Assert.Contains(DaprComponents.StateStore, targets.Map("components").Keys);
        Assert.Contains(DaprComponents.PubSub, targets.Map("components").Keys);
        Assert.Contains(DaprComponents.BroadcastPubSub, targets.Map("components").Keys);
    }

    [Fact]
    public void Event_delivery_retries_the_same_on_both_runtimes()
    {
        var resiliency = MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "components", "resiliency.yaml")));
        var spec = resiliency.Map("spec");
        var eventDelivery = spec.Map("policies").Map("retries").Map("eventDelivery");
        var outbox = new OutboxOptions();

        Assert.Equal("exponential", eventDelivery["policy"]);
        Assert.Equal(outbox.MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture), eventDelivery["maxRetries"]);
        Assert.Equal(outbox.MaxBackoff, GoDuration.Parse((string)eventDelivery["maxInterval"]));
        // What resiliency YAML cannot set: dapr/kit retry.DefaultConfig's InitialInterval and Multiplier.
        Assert.Equal(TimeSpan.FromMilliseconds(500), outbox.InitialBackoff);
        Assert.Equal(1.5, outbox.BackoffMultiplier);
        Assert.All(
            Components.Where(c => c.Type == "pubsub.redis"),
            pubsub => Assert.Equal("eventDelivery", spec.Map("targets").Map("components").Map(pubsub.Name).Map("inbound")["retry"]));
    }

    [Fact]
    public void Dapr_run_file_lists_every_app_id_with_its_folder_and_launch_port()
    {
        var run = MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "dapr.yaml")));
        var apps = run.List("apps").Cast<Dictionary<string, object>>().ToList();

        Assert.Equal(AppIds.All.Order(), apps.Select(a => (string)a["appID"]).Order());
        foreach (var app in apps)
        {
            var appId = (string)app["appID"];
            Assert.Equal($"./apps/{appId}/", app["appDirPath"]);
            var launch = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "apps", appId, "Properties", "launchSettings.json"));
            Assert.Contains($"http://localhost:{app["appPort"]}", launch, StringComparison.Ordinal);
            Assert.Contains($"http://localhost:{app["appPort"]}", (List<object>)app["command"]);
        }

        var common = run.Map("common");
        Assert.Equal("./components", common["resourcesPath"]);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, (string)common["configFilePath"])));
        Assert.Equal("Dapr", common.Map("env")["Rose__Runtime"]);
    }

    [Fact]
    public void Dapr_run_file_points_the_gateways_direct_route_at_searchs_port()
    {
        var apps = MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "dapr.yaml"))).List("apps").Cast<Dictionary<string, object>>().ToList();
        var search = apps.Single(a => (string)a["appID"] == AppIds.Search);
        var gateway = apps.Single(a => (string)a["appID"] == AppIds.Gateway);

        Assert.Equal($"http://localhost:{search["appPort"]}", gateway.Map("env")["Rose__Gateway__Destinations__search"]);
    }

    [Fact]
    public void Dapr_run_file_lets_the_largest_upload_through_every_sidecar()
    {
        var common = MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "dapr.yaml"))).Map("common");
        var maxBodySize = (string)common["maxBodySize"];
        Assert.EndsWith("Mi", maxBodySize, StringComparison.Ordinal);
        var bytes = long.Parse(maxBodySize[..^2], System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024;

        // The upload limit plus room for the multipart envelope (boundaries, part headers, other fields).
        Assert.True(bytes >= new Rose.Knowledge.KnowledgeOptions().MaxDocumentBytes + (1024 * 1024), $"maxBodySize {maxBodySize} is below Rose.Knowledge's upload limit");
    }

    [Fact]
    public void Configuration_traces_to_otlp()
    {
        var config = DaprResource.Load(Path.Combine(RepositoryRoot.Path, "components", "config.yaml"));
        var tracing = MiniYaml.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "components", "config.yaml"))).Map("spec").Map("tracing");

        Assert.Equal("Configuration", config.Kind);
        Assert.Equal("grpc", tracing.Map("otel")["protocol"]);
    }
}
