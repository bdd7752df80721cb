using Rose.Geo;
using Rose.Geo.Api;
using Rose.Storage;
using Rose.Geo.Site;
using Rose.Platform;
using Rose.Tenancy;
using Rose.Tenancy.Endpoints;
using Rose.Tenancy.Http;
using Rose.Workflows;
using Rose.Workflows.Api;

// admin: Rose staff's API (tenants and their off-boarding, dead letters, GEO republish and custom hostnames).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);
builder.Services.AddRosePlatform(builder.Configuration);
// GEO runs are hosted by the worker: on Dapr this app reaches them through the worker's workflow API.
builder.Services.AddRoseGeoRecords(builder.Configuration);
builder.Services.AddRoseGeoWorkflows();
// admin owns dead letters: on Dapr it reads the dead-letter topic of every topic on the pubsub
// component (knowledge.updated travels on the broadcast component; a lost index refresh heals on the next one).
builder.Services.AddRoseGeoHostnames(builder.Configuration);
builder.Services.AddRoseDeadLetterReader(builder.Configuration, "conversation.message", "conversation.ended", "lead.qualified", "lead.captured", "conversion.recorded");

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.MapRosePlatform();
app.MapOpenApi();
app.MapTenantAdminApi();
app.MapTenantOffboardingApi();
app.MapGeoAdminApi();
app.MapGroup("/admin/v1").RequireStaffKey().MapDeadLetterAdmin();
app.MapRoseGeoHostnames();
await app.RunOrMigrateOnlyAsync();

public partial class Program;
