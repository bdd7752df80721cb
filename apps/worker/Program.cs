// worker: cron jobs, pub/sub consumers and workflows (filled by the building-blocks work).
var builder = WebApplication.CreateBuilder(args);
builder.AddBasicServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
