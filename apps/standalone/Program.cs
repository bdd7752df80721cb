using Rose.Knowledge;
using Rose.Knowledge.Endpoints;
using Rose.Standalone;
using Rose.Tenancy;
using Rose.Tenancy.Endpoints;
using Rose.Widget;

// standalone: every app's endpoints in one process, on the embedded runtime and SQLite.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);
builder.Services.AddRoseKnowledge(builder.Configuration);
builder.Services.AddDemoTenant(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.MapOpenApi();
app.MapTenancyWidgetApi();
app.MapRoseWidget();
app.MapTenantManagementApi();
app.MapKnowledgeApi();
app.MapTenantAdminApi();
app.Run();

public partial class Program;
