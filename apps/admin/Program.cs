using Rose.Tenancy;
using Rose.Tenancy.Endpoints;

// admin: Rose staff's API (tenants; GEO republish and hostnames come with their modules).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.MapOpenApi();
app.MapTenantAdminApi();
app.Run();

public partial class Program;
