using Rose.Platform;
using Rose.Platform.PubSub.Events;
using Rose.Tenancy;
using Rose.Tenancy.Endpoints;
using Rose.Tenancy.Http;

// admin: Rose staff's API (tenants, dead letters; GEO republish and hostnames come with their modules).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);
builder.Services.AddRosePlatform(builder.Configuration);
// admin owns dead letters: on Dapr it reads the dead-letter topic of each event Rose publishes.
builder.Services.AddRoseDeadLetterReader(builder.Configuration, typeof(ConversationMessagePosted), typeof(ConversationEnded), typeof(KnowledgeUpdated));

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.MapRosePlatform();
app.MapOpenApi();
app.MapTenantAdminApi();
app.MapGroup("/admin/v1").RequireStaffKey().MapDeadLetterAdmin();
app.Run();

public partial class Program;
