// The developer's environment: the standalone host on the embedded runtime, with the Aspire dashboard.
// The Dapr shape (one project per app with a daprd sidecar) comes with the building-blocks work.
var builder = DistributedApplication.CreateBuilder(args);

builder.AddProject<Projects.Rose_Standalone>("standalone")
    .WithHttpHealthCheck("/health");

builder.Build().Run();
