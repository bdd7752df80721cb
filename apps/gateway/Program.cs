using Rose.Gateway;

// gateway: the edge in front of search, backoffice and admin: routing, security headers, rate limits.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddRoseGateway(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRoseGateway();
app.Run();

public partial class Program;
