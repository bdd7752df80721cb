using Rose.Chat;
using Rose.Chat.Api;
using Rose.Knowledge;
using Rose.Knowledge.Endpoints;
using Rose.Analytics;
using Rose.Analytics.Api;
using Rose.Tenancy;
using Rose.Tenancy.Endpoints;

// backoffice: the client's dashboard and its management API (/api/v1, bearer API key).
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddOpenApi();
builder.Services.AddRoseTenancy(builder.Configuration);
builder.Services.AddRoseAnalytics(builder.Configuration);
builder.Services.AddRoseKnowledge(builder.Configuration);
builder.Services.AddRoseChatRecords();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseRoseTenancy();
app.MapOpenApi();
app.MapAnalyticsApi();
app.MapTenantManagementApi();
app.MapKnowledgeApi();
app.MapSkillsApi();
app.MapConversationReportsApi();
app.Run();

public partial class Program;
