using Rose.Storage;
using Rose.Chat;
using Rose.Chat.Api;
using Rose.Chat.Turns;
using Rose.Geo.Site;
using Rose.Llm;
using Rose.Platform;
using Rose.Analytics;
using Rose.Analytics.Api;
using Rose.Tenancy;
using Rose.Widget;

// search: the website agent's API, called by the widget through the gateway, and the public read path
// of the published GEO sites (search is in the blob binding's scope and already serves public traffic).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);
builder.Services.AddRoseAnalytics(builder.Configuration);
builder.Services.AddRosePlatform(builder.Configuration);
builder.Services.AddRoseLlm(builder.Configuration);
builder.Services.AddRoseChat(builder.Configuration);
builder.Services.AddConversationActors(builder.Configuration);
builder.Services.AddRoseGeoSite(builder.Configuration);

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.UseRateLimiter();
app.MapRosePlatform();
app.MapConversationActors();
app.MapOpenApi();
app.MapAnalyticsApi();
app.MapChatApi();
app.MapRoseWidget();
app.MapRoseGeoSite();
await app.RunOrMigrateOnlyAsync();

public partial class Program;
