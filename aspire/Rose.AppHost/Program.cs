using Rose.AppHost;

// The developer's environment with the Aspire dashboard. Where daprd exists, every app runs with
// its own sidecar (the production shape); where it does not, the standalone host runs them all
// on the embedded runtime. Rose:AppHost:Infrastructure=Local uses Debian's redis-server and
// postgres instead of containers, for machines without Docker.
var builder = DistributedApplication.CreateBuilder(args);
var options = AppHostOptions.From(builder.Configuration);
var daprd = options.FindDaprd();
var infrastructure = RoseInfrastructure.Add(builder, options, forDapr: daprd is not null);

if (daprd is null)
{
    builder.AddRoseStandalone(infrastructure);
}
else
{
    builder.AddRoseDaprApps(infrastructure, daprd, options.LocalDataPath ?? Path.Combine(Path.GetTempPath(), "rose-apphost-dapr"));
}

builder.Build().Run();
