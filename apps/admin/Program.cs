using Rose.Storage;
using Rose.Platform;
using Rose.Tenancy;
using Rose.Tenancy.Endpoints;
using Rose.Tenancy.Http;

// admin: Rose staff's API (tenants, dead letters; GEO republish and hostnames come with their modules).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);
builder.Services.AddRosePlatform(builder.Configuration);
// admin owns dead letters: on Dapr it reads the dead-letter topic of every topic on the pubsub
// component (knowledge.updated travels on the broadcast component; a lost index refresh heals on the next one).
builder.Services.AddRoseDeadLetterReader(builder.Configuration, "conversation.message", "conversation.ended", "lead.captured", "lead.qualified");

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.MapRosePlatform();
app.MapOpenApi();
app.MapTenantAdminApi();
app.MapGroup("/admin/v1").RequireStaffKey().MapDeadLetterAdmin();
await app.RunOrMigrateOnlyAsync();

public partial class Program;
