using Rose.Storage;
using Rose.Platform;
using Rose.Worker;

// worker: cron jobs, pub/sub consumers and the workflows, on Dapr or the embedded runtime (Rose:Runtime).
var builder = WebApplication.CreateBuilder(args);
builder.AddBasicServiceDefaults();
builder.Services.AddRosePlatform(builder.Configuration);
builder.Services.AddWorkerServices(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRosePlatform();
await app.RunOrMigrateOnlyAsync();

public partial class Program;
