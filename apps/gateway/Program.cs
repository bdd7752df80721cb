// gateway: the edge in front of search, backoffice and admin (routing, CORS, rate limits come with the widget work).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
