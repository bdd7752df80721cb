using Rose.Tenancy;
using Rose.Tenancy.Endpoints;
using Rose.Widget;

// search: the website agent's API, called by the widget through the gateway.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.MapOpenApi();
app.MapTenancyWidgetApi();
app.MapRoseWidget();
app.Run();

public partial class Program;
